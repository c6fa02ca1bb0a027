import { addMonths } from '#kernel';

/**
 * The evaluation's indicators, from the outcomes facts: pure, so each definition is a
 * given/when/then case on a hand-built cohort (`indicators.spec.ts`). Every figure says its
 * window, its baseline window where it has one, and how many young people it covers.
 */

import {
  byPerson,
  entriesToCare,
  eteOn,
  nightsIn,
  RESIDENTIAL_PLACES,
  staysOf,
  supportedIn,
  type BaselineFact,
  type Fact,
  type PersonFact,
  type Stay,
  type Window,
} from './facts.js';

export * from './facts.js';

/** What a night costs, by where it is spent (configuration: `UNIT_COST_*`). */
export interface UnitCosts {
  residentialNight: number;
  hubBedNight: number;
  familyNight: number;
}

export interface Indicator {
  key: string;
  title: string;
  /** The figure: a count, a share (0 to 1) or pounds, by `unit`. */
  value: number | null;
  unit: 'young people' | 'share' | 'count' | 'nights' | 'pounds' | 'per young person';
  window: string;
  baselineWindow: string | null;
  /** How many young people it covers. */
  covers: number;
  /** Before and after referral, for those indicators that compare them. */
  before?: number;
  after?: number;
  /** How it is defined, in a sentence (the README says it beside the evaluation's figure). */
  definition: string;
}

export interface IndicatorInput {
  people: readonly PersonFact[];
  facts: readonly Fact[];
  baselines: ReadonlyMap<string, BaselineFact>;
  window: Window;
  /** The day the figures are as known at (follow-up windows must have ended by then). */
  asOf: string;
  costs: UnitCosts;
}

