import { collectionYearOf } from '#ssda903';

/** The years (1 April to 31 March) the outcomes can be shown for: 2023-24 to this one, newest first. */
export function outcomeYears(today = new Date().toISOString()): string[] {
  const now = collectionYearOf(today);
  const years: string[] = [];
  for (let y = 2023; ; y++) {
    const year = `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
    years.unshift(year);
    if (year === now) return years;
  }
}
