/** How the projection runner reads the log and waits between batches. */
import type { Checkpoint, EventStore, LoggedEvent } from '#event-store';

const key = (c: Checkpoint) => `${c.transactionId}:${c.position}`;

/**
 * Reads the log batch by batch for the runner. After a full batch (more is waiting) it starts
 * reading the next one while the runner applies this one, when the database has sessions to
 * spare (PostgreSQL; PGlite is one session). Reading was about a third of catch-up time.
 */
export class BatchReader {
  private prefetched: { after: string; events: Promise<LoggedEvent[]> } | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly batchSize: number,
    private readonly readAhead: boolean,
  ) {}

  /**
   * The batch after `from`: the prefetched one if it starts there (every event in it had
   * committed below the horizon when it was read, so it is still exactly the log's next events).
   */
  async read(from: Checkpoint): Promise<LoggedEvent[]> {
    const p = this.prefetched;
    this.prefetched = null;
    let events: LoggedEvent[] | null = null;
    if (p && p.after === key(from)) events = await p.events.catch(() => null);
    events ??= await this.store.readAll({ after: from, limit: this.batchSize });
    if (this.readAhead && events.length === this.batchSize) {
      const after = events[events.length - 1].checkpoint;
      const next = this.store.readAll({ after, limit: this.batchSize });
      next.catch(() => undefined); // a failed read-ahead is read again when needed
      this.prefetched = { after: key(after), events: next };
    }
    return events;
  }
}

/** The runner's wait between batches, which new events or a waiting reader can end early. */
export class Pause {
  private waiting: { kind: 'idle' | 'gather'; end: () => void } | null = null;

  async for(kind: 'idle' | 'gather', ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiting = {
        kind,
        end: () => {
          clearTimeout(timer);
          resolve();
        },
      };
    });
    this.waiting = null;
  }

  /** Ends the current wait if it is one of `kinds`. */
  end(...kinds: ('idle' | 'gather')[]): void {
    if (this.waiting && kinds.includes(this.waiting.kind)) this.waiting.end();
  }
}
