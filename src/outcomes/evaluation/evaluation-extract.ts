import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { EventStore } from '#event-store';
import { addMonths, csvFile } from '#kernel';
import { EVENT_STORE } from '#platform';
import { localAuthorityOfPostcode } from '#ssda903';
import { recordAccess } from '../../access/index.js';
import {
  byPerson,
  eteOn,
  nightsIn,
  RESIDENTIAL_PLACES,
  staysOf,
  supportedIn,
  type BaselineFact,
  type Fact,
  type Window,
} from '../indicators/facts.js';
import { OutcomeFacts, type OutcomeFactsRead } from '../indicators/outcome-facts.reader.js';
import { DICTIONARY } from './evaluation-dictionary.js';

/**
 * The extract for evaluators: one row per young person the hubs supported in a window,
 * pseudonymised with a keyed hash (the council's key: the same young person has the same
 * pseudonym in every extract, and no one without the key can link it back), with no name, no free
 * text, the date of birth as a month, and the home postcode as its local authority.
 */

export { DICTIONARY, type Column } from './evaluation-dictionary.js';

export type ExtractRow = Record<string, string | number | null>;

/** The council's key, from `EVALUATION_KEY_FILE`: 32 bytes or more, never in the project. */
export function readEvaluationKey(file: string | undefined): Buffer {
  if (!file) {
    throw new Error(
      'set EVALUATION_KEY_FILE to the council’s key for evaluation extracts (a file of 32 or more random bytes, kept by the council: openssl rand -out FILE 32)',
    );
  }
  const key = readFileSync(file);
  if (key.length < 32) {
    throw new Error(`the key in ${file} is ${key.length} bytes: it must be 32 or more`);
  }
  return key;
}

export const pseudonymOf = (key: Buffer, youngPersonId: string) =>
  createHmac('sha256', key).update(youngPersonId).digest('hex').slice(0, 20);

const bit = (v: boolean | null) => (v === null ? null : v ? 1 : 0);

