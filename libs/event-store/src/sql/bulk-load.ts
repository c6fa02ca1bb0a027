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
  const revision = new Map<string, number>();
  const prev = new Map<string, string>();
  const cols = {
    id: [] as string[],
    stream: [] as string[],
    rev: [] as number[],
    type: [] as string[],
    data: [] as string[],
    meta: [] as string[],
    at: [] as string[],
    hash: [] as string[],
  };
  for (const e of events) {
    const r = (revision.get(e.streamId) ?? -1) + 1;
    revision.set(e.streamId, r);
    const hash = eventHash(prev.get(e.streamId) ?? null, { ...e, revision: r });
    prev.set(e.streamId, hash);
    cols.id.push(e.eventId);
    cols.stream.push(e.streamId);
    cols.rev.push(r);
    cols.type.push(e.type);
    cols.data.push(JSON.stringify(e.data));
    cols.meta.push(JSON.stringify(e.metadata));
    cols.at.push(e.recordedAt);
    cols.hash.push(hash);
  }
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at, hash)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::jsonb[],
                            $6::jsonb[], $7::timestamptz[], $8::text[])`,
      [cols.id, cols.stream, cols.rev, cols.type, cols.data, cols.meta, cols.at, cols.hash],
    );
    await tx.query(
      'INSERT INTO streams (stream_id, revision) SELECT * FROM unnest($1::text[], $2::bigint[])',
      [[...revision.keys()], [...revision.values()]],
    );
  });
}
