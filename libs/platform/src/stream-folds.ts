import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, StoredEvent } from '#event-store';
import type { Decider, DomainEvent } from '#kernel';
import { EVENT_STORE } from './tokens.js';
import { WeightedLru } from './weighted-lru.js';

type Folder<E extends DomainEvent, S> = Pick<Decider<unknown, E, S>, 'evolve' | 'initialState'>;

interface Entry {
  state: unknown;
  last: StoredEvent | null;
}

/**
 * How many events the kept states may have folded in all, before the least used are dropped
 * (`KEPT_EVENTS`). A kept event took about 400 bytes of heap in the soak test's folded states
 * (heap snapshots), so 200,000 events' worth is roughly 75 MiB.
 */
export const KEPT_EVENTS = 200_000;

/**
 * The current state of a stream, folded from its events, without reading them all every time:
 * the process keeps each stream's folded state (per way of folding it) and reads from the store
 * only the events after the last one it folded. Every call still reads the store, so the answer
 * is as fresh as a full read (an event another process appended is read and folded in); what is
 * saved is reading and folding years of contacts before every new one.
 *
 * `use` gets the state and the last event folded into it (null for an empty stream) and runs
 * synchronously, before anything else can fold more into the state: states are shared, and a
 * fold may update its state in place (see `Decider.evolve`). Deciders never change the state they
 * are given. The least recently used states go once they hold more than `limit` events.
 */
@Injectable()
export class StreamFolds {
  /** The kept states, each weighing the number of events folded into it. */
  private readonly kept = new WeightedLru<string, Entry>(KEPT_EVENTS);
  private readonly folderIds = new WeakMap<object, WeakMap<object, number>>();
  private nextFolderId = 1;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** How many events the kept states may have folded in all (`KEPT_EVENTS`; tests lower it). */
  set limit(events: number) {
    this.kept.limit = events;
  }

  /** What is kept now, for /health: states, the events folded into them, and the limit. */
  get usage(): { states: number; events: number; limit: number } {
    return { states: this.kept.size, events: this.kept.weight, limit: this.kept.limit };
  }

  async withState<E extends DomainEvent, S, R>(
    streamId: string,
    folder: Folder<E, S>,
    use: (state: S, last: StoredEvent | null) => R,
  ): Promise<R> {
    const key = `${this.folderId(folder)}:${streamId}`;
    for (;;) {
      const from = this.next(this.kept.get(key));
      const events = await this.store.readStream(streamId, { fromRevision: from });
      // From here to the return, nothing awaits: no other caller moves the entry meanwhile.
      const kept = this.kept.get(key);
      const next = this.next(kept);
      if ((events[0]?.revision ?? from) > next) {
        // The state was dropped while this read was on its way (it read only the newer
        // events): read the stream again from the start.
        continue;
      }
      // Taken out while it is folded: a fold that fails half way is not kept.
      this.kept.delete(key);
      const entry = kept ?? { state: folder.initialState(), last: null };
      for (const event of events) {
        if (event.revision < next) continue;
        entry.state = folder.evolve(entry.state as S, event as unknown as E);
        entry.last = event;
      }
      // An empty stream is not kept: reading it again costs the same, and ids that name nothing
      // (a mistyped link, a scanner) must not fill the process.
      if (entry.last) this.kept.set(key, entry, entry.last.revision + 1);
      return use(entry.state as S, entry.last);
    }
  }

  private next(entry: Entry | undefined): number {
    return entry?.last ? entry.last.revision + 1 : 0;
  }

  /** Deciders that fold a stream the same way (the same evolve and initialState) share a state. */
  private folderId(folder: { evolve: object; initialState: object }): number {
    let byInitial = this.folderIds.get(folder.evolve);
    if (!byInitial) this.folderIds.set(folder.evolve, (byInitial = new WeakMap()));
    let id = byInitial.get(folder.initialState);
    if (id === undefined) byInitial.set(folder.initialState, (id = this.nextFolderId++));
    return id;
  }
}