/** The rows for a window (pure, from the outcomes facts), and the young people they are about. */
export function extractRows(
  input: Pick<OutcomeFactsRead, 'people' | 'facts'> & {
    baselines: ReadonlyMap<string, Omit<BaselineFact, 'youngPersonId'>>;
    window: Window;
    asOf: string;
  },
  key: Buffer,
): ExtractRow[] {
  const { facts, window, asOf } = input;
  const stays = byPerson(staysOf(facts));
  const factsOf = byPerson(facts);
  const supported = supportedIn(input.people, facts, window);
  return supported.map((p) => {
    const id = p.youngPersonId;
    const mine = factsOf.get(id) ?? [];
    const inWindow = (f: Fact) => f.on >= window.from && f.on <= window.to;
    const referral = mine
      .filter((f) => f.kind === 'referral' && inWindow(f))
      .sort((a, b) => (a.on < b.on ? -1 : 1))[0];
    const followed = referral && addMonths(referral.on, 12) <= asOf ? referral.on : null;
    const after = (kind: string) =>
      followed === null
        ? null
        : mine.filter((f) => f.kind === kind && f.on > followed && f.on <= addMonths(followed, 12))
            .length;
    const neet = (day: string | null) => {
      if (day === null) return null;
      const status = eteOn(mine, day);
      return status === null ? null : bit(status === 'neet');
    };
    const b = input.baselines.get(id);
    const myStays = stays.get(id) ?? [];
    const nights = (pred: (s: (typeof myStays)[number]) => boolean) =>
      myStays.filter(pred).reduce((n, s) => n + nightsIn(s, window, asOf), 0);
    const oc3 = mine.filter((f) => f.kind === 'oc3' && inWindow(f)).at(-1);
    const inTouch = oc3 && oc3.code !== '0';
    const concerns = (kind: string) =>
      mine.filter((f) => f.kind === 'concern_opened' && f.code === kind && inWindow(f)).length;
    const fgc = (stage: string) =>
      bit(mine.some((f) => f.kind === 'fgc' && f.code === stage && inWindow(f)));
    return {
      pseudonym: pseudonymOf(key, id),
      hub: p.hubId,
      birth_month: p.dateOfBirth.slice(0, 7),
      sex: p.sex,
      ethnicity: p.ethnicity,
      home_la: p.homePostcode ? localAuthorityOfPostcode(p.homePostcode) : null,
      referral_category: referral?.code ?? null,
      referred_on: referral?.on ?? null,
      before_missing_episodes: b?.missingEpisodes ?? null,
      before_arrests: b?.arrests ?? null,
      before_placements: b?.placements ?? null,
      before_residential_nights: b?.residentialNights ?? null,
      before_exclusions: b?.exclusions ?? null,
      after_missing_episodes: after('missing'),
      after_arrests: after('arrest'),
      after_charges: after('charge'),
      after_cautions: after('caution'),
      after_convictions: after('conviction'),
      neet_at_referral: neet(referral?.on ?? null),
      neet_12_months_after: neet(followed && addMonths(followed, 12)),
      placed_outside_hub_12_months_after:
        followed === null
          ? null
          : bit(
              myStays.some(
                (s) =>
                  s.where === 'outside' && s.start > followed && s.start <= addMonths(followed, 12),
              ),
            ),
      hub_bed_nights: nights((s) => s.where === 'bed'),
      family_nights: nights((s) => s.where === 'family'),
      residential_nights: nights(
        (s) => s.where === 'outside' && RESIDENTIAL_PLACES.has(s.place ?? ''),
      ),
      other_care_nights: nights(
        (s) => s.where === 'outside' && !RESIDENTIAL_PLACES.has(s.place ?? ''),
      ),
      concerns_cse: concerns('cse'),
      concerns_cce: concerns('cce'),
      concerns_substance_misuse: concerns('substance_misuse'),
      concerns_crisis: concerns('crisis'),
      fgc_held: fgc('held'),
      fgc_plan_agreed: fgc('plan_agreed'),
      oc3_in_touch: oc3 ? (inTouch ? 'YES' : 'NO') : null,
      oc3_suitable_accommodation: inTouch ? bit(oc3.code2?.endsWith('1') ?? false) : null,
      oc3_education_training_work: inTouch
        ? bit(oc3.code?.startsWith('F') || oc3.code?.startsWith('P') || false)
        : null,
    };
  });
}

export function extractCsv(rows: readonly ExtractRow[]): string {
  const columns = DICTIONARY.map((c) => c.column);
  return csvFile(
    columns,
    rows.map((r) => columns.map((c) => r[c])),
  );
}

export function dictionaryCsv(): string {
  return csvFile(
    ['column', 'meaning', 'codes', 'source_event'],
    DICTIONARY.map((c) => [c.column, c.meaning, c.codes, c.source]),
  );
}

/** Who is making the extract, for the access log. */
export interface Discloser {
  id: string;
  name: string;
  roles: string[];
  reason: string | null;
  path: string;
}

/**
 * Reads the facts, builds the rows, and records the extract in the access log as a disclosure of
 * every young person in it before anything is handed over.
 */
@Injectable()
export class EvaluationExtract {
  constructor(
    private readonly facts: OutcomeFacts,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async make(
    window: Window,
    hubIds: readonly string[] | null,
    key: Buffer,
    by: Discloser,
  ): Promise<{ rows: ExtractRow[]; csv: string; dictionary: string }> {
    const now = new Date().toISOString();
    const read = await this.facts.read(hubIds, now);
    const rows = extractRows({ ...read, window, asOf: now.slice(0, 10) }, key);
    // Who is in it, by the pseudonyms' own ids: recomputed here, never written out.
    const inIt = new Set(rows.map((row) => row.pseudonym));
    const ids = read.people
      .map((p) => p.youngPersonId)
      .filter((id) => inIt.has(pseudonymOf(key, id)));
    if (ids.length > 0) {
      await recordAccess(this.store, {
        userId: by.id,
        userName: by.name,
        roles: by.roles,
        youngPersonIds: ids,
        view: `evaluation extract disclosed (${window.from} to ${window.to})`,
        path: by.path,
        reason: by.reason,
      });
    }
    return { rows, csv: extractCsv(rows), dictionary: dictionaryCsv() };
  }
}
