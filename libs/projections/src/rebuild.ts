import {
  ident,
  START_OF_LOG,
  type Checkpoint,
  type EventStore,
  type LoggedEvent,
  type SqlDatabase,
  type SqlExecutor,
} from '#event-store';
import type { Projection } from './projection.js';

export type ProgressListener = (applied: number, headPosition: number) => void;

export async function createSchema(
  tx: SqlExecutor,
  projection: Projection,
  schema: string,
): Promise<void> {
  await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
  await projection.setup(tx, schema);
}

export async function applyAll(
  tx: SqlExecutor,
  projection: Projection,
  events: readonly LoggedEvent[],
  schema: string,
): Promise<void> {
  const handled = events.filter((e) => projection.handles.includes(e.type));
  if (handled.length) await projection.applyBatch(tx, handled, schema);
}

/** Builds a projection from the start of the log into `schema` (dropped and created afresh). */
export async function buildInto(
  store: EventStore,
  db: SqlDatabase,
  projection: Projection,
  schema: string,
  batchSize: number,
  onProgress?: ProgressListener,
): Promise<{ checkpoint: Checkpoint; applied: number }> {
  await db.transaction(async (tx) => {
    await tx.exec(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`);
    await createSchema(tx, projection, schema);
  });
  const head = await store.head();
  let checkpoint: Checkpoint = START_OF_LOG;
  let applied = 0;
  for (;;) {
    const events = await store.readAll({ after: checkpoint, limit: batchSize });
    if (events.length === 0) break;
    await db.transaction((tx) => applyAll(tx, projection, events, schema));
    checkpoint = events[events.length - 1].checkpoint;
    applied += events.length;
    onProgress?.(applied, Math.max(head.position, checkpoint.position));
  }
  return { checkpoint, applied };
}

/** Rows that differ, per table, between two schemas holding the same tables. */
export async function compareSchemas(
  db: SqlDatabase,
  live: string,
  other: string,
): Promise<{ table: string; differingRows: number }[]> {
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`,
    [other],
  );
  const out: { table: string; differingRows: number }[] = [];
  for (const { table_name } of tables.rows) {
    const a = `${ident(live)}.${ident(table_name)}`;
    const b = `${ident(other)}.${ident(table_name)}`;
    const r = await db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM ((SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b})
         UNION ALL (SELECT * FROM ${b} EXCEPT ALL SELECT * FROM ${a})) d`,
    );
    out.push({ table: table_name, differingRows: Number(r.rows[0].n) });
  }
  return out;
}
