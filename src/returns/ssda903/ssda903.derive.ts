import { collectionYearBounds, providerRequired, type TableName, type TableRow } from '#ssda903';
import { ageOn, birthdayAt } from '#kernel';
import type { ReturnDetailsRecorded } from '../../young-people/index.js';

/**
 * The SSDA903 return derived from the log: pure, so each rule is a given/when/then case. The
 * caller gathers, for each young person, every event about them (every capability's streams),
 * and for each hub its council and Ofsted number; this turns them into the DfE's tables and the
 * problems still to put right before the council submits.
 */

/** An event as the log gives it back (type and data are all the return reads). */
export interface LoggedFact {
  type: string;
  data: Record<string, unknown>;
}

export interface HubFacts {
  hubId: string;
  name: string;
  laCode: string | null;
  ofstedUrn: string | null;
}

export interface ChildInput {
  youngPersonId: string;
  hubId: string;
  /** For the readiness list: "Ana Offline". */
  name: string;
  events: readonly LoggedFact[];
}

export type ProblemFix = 'return-details' | 'hub-registration' | 'placements' | 'housing';

/** Last year's return as the council sent it: what this year's must agree with. */
export interface PreviousReturn {
  year: string;
  header: readonly TableRow<'header'>[];
  openEpisodes: readonly TableRow<'episodes'>[];
}

