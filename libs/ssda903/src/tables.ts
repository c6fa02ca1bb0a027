import { csvFile } from '#kernel';
/**
 * The SSDA903 tables as the DfE takes them: fixed column sets (a file with another column is not
 * that table), UTF-8 CSV, dates DD/MM/YYYY, a blank left empty.
 */
export const TABLE_COLUMNS = {
  header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  episodes: [
    'CHILD',
    'DECOM',
    'RNE',
    'LS',
    'CIN',
    'PLACE',
    'PLACE_PROVIDER',
    'DEC',
    'REC',
    'REASON_PLACE_CHANGE',
    'HOME_POST',
    'PL_POST',
    'URN',
  ],
  missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  oc3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  uasc: ['CHILD', 'SEX', 'DOB', 'DUC'],
} as const;

export type TableName = keyof typeof TABLE_COLUMNS;
export const TABLE_NAMES = Object.keys(TABLE_COLUMNS) as TableName[];

/** One row of a table: every column, null for a blank. Dates are ISO days (2025-04-01). */
export type TableRow<T extends TableName> = Record<
  (typeof TABLE_COLUMNS)[T][number],
  string | null
>;

const DATE_COLUMNS = new Set(['DOB', 'MC_DOB', 'DECOM', 'DEC', 'MIS_START', 'MIS_END', 'DUC']);

/** 2025-04-01 -> 01/04/2025. */
export function returnDate(day: string): string {
  const [y, m, d] = day.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** The table as CSV: the DfE's column names, then one line per row, CRLF line ends. */
export function tableCsv(
  table: TableName,
  rows: readonly Readonly<Record<string, string | null>>[],
): string {
  const columns = TABLE_COLUMNS[table] as readonly string[];
  return csvFile(
    columns,
    rows.map((row) =>
      columns.map((c) => {
        const v = row[c];
        return v !== null && DATE_COLUMNS.has(c) ? returnDate(v) : v;
      }),
    ),
  );
}
