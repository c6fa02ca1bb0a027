/** A date column as the read models give it (a Date from `pg`, text from PGlite), as YYYY-MM-DD. */
export const day = (v: Date | string | null) =>
  v === null ? null : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);
