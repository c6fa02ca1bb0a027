/**
 * The event log's port. Every adapter (PostgreSQL, PGlite, EventStoreDB) passes the same
 * contract suite in `libs/testing/src/event-store-contract.ts`.
 */
import type { JsonObject } from '#kernel';

/** A number (the revision the caller last saw), `'no_stream'`, or `'any'`. */
export type ExpectedRevision = number | 'no_stream' | 'any';

export interface EventActor {
  id: string;
  name?: string;
  roles?: string[];
}

export interface EventMetadata {
  actor: EventActor;
  correlationId: string;
  causationId: string | null;
  /** When it happened in the world (ISO 8601), as the user said. */
  occurredAt: string;
  schemaVersion: number;
  [key: string]: unknown;
}

export type { JsonObject };

export interface NewEvent<T extends string = string, D extends JsonObject = JsonObject> {
  eventId: string;
  type: T;
  data: D;
  metadata: EventMetadata;
}

export interface StoredEvent<
  T extends string = string,
  D extends JsonObject = JsonObject,
> extends NewEvent<T, D> {
  streamId: string;
  /** Per stream, from 0. */
  revision: number;
  /** Global, unique, increasing in insert order (not necessarily commit order). */
  position: number;
  /** Set by the store from the database clock, in the appending transaction. */
  recordedAt: string;
}

/**
 * Where a subscriber has read the whole log up to. On PostgreSQL this is the pair
 * (transaction id, position) the log is read in; on EventStoreDB both hold the commit position.
 */
export interface Checkpoint {
  transactionId: string;
  position: number;
}

export const START_OF_LOG: Checkpoint = Object.freeze({ transactionId: '0', position: 0 });

export interface LoggedEvent extends StoredEvent {
  /** The checkpoint a subscriber holds once it has handled this event. */
  checkpoint: Checkpoint;
}

export interface AppendResult {
  streamId: string;
  /** The stream's revision after the append (the revision of the last event). */
  revision: number;
  /** The global position of the last event appended. */
  position: number;
  /** True when every event was already stored: the original result is returned, nothing added. */
  duplicate: boolean;
}

export interface ReadStreamOptions {
  fromRevision?: number;
  toRevision?: number;
  /** Only events recorded at or before this instant: the stream as it was known then. */
  recordedUpTo?: Date | string;
}

export interface ReadByTagOptions {
  /** Leave out streams whose id starts with this (streams that repeat what others say). */
  exceptStreamsStartingWith?: string;
  /** Only events recorded at or before this instant: what was known then. */
  recordedUpTo?: Date | string;
  /** Only events at or before this position. */
  toPosition?: number;
  /** Only events after this position (the rest of a subject's events after a snapshot). */
  afterPosition?: number;
}

export interface ReadAllOptions {
  after?: Checkpoint | null;
  limit: number;
}

export interface LogHead {
  /** The highest position stored (committed) so far; 0 for an empty log. */
  position: number;
  /**
   * Age in seconds of the oldest transaction that holds subscribers back (PostgreSQL: the oldest
   * open transaction with a transaction id), or null when none does.
   */
  oldestOpenTransactionSeconds: number | null;
}

export interface EventStore {
  /** Atomically checks `expectedRevision` and appends; a mismatch throws `WrongExpectedRevisionError`. */
  append(
    streamId: string,
    events: NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** Gap-safe: never returns an event past one that may still commit with a lower checkpoint. */
  readAll(options: ReadAllOptions): Promise<LoggedEvent[]>;
  /**
   * The stored event with this id. `inStream`: the stream it would be in, when the caller knows
   * it (a store without an index by event id looks there).
   */
  findEvent(eventId: string, inStream?: string): Promise<StoredEvent | null>;
  /**
   * Every event, from every stream, whose data has `value` in its top-level field `tag`, in
   * position order: everything about one subject across streams. The caller names its tags
   * when it opens the store (`tags`), so the SQL store keeps an index for each.
   */
  readByTag(tag: string, value: string, options?: ReadByTagOptions): Promise<StoredEvent[]>;
  /** The checkpoint a subscriber must have reached to have seen the event at `position`. */
  checkpointOf(position: number): Promise<Checkpoint | null>;
  head(): Promise<LogHead>;
  close(): Promise<void>;
}

/** Orders checkpoints the way subscribers read the log. */
export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  const ta = BigInt(a.transactionId);
  const tb = BigInt(b.transactionId);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.position === b.position ? 0 : a.position < b.position ? -1 : 1;
}
