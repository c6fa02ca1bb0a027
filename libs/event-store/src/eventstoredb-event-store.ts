import esdb from '@eventstore/db-client';
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
} from './event-store.port.js';
import { StoreUnavailableError, WrongExpectedRevisionError } from './errors.js';
import { NO_SCHEMAS, type EventSchemas } from './event-schemas.js';
import {
  checkpointAt,
  isStreamNotFound,
  isWrongExpectedVersion,
  toEsdbRevision,
  toStored,
  UNAVAILABLE,
  type Recorded,
} from './eventstoredb-mapping.js';

const { EventStoreDBClient, jsonEvent, START, END, FORWARDS, BACKWARDS } = esdb;
type Client = InstanceType<typeof EventStoreDBClient>;

/**
 * How far back `findEvent` looks in $all when it is not told the stream (EventStoreDB has no
 * index by event id). Every idempotent command names its stream, so a retry is found however old.
 */
const FIND_EVENT_WINDOW = 10_000;

/** Events of $all read per page while looking past system events. */
const READ_ALL_PAGE = 500;

/**
 * The event store on an EventStoreDB (or KurrentDB) cluster. $all is written by one leader in one
 * order, so reading it by commit position is gap-safe without anything more; checkpoints hold the
 * commit position in both fields. `recordedAt` is the server's `created` timestamp.
 */
export class EventStoreDbEventStore implements EventStore {
  private constructor(
    private readonly client: Client,
    private readonly schemas: EventSchemas,
  ) {}

  static connect(connectionString: string, schemas: EventSchemas = NO_SCHEMAS) {
    return new EventStoreDbEventStore(
      EventStoreDBClient.connectionString(connectionString),
      schemas,
    );
  }

