import { COLLECTION_YEARS, type CollectionYear } from './code-lists.js';

/**
 * The collection year a day falls in: 1 April to 31 March, named by both years ("2025-26").
 * It follows from the date, never from a constant, so an event recorded in April for March is in
 * the year before.
 */
export function collectionYearOf(day: string): string {
  const [y, m] = day.slice(0, 10).split('-').map(Number);
  const start = m >= 4 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The first and last day of a collection year ("2025-26": 2025-04-01 to 2026-03-31). */
export function collectionYearBounds(year: string): { start: string; end: string } {
  const match = /^(\d{4})-(\d{2})$/.exec(year);
  const start = match ? Number(match[1]) : NaN;
  if (!match || (start + 1) % 100 !== Number(match[2])) {
    throw new RangeError(`${year} is not a collection year (write it as 2025-26)`);
  }
  return { start: `${start}-04-01`, end: `${start + 1}-03-31` };
}

/** The year before ("2025-26" -> "2024-25"). */
export function previousCollectionYear(year: string): string {
  return collectionYearOf(collectionYearBounds(year).start.replace(/^\d{4}/, (y) => `${+y - 1}`));
}

/** Whether the project holds the code lists of this year (the export refuses another). */
export function isSupportedCollectionYear(year: string): year is CollectionYear {
  return (COLLECTION_YEARS as readonly string[]).includes(year);
}
