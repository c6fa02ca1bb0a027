import {
  START_OF_LOG,
  ident,
  type Checkpoint,
  type EventStore,
  type Migration,
  type SqlExecutor,
} from '#event-store';
import type { Projection } from './projection.js';
import type { ProjectionFailure } from './runner-failures.js';
import type { ProjectionStatus } from './runner-types.js';

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
  {
    // A projection stuck at an event it cannot apply says so here, for every process to show.
    id: 'projections/0002-failures',
    sql: `
ALTER TABLE projection_checkpoints ADD COLUMN failure jsonb, ADD COLUMN failed_since timestamptz;`,
  },
];

/**
 * What the application's role needs for read models, granted by the schema's owner: the
 * checkpoints, and creating the `rm_*` schemas it builds and rebuilds (it owns those).
 */
export function projectionGrants(role: string): string {
  const r = ident(role);
  return `
GRANT SELECT, INSERT, UPDATE, DELETE ON projection_checkpoints TO ${r};
DO $grant$ BEGIN
  EXECUTE format('GRANT CREATE ON DATABASE %I TO ${r}', current_database());
END $grant$;
`;
}

export interface StoredCheckpoint {
  name: string;
  version: number;
  checkpoint: Checkpoint;
  updatedAt: string;
  /** Set while the projection is stuck at an event it cannot apply. */
  failure: (ProjectionFailure & { since: string }) | null;
}

interface Row {
  name: string;
  version: number;
  transaction_id: string;
  position: string | number;
  updated_at: Date | string;
  failure: ProjectionFailure | null;
  failed_since: Date | string | null;
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
    failure:
      row.failure && row.failed_since
        ? { ...row.failure, since: new Date(row.failed_since).toISOString() }
        : null,
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
    `UPDATE projection_checkpoints SET transaction_id = $2, position = $3, updated_at = now(),
       failure = NULL, failed_since = NULL
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
       updated_at = now(), failure = NULL, failed_since = NULL`,
    [name, version, checkpoint.transactionId, checkpoint.position],
  );
}

/** Where each projection stands: its checkpoint, and about how far behind the log it is. */
export async function projectionStatus(
  store: EventStore,
  db: SqlExecutor,
  projections: readonly Projection[],
): Promise<ProjectionStatus[]> {
  const head = await store.head();
  const stored = new Map((await readCheckpoints(db)).map((c) => [c.name, c]));
  return Promise.all(
    projections.map(async (p) => {
      const c = stored.get(p.name);
      const checkpoint = c?.checkpoint ?? START_OF_LOG;
      // Positions order inserts, not commits: "nothing left to read" is asked of the log.
      const caughtUp = (await store.readAll({ after: checkpoint, limit: 1 })).length === 0;
      return {
        name: p.name,
        version: c?.version ?? p.version,
        checkpoint,
        lag: caughtUp ? 0 : Math.max(1, head.position - checkpoint.position),
        updatedAt: c?.updatedAt ?? null,
        state: c?.failure ? ('failed' as const) : ('running' as const),
        failure: c?.failure ?? null,
      };
    }),
  );
}
