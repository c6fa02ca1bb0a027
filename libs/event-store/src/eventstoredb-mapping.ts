import esdb from '@eventstore/db-client';
import type { Checkpoint, ExpectedRevision, StoredEvent } from './event-store.port.js';

const { ANY, NO_STREAM } = esdb;

/** An event as the EventStoreDB client hands it over. */
export type Recorded = {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  data: unknown;
  metadata: unknown;
  position?: { commit: bigint; prepare: bigint };
};

/** The client's ways of saying the cluster cannot answer now: a 503 to the caller, not a 500. */
export const UNAVAILABLE = [
  esdb.UnavailableError,
  esdb.DeadlineExceededError,
  esdb.NotLeaderError,
  esdb.TimeoutError,
  esdb.CancelledError,
];

export function checkpointAt(position: number): Checkpoint {
  return { transactionId: String(position), position };
}

export function toEsdbRevision(expected: ExpectedRevision) {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  return BigInt(expected);
}

export function toStored(e: Recorded): StoredEvent {
  return {
    eventId: e.id,
    streamId: e.streamId,
    revision: Number(e.revision),
    position: Number(e.position?.commit ?? 0n),
    type: e.type,
    data: e.data as StoredEvent['data'],
    metadata: e.metadata as StoredEvent['metadata'],
    recordedAt: e.created.toISOString(),
  };
}

export function isWrongExpectedVersion(error: unknown): boolean {
  return error instanceof esdb.WrongExpectedVersionError;
}

export function isStreamNotFound(error: unknown): boolean {
  return error instanceof esdb.StreamNotFoundError;
}