/** The episode fields that carry over from an episode open on 31 March into 1 April. */
const CARRIED = ['DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'PL_POST', 'URN'] as const;
/** The header fields that must agree with last year's. */
const HEADER_AGREES = ['SEX', 'DOB', 'ETHNIC'] as const;

export interface ReturnProblem {
  youngPersonId: string | null;
  hubId: string;
  name: string;
  table: TableName;
  field: string;
  message: string;
  /** The form that puts it right. */
  fix: ProblemFix;
}

export interface Ssda903Return {
  year: string;
  tables: { [T in TableName]: TableRow<T>[] };
  problems: ReturnProblem[];
}

/** "Not applicable" in the URN column: a placement with no Ofsted registration of its own. */
export const NO_URN = 'XXXXXXX';
/** Placement types registered with Ofsted in their own right (a children's home, K2). */
const URN_PLACES = new Set(['K1', 'K2', 'R1', 'S1']);

interface Spell {
  kind: 'bed' | 'family' | 'outside';
  /** A placement outside the hub: the home's own URN, when it has one. */
  urn?: string | null;
  /** In words, for the readiness list. */
  description?: string;
  hubId: string;
  /** Who cares for them: the same carers across a move inside a hub keep the episode. */
  carer: string;
  start: string;
  end: string | null;
  ls: string;
  place: string;
  provider: string | null;
  postcode: string;
  rec: string | null;
  reasonAtStart: string | null;
  reasonAtEnd: string | null;
}

/** What the return reads of the young person's recorded details. */
type ReturnDetails = Omit<ReturnDetailsRecorded['data'], 'youngPersonId' | 'recordedAt'>;

interface EpisodeFacts {
  ls: string;
  place: string;
  placeProvider: string | null;
  reasonPlaceChange: string | null;
  postcode: string;
}

interface ChildFacts {
  dob: string | null;
  details: ReturnDetails | null;
  spells: Spell[];
  missing: { id: string; category: string; start: string; end: string | null }[];
  oc3: { birthday: string; year: string; inTouch: string; activ: string; accom: string }[];
}

const UK_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/London' });
/** The UK day of an instant (the return's dates are UK local days). */
export const ukDay = (instant: string) => UK_DAY.format(new Date(instant));

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** Folds a young person's events into what the return reads. */
export function childFacts(events: readonly LoggedFact[]): ChildFacts {
  const facts: ChildFacts = { dob: null, details: null, spells: [], missing: [], oc3: [] };
  const open = (kind: Spell['kind'], carer: string, d: Record<string, unknown>) => {
    const e = d.episode as EpisodeFacts;
    facts.spells.push({
      kind,
      hubId: String(d.hubId),
      carer,
      start: String(d.from),
      end: null,
      ls: e.ls,
      place: e.place,
      provider: e.placeProvider,
      postcode: e.postcode,
      rec: null,
      reasonAtStart: e.reasonPlaceChange,
      reasonAtEnd: null,
    });
  };
  const close = (kind: Spell['kind'], carer: string, d: Record<string, unknown>) => {
    const spell = facts.spells.findLast((s) => s.kind === kind && s.carer === carer && !s.end);
    if (!spell) return;
    spell.end = String(d.on);
    spell.rec = str(d.rec);
    spell.reasonAtEnd = str(d.reasonPlaceChange);
  };
  for (const { type, data: d } of events) {
    switch (type) {
      case 'ReferralReceived':
        facts.dob ??= (d.youngPerson as { dateOfBirth: string }).dateOfBirth;
        break;
      case 'ReferralDetailsCorrected': {
        const dob = (d.changes as { dateOfBirth?: string }).dateOfBirth;
        if (dob) facts.dob = dob;
        break;
      }
      case 'ReturnDetailsRecorded':
        facts.details = d as unknown as ReturnDetails;
        break;
      case 'YoungPersonAdmitted':
        open('bed', `hub:${String(d.hubId)}`, d);
        break;
      case 'YoungPersonDischarged':
        close('bed', `hub:${String(d.hubId)}`, d);
        break;
      case 'LegalStatusChanged': {
        // The stay goes on; the return's episode ends that day and another begins (RNE L).
        const carer = `hub:${String(d.hubId)}`;
        const spell = facts.spells.findLast((x) => x.kind === 'bed' && x.carer === carer && !x.end);
        if (!spell) break;
        const on = String(d.on);
        if (spell.start === on) {
          spell.ls = String(d.ls);
          break;
        }
        spell.end = on;
        facts.spells.push({
          ...spell,
          start: on,
          end: null,
          ls: String(d.ls),
          reasonAtStart: null,
        });
        break;
      }
      case 'YoungPersonPlacedWithFamily':
        open('family', `family:${String(d.familyId)}`, d);
        break;
      case 'FamilyPlacementEnded':
        close('family', `family:${String(d.familyId)}`, d);
        break;
      case 'PlacementOutsideHubRecorded':
        open('outside', `outside:${String(d.placementId)}`, d);
        facts.spells.at(-1)!.urn = str(d.urn);
        facts.spells.at(-1)!.description = String(d.description);
        break;
      case 'PlacementOutsideHubEnded':
        close('outside', `outside:${String(d.placementId)}`, d);
        break;
      case 'MissingEpisodeReported':
        facts.missing.push({
          id: String(d.episodeId),
          category: String(d.category),
          start: ukDay(String(d.startedAt)),
          end: null,
        });
        break;
      case 'YoungPersonReturned': {
        const m = facts.missing.find((x) => x.id === d.episodeId);
        if (m) m.end = ukDay(String(d.returnedAt));
        break;
      }
      case 'CareLeaverRecordMade':
        facts.oc3.push({
          birthday: String(d.birthday),
          year: String(d.collectionYear),
          inTouch: String(d.inTouch),
          activ: String(d.activ ?? '0'),
          accom: String(d.accom ?? '0'),
        });
        break;
      default:
        break;
    }
  }
  facts.spells.sort((a, b) => a.start.localeCompare(b.start));
  return facts;
}

/** The reason for a new episode, from what changed between two episodes that meet. */
export function reasonForNewEpisode(prev: Spell, next: Spell): 'L' | 'P' | 'T' | 'U' | 'B' | null {
  const legal = prev.ls !== next.ls;
  const carers = prev.carer !== next.carer;
  const placement =
    carers ||
    prev.place !== next.place ||
    prev.provider !== next.provider ||
    prev.postcode !== next.postcode;
  if (legal && carers) return 'T';
  if (legal && placement) return 'U';
  if (legal) return 'L';
  if (carers) return 'P';
  if (placement) return 'B';
  return null;
}

interface EpisodeRow {
  spell: Spell;
  start: string;
  end: string | null;
  rne: string;
  rec: string | null;
  reasonPlaceChange: string | null;
}

/**
 * A young person's episodes over their whole time in care, from the placements: a stay of under
 * 24 hours is not an episode; two that meet on a day are one period of care (the earlier ends X1
 * with the reason the placement changed, the later says what changed); two with days between are
 * two periods (the earlier must end with an E code, the later starts S).
 */
export function episodesOf(spells: readonly Spell[]): EpisodeRow[] {
  const rows: EpisodeRow[] = [];
  for (const spell of spells) {
    const prev = rows.at(-1);
    if (spell.end !== null && spell.end <= spell.start) {
      // Under 24 hours: no episode. If it met the one before, how it ended is how that one ends.
      if (prev && prev.end === spell.start) {
        prev.end = spell.end;
        prev.rec = spell.rec;
        prev.spell = { ...prev.spell, reasonAtEnd: spell.reasonAtEnd ?? prev.spell.reasonAtEnd };
      }
      continue;
    }
    if (prev && prev.end === spell.start) {
      const rne = reasonForNewEpisode(prev.spell, spell);
      if (rne === null) {
        // Nothing the return records changed: the same episode goes on.
        prev.end = spell.end;
        prev.rec = spell.rec;
        prev.spell = { ...spell, start: prev.start };
        continue;
      }
      prev.rec = 'X1';
      prev.reasonPlaceChange =
        rne === 'L' ? null : (prev.spell.reasonAtEnd ?? spell.reasonAtStart ?? null);
      rows.push({
        spell,
        start: spell.start,
        end: spell.end,
        rne,
        rec: spell.rec,
        reasonPlaceChange: null,
      });
      continue;
    }
    rows.push({
      spell,
      start: spell.start,
      end: spell.end,
      rne: 'S',
      rec: spell.rec,
      reasonPlaceChange: null,
    });
  }
  return rows;
}

const lookedAfterOn = (rows: readonly EpisodeRow[], day: string) =>
  rows.some((r) => r.start <= day && (r.end === null || r.end > day));

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS));

