/** A count in English: "1 young person", "3 young people", "0 days". */
export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How long ago something was, in whole days, as people say it: "today", "yesterday", "9 days ago". */
export function daysAgo(days: number | null, never = 'never'): string {
  if (days === null) return never;
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${plural(days, 'day', 'days')} ago`;
}