export function computeIndicators(input: IndicatorInput): Indicator[] {
  const { people, facts, baselines, window, asOf, costs } = input;
  const w = `${window.from} to ${window.to}`;
  const ids = new Set(people.map((p) => p.youngPersonId));
  const mine = facts.filter((f) => ids.has(f.youngPersonId));
  const perPerson = byPerson(mine);
  const of = (id: string, kind: string) => (perPerson.get(id) ?? []).filter((f) => f.kind === kind);
  const inWindow = (day: string) => day >= window.from && day <= window.to;
  const out: Indicator[] = [];

  const supported = supportedIn(people, mine, window);
  out.push({
    key: 'supported',
    title: 'Young people supported',
    value: supported.length,
    unit: 'young people',
    window: w,
    baselineWindow: null,
    covers: supported.length,
    definition:
      'Young people whose referral the hub accepted by the end of the window and who had not stepped away (or been closed) before it began, unless the case reopened.',
  });

  // The cohort: each young person's first referral in the window.
  const cohort = people.flatMap((p) => {
    const first = of(p.youngPersonId, 'referral')
      .filter((f) => inWindow(f.on))
      .sort((a, b) => (a.on < b.on ? -1 : 1))[0];
    return first ? [{ person: p, referredOn: first.on, category: first.code }] : [];
  });
  const followed = cohort.filter((c) => addMonths(c.referredOn, 12) <= asOf);
  const after = (c: (typeof cohort)[number], day: string) =>
    day > c.referredOn && day <= addMonths(c.referredOn, 12);

  const stays = staysOf(mine);
  const entries = entriesToCare(stays);

  const edge = followed.filter((c) => c.category === 'edge_of_care');
  // Out of care: no placement outside the hub began (the hub's own beds and families are its
  // support, counted as nights below).
  const staysOfPerson = byPerson(stays);
  const stayedOut = edge.filter(
    (c) =>
      !(staysOfPerson.get(c.person.youngPersonId) ?? []).some(
        (s) => s.where === 'outside' && after(c, s.start),
      ),
  );

  out.push({
    key: 'stayed_out_of_care',
    title: 'Edge of care referrals who stayed out of care 12 months later',
    value: edge.length ? stayedOut.length / edge.length : null,
    unit: 'share',
    window: `referred ${w}, followed for 12 months`,
    baselineWindow: null,
    covers: edge.length,
    definition:
      'Of the young people referred on the edge of care in the window whose 12 months after referral have passed, the share for whom no placement outside the hub (council foster care, a children’s home, other care) began in those 12 months. Stays in the hub’s own beds and community families are the hub’s support, not an entry to care here; they are counted as nights.',
  });

  const entered = entries.filter((e) => inWindow(e.on));
  out.push({
    key: 'entries_to_care',
    title: 'Entries to care',
    value: entered.length,
    unit: 'count',
    window: w,
    baselineWindow: null,
    covers: new Set(entered.map((e) => e.youngPersonId)).size,
    definition:
      'Periods of care that began in the window: a stay of 24 hours or more that did not start the day another ended.',
  });

  // Nights in the window, by where they were spent.
  const nights = { bed: 0, family: 0, residential: 0, otherOutside: 0 };
  for (const s of stays) {
    const n = nightsIn(s, window, asOf);
    if (s.where === 'bed') nights.bed += n;
    else if (s.where === 'family') nights.family += n;
    else if (s.place && RESIDENTIAL_PLACES.has(s.place)) nights.residential += n;
    else nights.otherOutside += n;
  }
  const allNights = nights.bed + nights.family + nights.residential + nights.otherOutside;
  const nightsCover = (pred: (s: Stay) => boolean) =>
    new Set(stays.filter(pred).map((s) => s.youngPersonId)).size;
  out.push({
    key: 'residential_nights',
    title: 'Nights in residential care',
    value: nights.residential,
    unit: 'nights',
    window: w,
    baselineWindow: null,
    covers: nightsCover((s) => s.where === 'outside' && RESIDENTIAL_PLACES.has(s.place ?? '')),
    definition:
      'Nights in the window in children’s homes and other residential care outside the hub (placement types K1, K2, R1, R2, R5, S1).',
  });
  out.push({
    key: 'residential_share',
    title: 'Share of nights in care spent in residential care',
    value: allNights ? nights.residential / allNights : null,
    unit: 'share',
    window: w,
    baselineWindow: null,
    covers: nightsCover(() => true),
    definition:
      'Nights in residential care outside the hub, over all nights in care in the window (hub beds, community families and placements outside the hub).',
  });

  const moves = mine.filter(
    (f) =>
      inWindow(f.on) &&
      (f.kind === 'move' ||
        (f.kind === 'start' &&
          (perPerson.get(f.youngPersonId) ?? []).some((e) => e.kind === 'end' && e.on === f.on))),
  );
  out.push({
    key: 'placement_moves',
    title: 'Placement moves',
    value: moves.length,
    unit: 'count',
    window: w,
    baselineWindow: null,
    covers: new Set(moves.map((m) => m.youngPersonId)).size,
    definition:
      'Moves inside a period of care in the window: a placement that began the day another ended, or a move between hub beds.',
  });

  // Before and after referral: for those with the year before recorded and 12 months gone since.
  const compared = followed.filter((c) => baselines.has(c.person.youngPersonId));
  const total = (count: (c: (typeof cohort)[number]) => number) =>
    compared.reduce((sum, c) => sum + count(c), 0);
  const beforeAfter = (
    key: string,
    title: string,
    kind: string,
    field: 'missingEpisodes' | 'arrests',
  ) => {
    const before = total((c) => baselines.get(c.person.youngPersonId)![field]);
    const afterCount = total(
      (c) => of(c.person.youngPersonId, kind).filter((f) => after(c, f.on)).length,
    );
    out.push({
      key,
      title,
      value: compared.length ? (afterCount - before) / compared.length : null,
      unit: 'per young person',
      window: `12 months after referral, for those referred ${w}`,
      baselineWindow: '12 months before referral (as recorded)',
      covers: compared.length,
      before,
      after: afterCount,
      definition: `${title} in the 12 months after referral against the 12 months before (the year before as recorded on the case), for young people referred in the window whose 12 months after have passed and whose year before is recorded. The figure is the change per young person.`,
    });
  };
  beforeAfter('missing', 'Missing episodes', 'missing', 'missingEpisodes');
  beforeAfter('arrests', 'Arrests', 'arrest', 'arrests');

  // NEET: at referral and 12 months later, for those 16 or over then with a status on both days.
  const neetCompared = followed.filter((c) => {
    const at = eteOn(perPerson.get(c.person.youngPersonId) ?? [], c.referredOn);
    const later = eteOn(perPerson.get(c.person.youngPersonId) ?? [], addMonths(c.referredOn, 12));
    return (
      at !== null && later !== null && addMonths(c.person.dateOfBirth, 16 * 12) <= c.referredOn
    );
  });
  const neetAt = (c: (typeof cohort)[number], day: string) =>
    eteOn(perPerson.get(c.person.youngPersonId) ?? [], day) === 'neet' ? 1 : 0;
  const neetBefore = neetCompared.reduce((n, c) => n + neetAt(c, c.referredOn), 0);
  const neetAfter = neetCompared.reduce((n, c) => n + neetAt(c, addMonths(c.referredOn, 12)), 0);
  out.push({
    key: 'neet',
    title: 'Not in education, employment or training (NEET)',
    value: neetCompared.length ? (neetAfter - neetBefore) / neetCompared.length : null,
    unit: 'per young person',
    window: `on the day 12 months after referral, for those referred ${w}`,
    baselineWindow: 'on the day of referral',
    covers: neetCompared.length,
    before: neetBefore,
    after: neetAfter,
    definition:
      'Young people NEET on the day of referral against 12 months later, for those 16 or over at referral with an education, training or work status recorded for both days.',
  });

  // Care leavers' OC3 records in the window.
  const oc3 = mine.filter((f) => f.kind === 'oc3' && inWindow(f.on));
  const inTouch = oc3.filter((f) => f.code !== '0');
  out.push({
    key: 'care_leavers_suitable',
    title: 'Care leavers in suitable accommodation',
    value: inTouch.length
      ? inTouch.filter((f) => f.code2?.endsWith('1')).length / inTouch.length
      : null,
    unit: 'share',
    window: `birthdays ${w}`,
    baselineWindow: null,
    covers: inTouch.length,
    definition:
      'Of the OC3 records for birthdays (17 to 21) in the window with the care leaver in touch, the share whose accommodation was suitable.',
  });
  out.push({
    key: 'care_leavers_eet',
    title: 'Care leavers in education, training or work',
    value: inTouch.length
      ? inTouch.filter((f) => f.code?.startsWith('F') || f.code?.startsWith('P')).length /
        inTouch.length
      : null,
    unit: 'share',
    window: `birthdays ${w}`,
    baselineWindow: null,
    covers: inTouch.length,
    definition:
      'Of the same OC3 records, the share whose main activity was education, training, an apprenticeship or work (full or part time).',
  });

  out.push({
    key: 'hub_bed_nights',
    title: 'Hub bed nights',
    value: nights.bed,
    unit: 'nights',
    window: w,
    baselineWindow: null,
    covers: nightsCover((s) => s.where === 'bed'),
    definition: 'Nights in the window spent in the hub’s beds.',
  });
  const hubCost = nights.bed * costs.hubBedNight + nights.family * costs.familyNight;
  const asResidential = (nights.bed + nights.family) * costs.residentialNight;
  out.push({
    key: 'cost_compared',
    title: 'Hub bed and family nights, cost against the same nights in residential care',
    value: asResidential - hubCost,
    unit: 'pounds',
    window: w,
    baselineWindow: null,
    covers: nightsCover((s) => s.where !== 'outside'),
    before: asResidential,
    after: hubCost,
    definition: `What the window’s hub bed and community family nights cost (at £${costs.hubBedNight} and £${costs.familyNight} a night) against the same nights in residential care (at £${costs.residentialNight}): the difference is the figure.`,
  });
  return out;
}

/** Under 5 is not shown outside the hub: a count from 1 to 4 becomes "fewer than 5". */
export const SMALL = 5;
export function suppressed(i: Indicator): boolean {
  return i.covers > 0 && i.covers < SMALL;
}