/** Reasons care ended that take someone out of the OC3 cohort: adopted, died, moved away. */
const LEFT_THE_COHORT = new Set(['E11', 'E12', 'E2', 'E3', 'E16']);

/**
 * Whether someone is a relevant or former relevant child on a birthday, from the care the case
 * holds: at least 13 weeks looked after since their 14th birthday, some of it after their 16th,
 * and care not ended by adoption, death or a move away.
 */
export function careLeaverOn(rows: readonly EpisodeRow[], dob: string, day: string): boolean {
  const fourteen = birthdayAt(dob, 14);
  const sixteen = birthdayAt(dob, 16);
  let days = 0;
  let after16 = false;
  for (const r of rows) {
    const from = r.start > fourteen ? r.start : fourteen;
    const to = r.end === null || r.end > day ? day : r.end;
    if (to > from) days += daysBetween(from, to);
    if ((r.end === null || r.end > sixteen) && r.start < day) after16 = true;
  }
  const last = rows.filter((r) => r.start < day).at(-1);
  if (last?.rec && LEFT_THE_COHORT.has(last.rec)) return false;
  return days >= 91 && after16;
}

/** The return for one collection year, and what still stands in its way. */
export function deriveSsda903(
  year: string,
  children: readonly ChildInput[],
  hubs: ReadonlyMap<string, HubFacts>,
  previous: PreviousReturn | null = null,
): Ssda903Return {
  const lastHeader = new Map((previous?.header ?? []).map((h) => [h.CHILD, h]));
  const lastOpen = new Map((previous?.openEpisodes ?? []).map((e) => [e.CHILD, e]));
  const { start, end } = collectionYearBounds(year);
  const tables: Ssda903Return['tables'] = {
    header: [],
    episodes: [],
    missing: [],
    oc3: [],
    uasc: [],
  };
  const problems: ReturnProblem[] = [];
  const childIds = new Map<string, string>();
  for (const child of children) {
    const facts = childFacts(child.events);
    const problem = (table: TableName, field: string, message: string, fix: ProblemFix) =>
      problems.push({
        youngPersonId: child.youngPersonId,
        hubId: child.hubId,
        name: child.name,
        table,
        field,
        message,
        fix,
      });
    // Two placements at once cannot both be the return's: say which, to be put right.
    facts.spells.forEach((s, i) => {
      const before = facts.spells[i - 1];
      if (before && (before.end === null || s.start < before.end)) {
        problem(
          'episodes',
          'DECOM',
          `Two placements at once: one from ${before.start} and another from ${s.start}.`,
          'placements',
        );
      }
    });
    const all = episodesOf(facts.spells);
    const inYear = all.filter((r) => r.start <= end && (r.end === null || r.end >= start));
    // OC3: each 17th to 21st birthday in the year of a care leaver not looked after that day.
    const oc3: ChildFacts['oc3'] = [];
    const oc3Problems: [string, ProblemFix][] = [];
    if (facts.dob) {
      for (let age = 17; age <= 21; age++) {
        const birthday = birthdayAt(facts.dob, age);
        if (birthday < start || birthday > end || lookedAfterOn(all, birthday)) continue;
        const record = facts.oc3.find((r) => r.birthday === birthday);
        const leaver = careLeaverOn(all, facts.dob, birthday);
        if (leaver && record) oc3.push(record);
        else if (leaver) {
          oc3Problems.push([
            `The OC3 record for the ${age}th birthday (${birthday}) is not made yet.`,
            'housing',
          ]);
        } else if (record) {
          oc3Problems.push([
            `The OC3 record for the ${age}th birthday is made, but the case holds no care that makes them a care leaver (13 weeks looked after since 14, some after 16): add the placements before the hub.`,
            'placements',
          ]);
        }
      }
    }
    const d = facts.details;
    for (const [message, fix] of oc3Problems) problem('oc3', 'CHILD', message, fix);
    if (inYear.length === 0 && oc3.length === 0) {
      const open = d ? lastOpen.get(d.childId) : undefined;
      if (open) {
        problem(
          'episodes',
          'DECOM',
          `An episode open at the end of ${previous!.year} (from ${open.DECOM}) is missing from this year.`,
          'placements',
        );
      }
      continue;
    }
    const dob = facts.dob ?? '';
    if (!d) {
      problem(
        'header',
        'CHILD',
        'The details the return needs are not recorded yet (child id, sex, ethnicity, UPN, category of need, home postcode).',
        'return-details',
      );
    } else {
      const seen = childIds.get(d.childId);
      if (seen && seen !== child.youngPersonId) {
        problem(
          'header',
          'CHILD',
          `The child id ${d.childId} is also another young person’s.`,
          'return-details',
        );
      }
      childIds.set(d.childId, child.youngPersonId);
      if (d.upnReason === 'UN1' && ageOn(dob, end) >= 6) {
        problem(
          'header',
          'UPN',
          'UN1 is for a child under 6 on 31 March; give the UPN or another reason.',
          'return-details',
        );
      }
    }
    const childId = d?.childId ?? null;
    if (inYear.length > 0) {
      tables.header.push({
        CHILD: childId,
        SEX: d?.sex ?? null,
        DOB: dob || null,
        ETHNIC: d?.ethnicity ?? null,
        UPN: d ? (d.upn ?? d.upnReason) : null,
        MOTHER: d?.sex === 'F' ? d.mother : null,
        MC_DOB: d?.mother === '1' ? d.babyDateOfBirth : null,
      });
      if (d?.uasc) {
        const eighteen = `${Number(dob.slice(0, 4)) + 18}${dob.slice(4)}`;
        tables.uasc.push({
          CHILD: childId,
          SEX: d.sex,
          DOB: dob,
          DUC: d.uasc.ceasedOn ?? eighteen,
        });
      }
    }
    for (const row of inYear) {
      const s = row.spell;
      const openAtYearEnd = row.end === null || row.end > end;
      const hub = hubs.get(s.hubId);
      let urn: string | null = NO_URN;
      if (URN_PLACES.has(s.place)) {
        urn = s.kind === 'bed' ? (hub?.ofstedUrn ?? null) : (s.urn ?? null);
        if (urn === null && s.kind === 'bed') {
          problem(
            'episodes',
            'URN',
            `${hub?.name ?? 'The hub'} has no Ofsted URN recorded; a ${s.place} placement needs one.`,
            'hub-registration',
          );
        } else if (urn === null) {
          problem(
            'episodes',
            'URN',
            `The placement from ${row.start} (${s.description ?? s.place}) needs the home’s Ofsted URN.`,
            'placements',
          );
        }
      } else if (s.kind === 'outside' && s.urn) {
        urn = s.urn;
      }
      if (!openAtYearEnd && row.rec === null) {
        problem(
          'episodes',
          'REC',
          `Care ended on ${row.end} but the discharge did not say why (the reason episode ceased).`,
          'placements',
        );
      }
      tables.episodes.push({
        CHILD: childId,
        DECOM: row.start,
        RNE: row.rne,
        LS: s.ls,
        CIN: d?.cin ?? null,
        PLACE: s.place,
        PLACE_PROVIDER: providerRequired(s.place) ? s.provider : null,
        DEC: openAtYearEnd ? null : row.end,
        REC: openAtYearEnd ? null : row.rec,
        REASON_PLACE_CHANGE: openAtYearEnd ? null : row.reasonPlaceChange,
        HOME_POST: d?.homePostcode ?? null,
        PL_POST: s.postcode,
        URN: urn,
      });
      if (!openAtYearEnd && row.rec === 'X1' && row.reasonPlaceChange === null) {
        const next = all[all.indexOf(row) + 1];
        if (next && next.rne !== 'L') {
          problem(
            'episodes',
            'REASON_PLACE_CHANGE',
            `The placement changed on ${row.end} without a reason for the change.`,
            'placements',
          );
        }
      }
    }
    // Carry-over: what last year's return said stays said (an episode open on 31 March goes on
    // unchanged into 1 April; sex, date of birth and ethnicity agree).
    const last = childId ? lastHeader.get(childId) : undefined;
    const header = tables.header.at(-1);
    if (last && header?.CHILD === childId) {
      for (const f of HEADER_AGREES) {
        if (last[f] !== header[f]) {
          problem(
            'header',
            f,
            `${f} was ${last[f] ?? 'blank'} in the ${previous!.year} return, now ${header[f] ?? 'blank'}.`,
            'return-details',
          );
        }
      }
    }
    const open = childId ? lastOpen.get(childId) : undefined;
    if (open) {
      const first = tables.episodes.find((e) => e.CHILD === childId);
      if (!first) {
        problem(
          'episodes',
          'DECOM',
          `An episode open at the end of ${previous!.year} (from ${open.DECOM}) is missing from this year.`,
          'placements',
        );
      } else {
        for (const f of CARRIED) {
          if (first[f] !== open[f]) {
            problem(
              'episodes',
              f,
              `The episode open at the end of ${previous!.year} had ${f} ${open[f] ?? 'blank'}; it now reads ${first[f] ?? 'blank'}.`,
              'placements',
            );
          }
        }
      }
    }
    // Missing: only while looked after, inside the year; one still open on 31 March is open.
    for (const m of facts.missing) {
      if (m.start > end || (m.end !== null && m.end < start)) continue;
      if (!lookedAfterOn(all, m.start)) continue;
      tables.missing.push({
        CHILD: childId,
        DOB: dob || null,
        MISSING: m.category,
        MIS_START: m.start,
        MIS_END: m.end !== null && m.end <= end ? m.end : null,
      });
    }
    for (const r of oc3) {
      tables.oc3.push({
        CHILD: childId,
        DOB: dob || null,
        IN_TOUCH: r.inTouch,
        ACTIV: r.activ,
        ACCOM: r.accom,
      });
    }
  }
  for (const hub of hubs.values()) {
    if (!hub.laCode) {
      problems.push({
        youngPersonId: null,
        hubId: hub.hubId,
        name: hub.name,
        table: 'header',
        field: 'LA',
        message: `${hub.name} has no council recorded (its ONS code): the return is the council’s.`,
        fix: 'hub-registration',
      });
    }
  }
  return { year, tables, problems };
}
