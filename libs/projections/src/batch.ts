import {
  compareCheckpoints,
  type EventStore,
  type SqlDatabase,
  type SqlExecutor,
} from '#event-store';
import { readCheckpoints } from './checkpoints.js';

/** Another runner moved the checkpoint first: this batch is rolled back, not applied twice. */
export class CheckpointMoved extends Error {}

/** A projection whose batch failed; the others went on. */
export class ProjectionFailed extends Error {
  constructor(
    readonly projection: string,
    override readonly cause: unknown,
  ) {
    super(
      `projection ${projection} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}

/** Serialises batches and rebuild swaps of one projection across processes. */
export async function lockProjection(tx: SqlExecutor, name: string): Promise<void> {
  await lockProjections(tx, [name]);
}

/**
 * lockProjection for several, in one round trip. The names are locked in sorted order (unnest
 * keeps the array's order), so two runners never wait on each other crosswise.
 */
export async function lockProjections(tx: SqlExecutor, names: readonly string[]): Promise<void> {
  const sorted = [...names].sort((a, b) => a.localeCompare(b)).map((n) => `projection:${n}`);
  await tx.query(
    'SELECT pg_advisory_xact_lock(hashtext(n)) FROM unnest($1::text[]) WITH ORDINALITY AS u(n, i) ORDER BY i',
    [sorted],
  );
}

/**
 * Waits until every named projection has read past the event at `position` (compared as
 * checkpoints, the order subscribers read in), at most `timeoutMs`. `unknown-position` when no
 * event is stored at that position (a client can only hold positions of committed events).
 */
export async function waitForCheckpoints(
  store: EventStore,
  db: SqlDatabase,
  names: readonly string[],
  position: number,
  timeoutMs: number,
  nudge: () => void,
): Promise<'caught-up' | 'timeout' | 'unknown-position'> {
  const target = await store.checkpointOf(position);
  if (!target) return 'unknown-position';
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stored = await readCheckpoints(db, names);
    if (
      stored.length === names.length &&
      stored.every((c) => compareCheckpoints(c.checkpoint, target) >= 0)
    ) {
      return 'caught-up';
    }
    if (Date.now() >= deadline) return 'timeout';
    nudge();
    await new Promise((r) => setTimeout(r, 10));
  }
}
