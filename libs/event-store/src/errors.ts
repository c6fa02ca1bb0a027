import type { ExpectedRevision } from './event-store.port.js';

/** The stream was not at the revision the caller expected; nothing was appended. */
export class WrongExpectedRevisionError extends Error {
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(
      `stream ${streamId} is at revision ${String(actual)}, the append expected ${String(expected)}`,
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Some of the event ids are stored already, but not as this same append. */
export class DuplicateEventIdError extends Error {
  readonly code = 'EVENT_STORE.DUPLICATE_EVENT_ID';
  constructor(readonly eventIds: string[]) {
    super(`event ids already stored by a different append: ${eventIds.join(', ')}`);
    this.name = 'DuplicateEventIdError';
  }
}

/** The event store's own data folder is held by another process. */
export class DataFolderLockedError extends Error {
  readonly code = 'EVENT_STORE.DATA_FOLDER_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(
      `The data folder ${dataDir} is in use by process ${pid} (lock file ${lockFile}). ` +
        'Stop that process first, or set NWD_DATA_DIR to another folder.',
    );
    this.name = 'DataFolderLockedError';
  }
}

/** The log's server cannot be reached just now (a cluster electing a leader, a restart). */
export class StoreUnavailableError extends Error {
  readonly code = 'EVENT_STORE.UNAVAILABLE';
  constructor(override readonly cause: unknown) {
    super(`the event store cannot be reached: ${cause instanceof Error ? cause.name : 'error'}`);
    this.name = 'StoreUnavailableError';
  }
}
