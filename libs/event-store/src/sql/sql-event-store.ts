import type {
  AppendResult,
  Checkpoint,
  EventStore,
  ExpectedRevision,
  LogHead,
  LoggedEvent,
  NewEvent,
  ReadAllOptions,
  ReadByTagOptions,
  ReadStreamOptions,
  StoredEvent,
} from '../event-store.port.js';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors.js';
import { constraintOf, SQLSTATE, sqlState, type SqlDatabase } from './sql-database.js';
import { migrate } from './migrator.js';
import { eventLogMigration } from './migrations/0001-event-log.js';
import { hashChainMigration } from './migrations/0002-hash-chain.js';
import { RecordingClock } from '../recording-clock.js';
import { tagIndexMigrations, tagName } from './tag-indexes.js';
import { NO_SCHEMAS, type EventSchemas } from '../event-schemas.js';
import { setWiseAppendMigration } from './migrations/0003-set-wise-append.js';
import { groupedAppendMigration } from './migrations/0004-grouped-append.js';
import { singleEventAppendMigration } from './migrations/0005-single-event-append.js';
import { ownerOnlyAppendMigration } from './migrations/0006-owner-only-append.js';
import { appendGrouper, streamReadGrouper } from './grouped-statements.js';

export interface SqlEventStoreOptions {
  /** How stored events of old shapes read (upcasters). */
  schemas?: EventSchemas;
  /** The clock appends are recorded at (the database's own, unless it is simulating). */
  clock?: RecordingClock;
  /** The fields `readByTag` reads by; `migrate` indexes each. */
  tags?: readonly string[];
}

export const eventStoreMigrations = [
  eventLogMigration,
  hashChainMigration,
  setWiseAppendMigration,
  groupedAppendMigration,
  singleEventAppendMigration,
  ownerOnlyAppendMigration,
];

interface EventRow {
  position: string | number;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  revision: string | number;
  type: string;
  data: Record<string, unknown>;
  metadata: StoredEvent['metadata'];
  recorded_at: Date | string;
}

const COLUMNS = `position, transaction_id::text AS transaction_id, event_id::text AS event_id,
  stream_id, revision, type, data, metadata, recorded_at`;

/**
 * The event store over PostgreSQL, for a `pg` pool and for PGlite alike (see `SqlDatabase`).
 * Subscribers read in (transaction id, position) order and only below the oldest transaction
 * still running, so an event that commits late is never passed over.
 */
export class SqlEventStore implements EventStore {
  /** Concurrent appends and stream reads share statements (grouped-statements.ts). */
  private readonly appends = appendGrouper(this.db);
  private readonly streamReads = streamReadGrouper<EventRow>(this.db, COLUMNS);

  private readonly schemas: EventSchemas;
  private readonly clock: RecordingClock;
  private readonly tags: readonly string[];

  constructor(
    readonly db: SqlDatabase,
    options: SqlEventStoreOptions = {},
  ) {
    this.schemas = options.schemas ?? NO_SCHEMAS;
    this.clock = options.clock ?? new RecordingClock();
    this.tags = options.tags ?? [];
  }

  /** The log's schema and an index for each of this store's tags. */
  async migrate(): Promise<string[]> {
    return migrate(this.db, [...eventStoreMigrations, ...tagIndexMigrations(this.tags)]);
  }

  async append(
    streamId: string,
    events: NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    const payload = JSON.stringify(
      events.map((e) => {
        const { eventId, type, data, metadata } = this.schemas.stamp(e);
        return { eventId, type, data, metadata };
      }),
    );
    try {
      const { revision, position, duplicate } = await this.appends.submit({
        streamId,
        expectedRevision: options.expectedRevision,
        payload,
        now: this.clock.simulatedNow(),
      });
      if (duplicate) {
        const original = await this.originalAppend(streamId, events);
        if (!original) throw new DuplicateEventIdError(events.map((e) => e.eventId));
        return original;
      }
      return { streamId, revision, position, duplicate: false };
    } catch (error) {
      const state = sqlState(error);
      if (state !== SQLSTATE.wrongExpectedRevision && state !== SQLSTATE.uniqueViolation)
        throw error;
      // A concurrent append of these same events may have won: then this one is its retry.
      const original = await this.originalAppend(streamId, events);
      if (original) return original;
      if (
        state === SQLSTATE.uniqueViolation &&
        constraintOf(error) !== 'events_stream_revision_key'
      ) {
        throw new DuplicateEventIdError(events.map((e) => e.eventId));
      }
      throw new WrongExpectedRevisionError(
        streamId,
        options.expectedRevision,
        await this.currentRevision(streamId),
      );
    }
  }

