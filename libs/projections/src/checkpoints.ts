import type { Checkpoint, Migration, SqlExecutor } from '../../event-store/src/index.js';

export const projectionMigrations: Migration[] = [
  {
    id: 'projections/0001-checkpoints',
    sql: `
CREATE TABLE projection_checkpoints (
  name text PRIMARY KEY,
  version integer NOT NULL,
  transaction_id text NOT NULL DEFAULT '0',
  position bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);`,
  },
];

export interface StoredCheckpoint {
  name: string;
  version: number;
  checkpoint: Checkpoint;
  updatedAt: string;
}

interface Row {
  name: string;
  version: number;
  transaction_id: string;
  position: string | number;
  updated_at: Date | string;
}

export async function readCheckpoints(
  db: SqlExecutor,
  names?: readonly string[],
): Promise<StoredCheckpoint[]> {
  const r = names
    ? await db.query<Row>('SELECT * FROM projection_checkpoints WHERE name = ANY($1::text[])', [
        names,
      ])
    : await db.query<Row>('SELECT * FROM projection_checkpoints ORDER BY name');
  return r.rows.map((row) => ({
    name: row.name,
    version: Number(row.version),
    checkpoint: { transactionId: row.transaction_id, position: Number(row.position) },
    updatedAt: new Date(row.updated_at).toISOString(),
  }));
}

/**
 * Moves the checkpoints of projections that read one batch together, only if every one still
 * holds `expected`: of two runners that read the same checkpoint, one moves them and the other's
 * transaction (rows included) rolls back. One statement for the whole group.
 */
export async function advanceCheckpoints(
  tx: SqlExecutor,
  names: readonly string[],
  expected: Checkpoint,
  next: Checkpoint,
): Promise<boolean> {
  const r = await tx.query(
    `UPDATE projection_checkpoints SET transaction_id = $2, position = $3, updated_at = now()
     WHERE name = ANY($1::text[]) AND transaction_id = $4 AND position = $5`,
    [names, next.transactionId, next.position, expected.transactionId, expected.position],
  );
  return r.rowCount === names.length;
}

export async function resetCheckpoint(
  tx: SqlExecutor,
  name: string,
  version: number,
  checkpoint: Checkpoint,
): Promise<void> {
  await tx.query(
    `INSERT INTO projection_checkpoints (name, version, transaction_id, position)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (name) DO UPDATE SET version = $2, transaction_id = $3, position = $4,
       updated_at = now()`,
    [name, version, checkpoint.transactionId, checkpoint.position],
  );
}
