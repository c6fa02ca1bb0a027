import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { EventStore, ReadStreamOptions } from '#event-store';
import { newEvent } from '#testing/event-store-contract';
import { sqlStores } from '#testing/sql-stores';
import { fold, type DomainEvent } from '#kernel';
import { StreamFolds } from './stream-folds.js';

/** A fold that updates its state in place, as some of the application's aggregates do. */
interface Tally {
  seen: number[];
}
const TALLY = {
  initialState: (): Tally => ({ seen: [] }),
  evolve: (state: Tally, e: DomainEvent) => {
    state.seen.push(e.data.n as number);
    return state;
  },
};

/** The store, counting the events its stream reads return. */
function counting(store: EventStore) {
  const read = { events: 0, calls: 0 };
  const counted = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'readStream') return Reflect.get(target, prop, receiver);
      return async (streamId: string, options?: ReadStreamOptions) => {
        const events = await target.readStream(streamId, options);
        read.calls++;
        read.events += events.length;
        return events;
      };
    },
  });
  return { counted, read };
}

const stream = () => `folds-${randomUUID()}`;
const append = (store: EventStore, s: string, from: number, to: number) =>
  store.append(
    s,
    Array.from({ length: to - from }, (_, i) => newEvent('Counted', { n: from + i })),
    { expectedRevision: from === 0 ? 'no_stream' : from - 1 },
  );
const snapshot = (state: Tally, last: { revision: number } | null) => ({
  seen: [...state.seen],
  revision: last?.revision ?? -1,
});

describe.each(sqlStores())('kept stream states on %s', (_name, open) => {
  let store: EventStore;
  let done: () => Promise<void>;
  beforeAll(async () => {
    ({ store, done } = await open());
  });
  afterAll(() => done());

  it('reads a stream once, then only the events after the last it folded', async () => {
    const { counted, read } = counting(store);
    const folds = new StreamFolds(counted);
    const s = stream();
    expect(await folds.withState(s, TALLY, snapshot)).toEqual({ seen: [], revision: -1 });
    await append(store, s, 0, 50);
    expect(await folds.withState(s, TALLY, snapshot)).toEqual({
      seen: Array.from({ length: 50 }, (_, i) => i),
      revision: 49,
    });
    expect(read.events).toBe(50);
    // Another writer (not through these folds) appends: the next use folds it in.
    await append(store, s, 50, 53);
    expect(await folds.withState(s, TALLY, snapshot)).toMatchObject({ revision: 52 });
    expect(await folds.withState(s, TALLY, (t) => t.seen.slice(-3))).toEqual([50, 51, 52]);
    expect(read.events).toBe(53);
    expect(read.calls).toBe(4);
  });

  it('callers at once each see a state that is exactly the fold up to the event they are told', async () => {
    const folds = new StreamFolds(store);
    const s = stream();
    await append(store, s, 0, 1);
    const views: Promise<{ seen: number[]; revision: number }>[] = [];
    for (let n = 1; n < 30; n++) {
      // Not awaited: these reads overlap each other and the appends.
      views.push(folds.withState(s, TALLY, snapshot));
      await append(store, s, n, n + 1);
      views.push(folds.withState(s, TALLY, snapshot));
    }
    const seen = await Promise.all(views);
    seen.push(await folds.withState(s, TALLY, snapshot));
    const all = await store.readStream(s);
    for (const view of seen) {
      expect(view.seen).toEqual(fold(TALLY, all.slice(0, view.revision + 1)).seen);
    }
    expect(seen.at(-1)!.revision).toBe(29);
    expect(seen.at(-1)!.seen).toHaveLength(30);
  });

  it('drops the least used states beyond its limit and reads them again in full when asked', async () => {
    const { counted, read } = counting(store);
    const folds = new StreamFolds(counted);
    folds.limit = 25;
    const [a, b] = [stream(), stream()];
    await append(store, a, 0, 20);
    await append(store, b, 0, 20);
    await folds.withState(a, TALLY, snapshot);
    await folds.withState(b, TALLY, snapshot); // a goes: 40 events kept is over 25
    await append(store, a, 20, 21);
    expect(await folds.withState(a, TALLY, snapshot)).toEqual({
      seen: Array.from({ length: 21 }, (_, i) => i),
      revision: 20,
    });
    expect(read.events).toBe(61);
    expect(folds.usage.states).toBe(1);
  });

  it('keeps nothing for a stream with no events', async () => {
    const folds = new StreamFolds(store);
    for (let i = 0; i < 50; i++) {
      expect(await folds.withState(stream(), TALLY, snapshot)).toEqual({ seen: [], revision: -1 });
    }
    expect(folds.usage.states).toBe(0);
  });

  it('does not keep a state whose fold failed', async () => {
    const folds = new StreamFolds(store);
    const s = stream();
    await append(store, s, 0, 3);
    let failOn = 1;
    const fragile = {
      initialState: TALLY.initialState,
      evolve: (state: Tally, e: DomainEvent) => {
        if (e.data.n === failOn) throw new Error('cannot fold');
        return TALLY.evolve(state, e);
      },
    };
    await expect(folds.withState(s, fragile, snapshot)).rejects.toThrow('cannot fold');
    failOn = -1;
    expect(await folds.withState(s, fragile, snapshot)).toEqual({ seen: [0, 1, 2], revision: 2 });
  });
});
