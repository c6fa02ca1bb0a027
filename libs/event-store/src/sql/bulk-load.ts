import { createHash } from 'node:crypto';
import type { SqlDatabase } from './sql-database.js';
import { jsonbText } from './jsonb-text.js';

/** An event to load with its own recorded time (a generator's simulated history). */
export interface LoadEvent {
  eventId: string;
  streamId: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  recordedAt: string;
}

/** The hash `nwd_event_hash` gives, computed in Node over the same bytes. */
export function eventHash(prev: string | null, e: LoadEvent & { revision: number }): string {
  const ms = new Date(e.recordedAt).getTime();
  const text = jsonbText([
    prev ?? '',
    e.eventId,
    e.streamId,
    e.revision,
    e.type,
    e.data,
    e.metadata,
    ms,
  ]);
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Loads whole new streams in one transaction: revisions from 0, the hash chain computed here,
 * one INSERT over arrays, and the streams' rows. For generators filling an empty or seeded log
 * with tens of millions of events; the API appends through `nwd_append` only.
 */
export async function bulkLoadStreams(
  db: SqlDatabase,
  events: readonly LoadEvent[],
): Promise<void> {
  await writeLoad(db, prepareLoad(events));
}

/** A load as one JSON array of rows, its hash chains computed (CPU only: no database yet). */
export interface PreparedLoad {
  rows: string;
  revisions: Map<string, number>;
}

export function prepareLoad(events: readonly LoadEvent[]): PreparedLoad {
  const revisions = new Map<string, number>();
  const prev = new Map<string, string>();
  const rows: string[] = [];
  for (const e of events) {
    const revision = (revisions.get(e.streamId) ?? -1) + 1;
    revisions.set(e.streamId, revision);
    const hash = eventHash(prev.get(e.streamId) ?? null, { ...e, revision });
    prev.set(e.streamId, hash);
    rows.push(
      JSON.stringify({
        event_id: e.eventId,
        stream_id: e.streamId,
        revision,
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        recorded_at: e.recordedAt,
        hash,
      }),
    );
  }
  return { rows: `[${rows.join(',')}]`, revisions };
}

/**
 * Writes a prepared load in one transaction. One jsonb document of rows is parsed once by
 * PostgreSQL (about a quarter faster than arrays of jsonb, measured on 2,594-event loads).
 */
export async function writeLoad(db: SqlDatabase, { rows, revisions }: PreparedLoad): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at, hash)
       SELECT event_id, stream_id, revision, type, data, metadata, recorded_at, hash
         FROM jsonb_to_recordset($1::jsonb) AS x(event_id uuid, stream_id text, revision bigint,
           type text, data jsonb, metadata jsonb, recorded_at timestamptz, hash text)`,
      [rows],
    );
    await tx.query(
      'INSERT INTO streams (stream_id, revision) SELECT * FROM unnest($1::text[], $2::bigint[])',
      [[...revisions.keys()], [...revisions.values()]],
    );
  });
}
