import { collectionYearBounds, providerRequired, type TableName, type TableRow } from '#ssda903';
import { ageOn, birthdayAt } from '#kernel';
import { childFacts, type ChildFacts, type LoggedFact } from './child-facts.js';
import { episodesOf, lookedAfterOn, oc3DueOn } from './periods-of-care.js';
import { CarryOver, type PreviousReturn } from './carry-over.js';

export type { PreviousReturn } from './carry-over.js';

/**
 * The SSDA903 return derived from the log: pure, so each rule is a given/when/then case. The
 * caller gathers, for each young person, every event about them (every capability's streams),
 * and for each hub its council and Ofsted number; this turns them into the DfE's tables and the
 * problems still to put right before the council submits.
 */

export type { LoggedFact } from './child-facts.js';

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

/** The return for one collection year, and what still stands in its way. */
export function deriveSsda903(
  year: string,
  children: readonly ChildInput[],
  hubs: ReadonlyMap<string, HubFacts>,
  previous: PreviousReturn | null = null,
): Ssda903Return {
  const carryOver = new CarryOver(previous);
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
        const leaver = oc3DueOn(all, facts.dob, birthday);
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
      for (const c of carryOver.problemsOf(d?.childId ?? null, undefined, undefined)) {
        problem(c.table, c.field, c.message, c.fix);
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
    // Every child of the return is in the header: looked after in the year, or a care leaver
    // with only an OC3 record in it.
    tables.header.push({
      CHILD: childId,
      SEX: d?.sex ?? null,
      DOB: dob || null,
      ETHNIC: d?.ethnicity ?? null,
      UPN: d ? (d.upn ?? d.upnReason) : null,
      MOTHER: d?.sex === 'F' ? d.mother : null,
      MC_DOB: d?.mother === '1' ? d.babyDateOfBirth : null,
    });
    if (inYear.length > 0) {
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
    // Carry-over: what last year's return said stays said.
    const header = tables.header.at(-1);
    const first = tables.episodes.find((e) => e.CHILD === childId);
    for (const c of carryOver.problemsOf(
      childId,
      header?.CHILD === childId ? header : undefined,
      first,
    )) {
      problem(c.table, c.field, c.message, c.fix);
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
