/**
 * A young person's outcomes facts, as the indicators and the extract read them: the facts read
 * model's rows, each young person's stays in care, and what follows from them. Pure.
 */

export interface PersonFact {
  youngPersonId: string;
  hubId: string;
  dateOfBirth: string;
}

/** One dated fact (see the facts read model): kind, day, and up to two codes. */
export interface Fact {
  youngPersonId: string;
  kind: string;
  on: string;
  code: string | null;
  code2: string | null;
}

export interface BaselineFact {
  youngPersonId: string;
  missingEpisodes: number;
  arrests: number;
  placements: number;
  residentialNights: number;
  exclusions: number;
}

export interface Window {
  from: string;
  to: string;
}

/** Children's homes and other residential care, for a placement outside the hub. */
export const RESIDENTIAL_PLACES = new Set(['K1', 'K2', 'R1', 'R2', 'R5', 'S1']);

const DAY = 86_400_000;
const nightsBetween = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / DAY));
const nextDay = (day: string) => new Date(Date.parse(day) + DAY).toISOString().slice(0, 10);
const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

/** Facts by young person, so each person's are read without scanning everyone's. */
export function byPerson<T extends { youngPersonId: string }>(xs: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const x of xs) {
    const list = map.get(x.youngPersonId);
    if (list) list.push(x);
    else map.set(x.youngPersonId, [x]);
  }
  return map;
}

export interface Stay {
  youngPersonId: string;
  where: 'bed' | 'family' | 'outside';
  place: string | null;
  start: string;
  end: string | null;
}

/** Each placement as a stay from its start to its end (open: still going). */
export function staysOf(facts: readonly Fact[]): Stay[] {
  const stays: Stay[] = [];
  // The stay open now for each young person and kind of placement (the last one started).
  const openStays = new Map<string, Stay>();
  const sorted = [...facts].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  for (const f of sorted) {
    if (f.kind === 'start') {
      const stay: Stay = {
        youngPersonId: f.youngPersonId,
        where: f.code as Stay['where'],
        place: f.code === 'outside' ? f.code2 : null,
        start: f.on,
        end: null,
      };
      stays.push(stay);
      openStays.set(`${f.youngPersonId}|${f.code}`, stay);
    } else if (f.kind === 'end') {
      const open = openStays.get(`${f.youngPersonId}|${f.code}`);
      openStays.delete(`${f.youngPersonId}|${f.code}`);
      if (open) open.end = f.on;
    }
  }
  // A stay of under 24 hours is not care.
  return stays.filter((s) => s.end === null || s.end > s.start);
}

/** The days a period of care began: a stay that did not start the day another ended. */
export function entriesToCare(stays: readonly Stay[]): { youngPersonId: string; on: string }[] {
  const ends = new Set(stays.flatMap((o) => (o.end ? [`${o.youngPersonId}|${o.end}`] : [])));
  return stays
    .filter((s) => !ends.has(`${s.youngPersonId}|${s.start}`))
    .map((s) => ({ youngPersonId: s.youngPersonId, on: s.start }));
}

/**
 * The education, training or work status in force on a day, from one young person's facts (null:
 * none recorded by then; of two from the same day, the later recorded).
 */
export function eteOn(facts: readonly Fact[], day: string): string | null {
  let status: string | null = null;
  let since = '';
  for (const f of facts) {
    if (f.kind === 'ete' && f.on <= day && f.on >= since) {
      status = f.code;
      since = f.on;
    }
  }
  return status;
}

/** Supported in a window: accepted by its end, and not gone before it began (unless back). */
export function supportedIn<P extends PersonFact>(
  people: readonly P[],
  facts: readonly Fact[],
  window: Window,
): P[] {
  const facts_ = byPerson(facts);
  const of = (id: string, kind: string) => (facts_.get(id) ?? []).filter((f) => f.kind === kind);
  return people.filter((p) => {
    const accepted = of(p.youngPersonId, 'accepted').some((f) => f.on <= window.to);
    const left = of(p.youngPersonId, 'left')
      .filter((f) => f.on < window.from)
      .map((f) => f.on)
      .sort()
      .at(-1);
    const back =
      left && of(p.youngPersonId, 'reopened').some((f) => f.on > left && f.on <= window.to);
    return accepted && (!left || back);
  });
}

/** Nights of a stay inside a window (to its last day), a stay still open counting to `asOf`. */
export function nightsIn(s: Stay, window: Window, asOf: string): number {
  const end = nextDay(window.to);
  return nightsBetween(max(s.start, window.from), min(s.end ?? min(nextDay(asOf), end), end));
}
