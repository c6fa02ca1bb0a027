import type { SqlDatabase, StoredEvent } from '#event-store';
import { WeightedLru } from '#platform';
import type { BuilderSnapshot } from './known-case.types.js';

/** Bump when the fold in known-case.ts changes what it builds: older snapshots are then ignored. */
export const SNAPSHOT_VERSION = 1;
/** A snapshot is worth keeping once this many events about the person have been folded past it. */
export const SNAPSHOT_EVERY = 1000;
/** How much snapshot JSON a process keeps of the snapshots it read last (characters). */
const RECENT_CHARS = 64_000_000;

export interface CaseSnapshot {
  upToPosition: number;
  events: number;
  lastRecordedAt: string;
  state: BuilderSnapshot;
}

/**
 * Snapshots of the whole-case fold that auditors' as-of views use, so a case with ten thousand
 * events is not read and folded from the start each time. A cache, never a record: the log stays
 * the only truth and a snapshot is used only after it is proved to stand for exactly the events
 * it claims. It stands for every event about the person up to a position; it is used for an
 * instant only if the newest of those was recorded by then, and only while the log still holds
 * exactly as many events about the person up to that position as it folded (an event of a
 * transaction that committed after the snapshot, with a lower position, changes the count and
 * retires it). Stored as `json` (not jsonb) so reading it back is a copy, not a conversion.
 */
export class CaseSnapshots {
  private ready: Promise<void> | null = null;
  private readonly recent = new WeightedLru<string, string>(RECENT_CHARS);

  constructor(private readonly db: SqlDatabase) {}

  private ensure(): Promise<void> {
    // In a schema of the application's own (it may create schemas, not tables in the log's).
    this.ready ??= this.db.exec(`
      CREATE SCHEMA IF NOT EXISTS nwd_cache;
      CREATE TABLE IF NOT EXISTS nwd_cache.audit_case_snapshots (
        young_person_id text NOT NULL,
        version int NOT NULL,
        up_to_position bigint NOT NULL,
        events int NOT NULL,
        max_recorded_at timestamptz NOT NULL,
        last_recorded_at timestamptz NOT NULL,
        state json NOT NULL,
        PRIMARY KEY (young_person_id, version, up_to_position)
      )`);
    return this.ready;
  }

  /** The latest snapshot that stands for events known at `asOf` (and up to `toPosition`). */
  async find(
    youngPersonId: string,
    at: { asOf?: string; toPosition?: number },
  ): Promise<CaseSnapshot | null> {
    await this.ensure();
    const r = await this.db.query<{
      up_to_position: string | number;
      events: number;
      last_recorded_at: string | Date;
      now_count: string | number;
    }>(
      `SELECT s.up_to_position, s.events, s.last_recorded_at,
              (SELECT count(*) FROM events e
                WHERE e.data ? 'youngPersonId' AND e.data->>'youngPersonId' = $1
                  AND e.stream_id NOT LIKE 'identity-%' AND e.position <= s.up_to_position
              ) AS now_count
         FROM (SELECT * FROM nwd_cache.audit_case_snapshots
                WHERE young_person_id = $1 AND version = $2
                  AND ($3::timestamptz IS NULL OR max_recorded_at <= $3::timestamptz)
                  AND ($4::bigint IS NULL OR up_to_position <= $4::bigint)
                ORDER BY up_to_position DESC LIMIT 1) s`,
      [youngPersonId, SNAPSHOT_VERSION, at.asOf ?? null, at.toPosition ?? null],
    );
    const row = r.rows[0];
    if (!row || Number(row.now_count) !== row.events) return null;
    const upToPosition = Number(row.up_to_position);
    return {
      upToPosition,
      events: row.events,
      lastRecordedAt: new Date(row.last_recorded_at).toISOString(),
      state: JSON.parse(await this.stateText(youngPersonId, upToPosition)) as BuilderSnapshot,
    };
  }

  /**
   * A snapshot's JSON, from the last few read in this process (an auditor moving the as-of
   * control asks for the same case again and again) or from the table. Fetching 5 MB of a
   * 10,000-event case was 40 ms of the view; a snapshot never changes once written.
   */
  private async stateText(youngPersonId: string, upToPosition: number): Promise<string> {
    const key = `${youngPersonId}:${upToPosition}`;
    const cached = this.recent.get(key);
    if (cached !== undefined) return cached;
    const r = await this.db.query<{ state: string }>(
      `SELECT state::text AS state FROM nwd_cache.audit_case_snapshots
        WHERE young_person_id = $1 AND version = $2 AND up_to_position = $3`,
      [youngPersonId, SNAPSHOT_VERSION, upToPosition],
    );
    const text = r.rows[0].state;
    this.recent.set(key, text, text.length);
    return text;
  }

  /** Keeps a snapshot of `state`, the fold of `events` events up to and including `last`. */
  async save(
    youngPersonId: string,
    events: number,
    maxRecordedAt: string,
    last: StoredEvent,
    state: BuilderSnapshot,
  ): Promise<void> {
    await this.ensure();
    await this.db.query(
      `INSERT INTO nwd_cache.audit_case_snapshots (young_person_id, version, up_to_position, events,
         max_recorded_at, last_recorded_at, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7::json) ON CONFLICT DO NOTHING`,
      [
        youngPersonId,
        SNAPSHOT_VERSION,
        last.position,
        events,
        maxRecordedAt,
        last.recordedAt,
        JSON.stringify(state),
      ],
    );
  }
}
