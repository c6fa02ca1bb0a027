import { addMonths } from '#kernel';
import type { Fact, PersonFact, Window } from './facts.js';

/** What the trend counts from. */
type TrendInput = { people: readonly PersonFact[]; facts: readonly Fact[]; window: Window };

/** The quarters a window spans ("2025 Q2" for April to June), for the trend. */
export function quarterOf(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return `${y} Q${Math.floor((m - 1) / 3) + 1}`;
}

/** Referrals, missing episodes and arrests by quarter, for the trend chart. */
export function trendByQuarter(input: TrendInput): { quarter: string; what: string; n: number }[] {
  const ids = new Set(input.people.map((p) => p.youngPersonId));
  const counts = new Map<string, number>();
  const kinds: Record<string, string> = {
    referral: 'Referrals',
    missing: 'Missing episodes',
    arrest: 'Arrests',
  };
  for (const f of input.facts) {
    if (!ids.has(f.youngPersonId) || !kinds[f.kind]) continue;
    if (f.on < input.window.from || f.on > input.window.to) continue;
    const key = `${quarterOf(f.on)}|${kinds[f.kind]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const quarters: string[] = [];
  for (let d = input.window.from; d <= input.window.to; d = addMonths(d, 3)) {
    if (!quarters.includes(quarterOf(d))) quarters.push(quarterOf(d));
  }
  if (!quarters.includes(quarterOf(input.window.to))) quarters.push(quarterOf(input.window.to));
  return quarters.flatMap((quarter) =>
    Object.values(kinds).map((what) => ({
      quarter,
      what,
      n: counts.get(`${quarter}|${what}`) ?? 0,
    })),
  );
}
