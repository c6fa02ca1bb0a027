import { ident, type SqlExecutor } from '#event-store';

export interface PatchColumn {
  name: string;
  /** The SQL type the JSON value is read as (text, uuid, date, timestamptz, int, ...). */
  type: string;
}

/** Column values to set on one row (undefined or null: leave as it is), and the revision. */
export type Patch = Record<string, string | number | boolean | null | undefined> & {
  revision: number;
};

/**
 * Folds a batch of events into one patch per row, in event order, so a batch of thousands of
 * events is written with two statements instead of one per event.
 */
export class PatchSet {
  private readonly patches = new Map<string, Patch>();

  set(key: string, revision: number, values: Omit<Patch, 'revision'>): void {
    const current = this.patches.get(key) ?? ({ revision } as Patch);
    for (const [k, v] of Object.entries(values)) if (v !== undefined) current[k] = v;
    current.revision = Math.max(current.revision, revision);
    this.patches.set(key, current);
  }

  get size(): number {
    return this.patches.size;
  }

  rows(keyColumn: string): Patch[] {
    return [...this.patches].map(([key, p]) => ({ ...p, [keyColumn]: key }));
  }
}

/**
 * Writes patches: rows that carry every `required` column are upserted, the rest update rows
 * that exist. A row changes only when the patch's revision is newer than the row's, so applying
 * the same events again changes nothing.
 */
export async function writePatches(
  db: SqlExecutor,
  schema: string,
  table: string,
  key: PatchColumn,
  columns: PatchColumn[],
  required: string[],
  patches: PatchSet,
): Promise<void> {
  if (patches.size === 0) return;
  const t = `${ident(schema)}.${ident(table)}`;
  const all = [key, ...columns, { name: 'revision', type: 'bigint' }];
  const recordType = all.map((c) => `${ident(c.name)} ${c.type}`).join(', ');
  const rows = patches.rows(key.name);
  const complete = rows.filter((r) => required.every((c) => r[c] !== undefined && r[c] !== null));
  const isComplete = new Set(complete);
  const partial = rows.filter((r) => !isComplete.has(r));
  const set = [...columns, { name: 'revision', type: 'bigint' }]
    .map((c) => `${ident(c.name)} = coalesce(x.${ident(c.name)}, t.${ident(c.name)})`)
    .join(', ');
  if (complete.length) {
    const names = all.map((c) => ident(c.name)).join(', ');
    const excluded = [...columns, { name: 'revision' }]
      .map((c) => `${ident(c.name)} = coalesce(excluded.${ident(c.name)}, t.${ident(c.name)})`)
      .join(', ');
    await db.query(
      `INSERT INTO ${t} AS t (${names})
       SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${recordType})
       ON CONFLICT (${ident(key.name)}) DO UPDATE SET ${excluded}
       WHERE t.revision < excluded.revision`,
      [JSON.stringify(complete)],
    );
  }
  if (partial.length) {
    await db.query(
      `UPDATE ${t} AS t SET ${set}
       FROM jsonb_to_recordset($1::jsonb) AS x(${recordType})
       WHERE t.${ident(key.name)} = x.${ident(key.name)} AND t.revision < x.revision`,
      [JSON.stringify(partial)],
    );
  }
}

/**
 * Inserts many rows in one statement; a row whose key is there already is left alone (the event
 * that made it was applied before), so a replay changes nothing.
 */
export async function insertRows(
  db: SqlExecutor,
  schema: string,
  table: string,
  columns: PatchColumn[],
  rows: Record<string, unknown>[],
  conflictKey: string[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map((c) => ident(c.name)).join(', ');
  const recordType = columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ');
  await db.query(
    `INSERT INTO ${ident(schema)}.${ident(table)} (${names})
     SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${recordType})
     ON CONFLICT (${conflictKey.map(ident).join(', ')}) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}