  /** Runs `work`, turning the cluster's unavailability into StoreUnavailableError. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (UNAVAILABLE.some((type) => error instanceof type)) throw new StoreUnavailableError(error);
      throw error;
    }
  }

  private readonly stored = (e: Recorded) => this.schemas.upcast(toStored(e));

  append(
    streamId: string,
    newEvents: NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const events = newEvents.map((e) => this.schemas.stamp(e));
    return this.guard(() => this.appendNow(streamId, events, options));
  }

  private async appendNow(
    streamId: string,
    events: NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    const original = await this.originalAppend(streamId, events);
    if (original) return original;
    try {
      await this.client.appendToStream(
        streamId,
        events.map((e) =>
          jsonEvent({ id: e.eventId, type: e.type, data: e.data, metadata: e.metadata }),
        ),
        { expectedRevision: toEsdbRevision(options.expectedRevision) },
      );
    } catch (error) {
      if (isWrongExpectedVersion(error)) {
        const again = await this.originalAppend(streamId, events);
        if (again) return again;
        const actual = (error as { actualVersion?: unknown }).actualVersion;
        throw new WrongExpectedRevisionError(
          streamId,
          options.expectedRevision,
          typeof actual === 'bigint' ? Number(actual) : 'no_stream',
        );
      }
      throw error;
    }
    const stored = await this.originalAppend(streamId, events);
    if (!stored) throw new Error(`appended events to ${streamId} but cannot read them back`);
    return { ...stored, duplicate: false };
  }

  /** The events of this append if they are stored already (a retry), else null. */
  private async originalAppend(streamId: string, events: NewEvent[]): Promise<AppendResult | null> {
    const ids = new Set(events.map((e) => e.eventId));
    const found: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1000,
      })) {
        const e = resolved.event as Recorded | undefined;
        if (e && ids.has(e.id)) found.push(toStored(e));
        if (found.length === ids.size) break;
      }
    } catch (error) {
      if (isStreamNotFound(error)) return null;
      throw error;
    }
    if (found.length !== ids.size) return null;
    return {
      streamId,
      revision: Math.max(...found.map((e) => e.revision)),
      position: Math.max(...found.map((e) => e.position)),
      duplicate: true,
    };
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return this.guard(() => this.readStreamNow(streamId, options));
  }

  private async readStreamNow(streamId: string, options: ReadStreamOptions) {
    const upTo = options.recordedUpTo ? new Date(options.recordedUpTo).getTime() : Infinity;
    const out: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: FORWARDS,
        fromRevision: options.fromRevision ? BigInt(options.fromRevision) : START,
      })) {
        const e = resolved.event as Recorded | undefined;
        if (!e) continue;
        if (options.toRevision !== undefined && Number(e.revision) > options.toRevision) break;
        if (e.created.getTime() > upTo) continue;
        out.push(this.stored(e));
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return out;
  }

  readAll(options: ReadAllOptions): Promise<LoggedEvent[]> {
    return this.guard(() => this.readAllNow(options));
  }

  /**
   * The next `limit` events of the log after a checkpoint. System events are skipped, page after
   * page, so a run of them longer than any page never reads as "nothing more" (the runner would
   * read the same window for ever).
   */
  private async readAllNow(options: ReadAllOptions): Promise<LoggedEvent[]> {
    const after =
      options.after && options.after.position > 0 ? BigInt(options.after.position) : null;
    const out: LoggedEvent[] = [];
    let from: { commit: bigint; prepare: bigint } | null =
      after === null ? null : { commit: after, prepare: after };
    for (;;) {
      let seen = 0;
      for await (const resolved of this.client.readAll({
        direction: FORWARDS,
        fromPosition: from ?? START,
        maxCount: READ_ALL_PAGE,
      })) {
        seen += 1;
        const e = resolved.event as Recorded | undefined;
        if (e?.position) from = e.position;
        if (!e || e.type.startsWith('$') || e.streamId.startsWith('$')) continue;
        if (after !== null && (e.position?.commit ?? 0n) <= after) continue;
        const stored = this.stored(e);
        out.push({ ...stored, checkpoint: checkpointAt(stored.position) });
        if (out.length === options.limit) return out;
      }
      if (seen < READ_ALL_PAGE) return out; // the end of $all
    }
  }

  /** Reads the whole log: EventStoreDB has no index on event data (a server projection could). */
  readByTag(tag: string, value: string, options: ReadByTagOptions = {}): Promise<StoredEvent[]> {
    return this.guard(() => this.readByTagNow(tag, value, options));
  }

  private async readByTagNow(tag: string, value: string, options: ReadByTagOptions) {
    const upTo = options.recordedUpTo ? new Date(options.recordedUpTo).getTime() : Infinity;
    const except = options.exceptStreamsStartingWith;
    const out: StoredEvent[] = [];
    for await (const resolved of this.client.readAll({
      direction: FORWARDS,
      fromPosition: START,
    })) {
      const e = resolved.event as Recorded | undefined;
      if (!e || e.type.startsWith('$') || e.streamId.startsWith('$')) continue;
      if ((except && e.streamId.startsWith(except)) || e.created.getTime() > upTo) continue;
      const stored = this.stored(e);
      if (options.toPosition !== undefined && stored.position > options.toPosition) break;
      if (options.afterPosition !== undefined && stored.position <= options.afterPosition) continue;
      if ((stored.data as Record<string, unknown>)[tag] === value) out.push(stored);
    }
    return out;
  }

  findEvent(eventId: string, inStream?: string): Promise<StoredEvent | null> {
    return this.guard(async () => {
      if (inStream !== undefined) {
        try {
          for await (const resolved of this.client.readStream(inStream, {
            direction: BACKWARDS,
            fromRevision: END,
          })) {
            const e = resolved.event as Recorded | undefined;
            if (e && e.id === eventId) return this.stored(e);
          }
        } catch (error) {
          if (!isStreamNotFound(error)) throw error;
        }
        return null;
      }
      let seen = 0;
      for await (const resolved of this.client.readAll({
        direction: BACKWARDS,
        fromPosition: END,
      })) {
        const e = resolved.event as Recorded | undefined;
        if (e && e.id === eventId) return this.stored(e);
        if (++seen >= FIND_EVENT_WINDOW) break;
      }
      return null;
    });
  }

  checkpointOf(position: number): Promise<Checkpoint | null> {
    return Promise.resolve(checkpointAt(position));
  }

  head(): Promise<LogHead> {
    return this.guard(() => this.headNow());
  }

  private async headNow(): Promise<LogHead> {
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
    })) {
      const e = resolved.event as Recorded | undefined;
      return { position: Number(e?.position?.commit ?? 0n), oldestOpenTransactionSeconds: null };
    }
    return { position: 0, oldestOpenTransactionSeconds: null };
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }
}
