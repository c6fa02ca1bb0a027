import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { EventStore } from '#event-store';
import { addMonths } from '#kernel';
import { EVENT_STORE } from '#platform';
import { localAuthorityOfPostcode } from '#ssda903';
import { recordAccess } from '../../access/index.js';
import {
  byPerson,
  nightsIn,
  RESIDENTIAL_PLACES,
  staysOf,
  supportedIn,
  type BaselineFact,
  type Fact,
  type Window,
} from '../indicators/indicators.js';
import { OutcomeFacts, type OutcomeFactsRead } from '../indicators/outcome-facts.reader.js';

/**
 * The extract for evaluators: one row per young person the hubs supported in a window,
 * pseudonymised with a keyed hash (the council's key: the same young person has the same
 * pseudonym in every extract, and no one without the key can link it back), with no name, no free
 * text, the date of birth as a month, and the home postcode as its local authority.
 */

/** One column of the extract, as its data dictionary says it. */
export interface Column {
  column: string;
  meaning: string;
  codes: string;
  source: string;
}

export const DICTIONARY: readonly Column[] = [
  {
    column: 'pseudonym',
    meaning:
      'The young person, as a keyed hash (HMAC-SHA256 with the council’s key, 20 hex digits)',
    codes: 'the same in every extract made with the same key',
    source: 'ReferralReceived (the case’s id, never written out)',
  },
  {
    column: 'hub',
    meaning: 'The hub whose case it is',
    codes: 'the hub’s id',
    source: 'ReferralReceived',
  },
  {
    column: 'birth_month',
    meaning: 'Month and year of birth',
    codes: 'YYYY-MM',
    source: 'ReferralReceived',
  },
  {
    column: 'sex',
    meaning: 'Sex',
    codes: 'M, F (blank: not recorded)',
    source: 'ReturnDetailsRecorded',
  },
  {
    column: 'ethnicity',
    meaning: 'Ethnicity',
    codes: 'the DfE’s codes (WBRI ...)',
    source: 'ReturnDetailsRecorded',
  },
  {
    column: 'home_la',
    meaning: 'Local authority of the home postcode',
    codes: 'ONS code (E10000014); blank where the postcode is not in the lookup held',
    source: 'ReturnDetailsRecorded',
  },
  {
    column: 'referral_category',
    meaning: 'Why referred (the first referral in the window)',
    codes: 'edge_of_care, in_care, care_leaver, ...',
    source: 'ReferralReceived, RepeatReferralReceived',
  },
  {
    column: 'referred_on',
    meaning: 'Day of the first referral in the window (blank: referred before it)',
    codes: 'YYYY-MM-DD',
    source: 'ReferralReceived, RepeatReferralReceived',
  },
  ...(
    [
      ['missing_episodes', 'Missing episodes'],
      ['arrests', 'Arrests'],
      ['placements', 'Placements'],
      ['residential_nights', 'Nights in residential care'],
      ['exclusions', 'School exclusions'],
    ] as const
  ).map(([c, words]) => ({
    column: `before_${c}`,
    meaning: `${words} in the 12 months before referral (blank: the year before not recorded)`,
    codes: 'a count',
    source: 'BaselineRecorded (the last recorded)',
  })),
  ...(
    [
      ['missing_episodes', 'Missing episodes', 'MissingEpisodeReported'],
      ['arrests', 'Arrests', 'JusticeEventRecorded (arrest)'],
      ['charges', 'Charges', 'JusticeEventRecorded (charge)'],
      ['cautions', 'Cautions', 'JusticeEventRecorded (caution)'],
      ['convictions', 'Convictions', 'JusticeEventRecorded (conviction)'],
    ] as const
  ).map(([c, words, source]) => ({
    column: `after_${c}`,
    meaning: `${words} in the 12 months after referral (blank: not referred in the window, or the 12 months not yet passed)`,
    codes: 'a count',
    source,
  })),
  {
    column: 'neet_at_referral',
    meaning: 'Not in education, employment or training on the day of referral',
    codes: '1 yes, 0 no, blank: no status recorded by then',
    source: 'EducationStatusRecorded',
  },
  {
    column: 'neet_12_months_after',
    meaning: 'Not in education, employment or training 12 months after referral',
    codes: '1 yes, 0 no, blank: no status, or not yet',
    source: 'EducationStatusRecorded',
  },
  {
    column: 'placed_outside_hub_12_months_after',
    meaning: 'A placement outside the hub began in the 12 months after referral',
    codes: '1 yes, 0 no, blank: not yet known',
    source: 'PlacementOutsideHubRecorded',
  },
  {
    column: 'hub_bed_nights',
    meaning: 'Nights in a hub bed in the window',
    codes: 'a count',
    source: 'YoungPersonAdmitted, YoungPersonDischarged',
  },
  {
    column: 'family_nights',
    meaning: 'Nights with a community family in the window',
    codes: 'a count',
    source: 'YoungPersonPlacedWithFamily, FamilyPlacementEnded',
  },
  {
    column: 'residential_nights',
    meaning: 'Nights in residential care outside the hub in the window (K1, K2, R1, R2, R5, S1)',
    codes: 'a count',
    source: 'PlacementOutsideHubRecorded, PlacementOutsideHubEnded',
  },
  {
    column: 'other_care_nights',
    meaning: 'Other nights in care outside the hub in the window (foster care and the rest)',
    codes: 'a count',
    source: 'PlacementOutsideHubRecorded, PlacementOutsideHubEnded',
  },
  ...(
    [
      ['cse', 'sexual exploitation'],
      ['cce', 'criminal exploitation'],
      ['substance_misuse', 'substance misuse'],
      ['crisis', 'crisis (A&E or mental health)'],
    ] as const
  ).map(([c, words]) => ({
    column: `concerns_${c}`,
    meaning: `Concerns of ${words} opened in the window`,
    codes: 'a count',
    source: 'RiskMarkerOpened',
  })),
  {
    column: 'fgc_held',
    meaning: 'A family group conference was held in the window',
    codes: '1 yes, 0 no',
    source: 'FamilyGroupConferenceRecorded (held)',
  },
  {
    column: 'fgc_plan_agreed',
    meaning: 'A family plan was agreed in the window',
    codes: '1 yes, 0 no',
    source: 'FamilyGroupConferenceRecorded (plan_agreed)',
  },
  {
    column: 'oc3_in_touch',
    meaning: 'At the last OC3 record in the window: in touch',
    codes: 'YES, NO, DIED, REFU, NREQ, RHOM (blank: no record)',
    source: 'CareLeaverRecordMade',
  },
  {
    column: 'oc3_suitable_accommodation',
    meaning: 'At the same record: accommodation suitable',
    codes: '1 yes, 0 no, blank: no record or not in touch',
    source: 'CareLeaverRecordMade',
  },
  {
    column: 'oc3_education_training_work',
    meaning: 'At the same record: in education, training or work',
    codes: '1 yes, 0 no, blank: no record or not in touch',
    source: 'CareLeaverRecordMade',
  },
];

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
    const eteOn = (day: string) =>
      mine
        .filter((f) => f.kind === 'ete' && f.on <= day)
        .sort((a, b) => (a.on < b.on ? -1 : 1))
        .at(-1)?.code ?? null;
    const neet = (day: string | null) => {
      if (day === null) return null;
      const status = eteOn(day);
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

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function extractCsv(rows: readonly ExtractRow[]): string {
  const columns = DICTIONARY.map((c) => c.column);
  return (
    [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') +
    '\r\n'
  );
}

export function dictionaryCsv(): string {
  return (
    [
      'column,meaning,codes,source_event',
      ...DICTIONARY.map((c) => [c.column, c.meaning, c.codes, c.source].map(cell).join(',')),
    ].join('\r\n') + '\r\n'
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
