import type { SqlExecutor } from './sql-database.js';

export interface BrokenLink {
  streamId: string;
  revision: number;
  position: number;
  /** hash: the event's content or its link to the previous one does not match its hash; gap: a revision is missing. */
  reason: 'hash' | 'gap';
}

export interface ChainReport {
  streams: number;
  events: number;
  /** The first broken link in log order, or null when every stream's chain holds. */
  firstBroken: BrokenLink | null;
  brokenLinks: number;
}

/**
 * Recomputes every event's hash from its stored content and the stored hash before it in its
 * stream (`nwd_event_hash`, the function the append used), in one pass over the log.
 */
export async function verifyChains(db: SqlExecutor): Promise<ChainReport> {
  const r = await db.query<{
    streams: string | number;
    events: string | number;
    broken: string | number;
    stream_id: string | null;
    revision: string | number | null;
    position: string | number | null;
    reason: 'hash' | 'gap' | null;
  }>(`
    WITH checked AS (
      SELECT stream_id, revision, position, hash,
        nwd_event_hash(lag(hash) OVER w, event_id, stream_id, revision, type, data, metadata,
          recorded_at) AS expected,
        coalesce(lag(revision) OVER w, -1) AS previous
      FROM events
      WINDOW w AS (PARTITION BY stream_id ORDER BY revision)
    ),
    faults AS (
      SELECT stream_id, revision, position,
        CASE WHEN revision <> previous + 1 THEN 'gap' ELSE 'hash' END AS reason
      FROM checked
      WHERE hash IS DISTINCT FROM expected OR revision <> previous + 1
    ),
    first AS (SELECT * FROM faults ORDER BY position LIMIT 1)
    SELECT (SELECT count(DISTINCT stream_id) FROM events) AS streams,
      (SELECT count(*) FROM events) AS events,
      (SELECT count(*) FROM faults) AS broken,
      first.stream_id, first.revision, first.position, first.reason
    FROM (SELECT 1) one LEFT JOIN first ON TRUE`);
  const row = r.rows[0];
  return {
    streams: Number(row.streams),
    events: Number(row.events),
    brokenLinks: Number(row.broken),
    firstBroken:
      row.stream_id === null
        ? null
        : {
            streamId: row.stream_id,
            revision: Number(row.revision),
            position: Number(row.position),
            reason: row.reason!,
          },
  };
}