  private async originalAppend(streamId: string, events: NewEvent[]): Promise<AppendResult | null> {
    const r = await this.db.query<{ revision: string | number; position: string | number }>(
      'SELECT revision, position FROM events WHERE event_id = ANY($1::uuid[]) AND stream_id = $2',
      [events.map((e) => e.eventId), streamId],
    );
    if (r.rows.length !== events.length) return null;
    return {
      streamId,
      revision: Math.max(...r.rows.map((row) => Number(row.revision))),
      position: Math.max(...r.rows.map((row) => Number(row.position))),
      duplicate: true,
    };
  }

  private async currentRevision(streamId: string): Promise<number | 'no_stream'> {
    const r = await this.db.query<{ revision: string | number }>(
      'SELECT revision FROM streams WHERE stream_id = $1',
      [streamId],
    );
    return r.rows.length === 0 ? 'no_stream' : Number(r.rows[0].revision);
  }

  /** A row as the event it stands for, at its type's current version. */
  private readonly read = (row: EventRow): StoredEvent => this.schemas.upcast(toStoredEvent(row));

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    if (options.toRevision === undefined && options.recordedUpTo === undefined) {
      const rows = await this.streamReads.submit({
        streamId,
        fromRevision: options.fromRevision ?? 0,
      });
      return rows.map(this.read);
    }
    const params: unknown[] = [streamId, options.fromRevision ?? 0];
    let sql = `SELECT ${COLUMNS} FROM events WHERE stream_id = $1 AND revision >= $2`;
    if (options.toRevision !== undefined) {
      params.push(options.toRevision);
      sql += ` AND revision <= $${params.length}`;
    }
    if (options.recordedUpTo !== undefined) {
      params.push(new Date(options.recordedUpTo).toISOString());
      sql += ` AND recorded_at <= $${params.length}::timestamptz`;
    }
    const r = await this.db.query<EventRow>(`${sql} ORDER BY revision`, params);
    return r.rows.map(this.read);
  }

  async readByTag(
    tag: string,
    value: string,
    options: ReadByTagOptions = {},
  ): Promise<StoredEvent[]> {
    // The field is written into the statement (checked to be a plain name) so that the
    // expression matches the tag's index.
    const field = `'${tagName(tag)}'`;
    const r = await this.db.query<EventRow>(
      `SELECT ${COLUMNS} FROM events
       WHERE data ? ${field} AND data->>${field} = $1
         AND ($2::text IS NULL OR left(stream_id, length($2::text)) <> $2::text)
         AND ($3::timestamptz IS NULL OR recorded_at <= $3::timestamptz)
         AND ($4::bigint IS NULL OR position <= $4::bigint)
         AND position > $5::bigint
       ORDER BY position`,
      [
        value,
        options.exceptStreamsStartingWith ?? null,
        options.recordedUpTo ? new Date(options.recordedUpTo).toISOString() : null,
        options.toPosition ?? null,
        options.afterPosition ?? 0,
      ],
    );
    return r.rows.map(this.read);
  }

  async readAll(options: ReadAllOptions): Promise<LoggedEvent[]> {
    const after = options.after ?? { transactionId: '0', position: 0 };
    const r = await this.db.query<EventRow>(
      `SELECT ${COLUMNS} FROM events
       WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
         AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY events.transaction_id, events.position
       LIMIT $3`,
      [after.transactionId, after.position, options.limit],
    );
    return r.rows.map((row) => ({
      ...this.read(row),
      checkpoint: { transactionId: row.transaction_id, position: Number(row.position) },
    }));
  }

  /** By its unique index: the stream is not needed. */
  async findEvent(eventId: string): Promise<StoredEvent | null> {
    if (!UUID.test(eventId)) return null;
    const r = await this.db.query<EventRow>(`SELECT ${COLUMNS} FROM events WHERE event_id = $1`, [
      eventId,
    ]);
    return r.rows.length === 0 ? null : this.read(r.rows[0]);
  }

  async checkpointOf(position: number): Promise<Checkpoint | null> {
    const r = await this.db.query<{ transaction_id: string }>(
      'SELECT transaction_id::text AS transaction_id FROM events WHERE position = $1',
      [position],
    );
    return r.rows.length === 0 ? null : { transactionId: r.rows[0].transaction_id, position };
  }

  async head(): Promise<LogHead> {
    const r = await this.db.query<{ position: string | number | null }>(
      'SELECT max(position) AS position FROM events',
    );
    let oldest: number | null = null;
    if (this.db.dialect === 'postgres') {
      // Any transaction holding an xid, in any database of the cluster, holds subscribers back.
      const o = await this.db.query<{ seconds: string | number | null }>(
        `SELECT extract(epoch FROM now() - min(xact_start)) AS seconds
         FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()`,
      );
      oldest = o.rows[0]?.seconds == null ? null : Number(o.rows[0].seconds);
    }
    return { position: Number(r.rows[0]?.position ?? 0), oldestOpenTransactionSeconds: oldest };
  }

  async close(): Promise<void> {
    await this.db.close();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    revision: Number(row.revision),
    position: Number(row.position),
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}
