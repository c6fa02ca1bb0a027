import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  compareCheckpoints,
  WrongExpectedRevisionError,
  type Checkpoint,
  type EventStore,
  type LoggedEvent,
  type NewEvent,
} from '#event-store';

export interface ContractSubject {
  store: EventStore;
  cleanup(): Promise<void>;
}

export function newEvent(type = 'ThingHappened', data: Record<string, unknown> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: {
      actor: { id: 'tester' },
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: '2026-03-02T10:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

const stream = () => `test-${randomUUID()}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Reads the whole log after `from` until nothing more comes. */
export async function drain(store: EventStore, from: Checkpoint | null): Promise<LoggedEvent[]> {
  const out: LoggedEvent[] = [];
  let after = from;
  for (;;) {
    const batch = await store.readAll({ after, limit: 500 });
    if (batch.length === 0) return out;
    out.push(...batch);
    after = batch[batch.length - 1].checkpoint;
  }
}

/** The one contract every EventStore adapter passes. */
export function eventStoreContract(
  name: string,
  open: () => Promise<ContractSubject>,
  options: { concurrentWriters?: boolean } = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(async () => {
      await subject?.cleanup();
    });

    it('appends to a new stream and returns its revision and the last global position', async () => {
      const id = stream();
      const r = await store.append(id, [newEvent('A'), newEvent('B')], {
        expectedRevision: 'no_stream',
      });
      expect(r.revision).toBe(1);
      expect(r.duplicate).toBe(false);
      const events = await store.readStream(id);
      expect(events.map((e) => [e.type, e.revision])).toEqual([
        ['A', 0],
        ['B', 1],
      ]);
      expect(events[1].position).toBe(r.position);
      expect(events[0].position).toBeLessThan(events[1].position);
    });

    it('stores every field of an event, with recordedAt set by the store', async () => {
      const id = stream();
      const e = newEvent('Referred', { name: 'Test Person', nested: { a: [1, 2] } });
      const before = Date.now();
      await store.append(id, [e], { expectedRevision: 'no_stream' });
      const [stored] = await store.readStream(id);
      expect(stored).toMatchObject({
        eventId: e.eventId,
        streamId: id,
        revision: 0,
        type: 'Referred',
        data: e.data,
        metadata: e.metadata,
      });
      expect(typeof stored.position).toBe('number');
      const recorded = Date.parse(stored.recordedAt);
      expect(recorded).toBeGreaterThan(before - 60_000);
      expect(recorded).toBeLessThan(Date.now() + 60_000);
      expect(await store.findEvent(e.eventId)).toEqual(stored);
    });

    it('finds an event in the stream named, however many events came after it', async () => {
      const id = stream();
      const first = newEvent('Early');
      await store.append(id, [first], { expectedRevision: 'no_stream' });
      for (let i = 0; i < 5; i++)
        await store.append(
          id,
          Array.from({ length: 400 }, () => newEvent('Later')),
          { expectedRevision: 'any' },
        );
      expect(await store.findEvent(first.eventId, id)).toMatchObject({
        eventId: first.eventId,
        revision: 0,
      });
      expect(await store.findEvent(newEvent().eventId, id)).toBeNull();
    });

    it('refuses a wrong expected revision with a typed error and appends nothing', async () => {
      const id = stream();
      await store.append(id, [newEvent()], { expectedRevision: 'no_stream' });
      await expect(store.append(id, [newEvent()], { expectedRevision: 5 })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      await expect(
        store.append(id, [newEvent()], { expectedRevision: 'no_stream' }),
      ).rejects.toMatchObject({ actual: 0, streamId: id });
      await expect(
        store.append(stream(), [newEvent()], { expectedRevision: 0 }),
      ).rejects.toMatchObject({ actual: 'no_stream' });
      expect(await store.readStream(id)).toHaveLength(1);
    });

    it('appends at the expected revision, and with any', async () => {
      const id = stream();
      await store.append(id, [newEvent()], { expectedRevision: 'no_stream' });
      expect((await store.append(id, [newEvent()], { expectedRevision: 0 })).revision).toBe(1);
      expect((await store.append(id, [newEvent()], { expectedRevision: 'any' })).revision).toBe(2);
      expect(
        (await store.append(stream(), [newEvent()], { expectedRevision: 'any' })).revision,
      ).toBe(0);
    });

    it('treats an append of already stored event ids as a no-op returning the original result', async () => {
      const id = stream();
      const events = [newEvent('A'), newEvent('B')];
      const first = await store.append(id, events, { expectedRevision: 'no_stream' });
      await store.append(id, [newEvent('C')], { expectedRevision: 1 });
      // A retry from a phone, late and with the revision it saw then.
      const retry = await store.append(id, events, { expectedRevision: 'no_stream' });
      expect(retry).toEqual({ ...first, duplicate: true });
      expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    });

    it('reads a stream between revisions, and as it was recorded up to an instant', async () => {
      const id = stream();
      await store.append(id, [newEvent('A'), newEvent('B'), newEvent('C')], {
        expectedRevision: 'no_stream',
      });
      const slice = await store.readStream(id, { fromRevision: 1, toRevision: 1 });
      expect(slice.map((e) => e.type)).toEqual(['B']);
      const known = (await store.readStream(id))[2].recordedAt;
      await sleep(30);
      await store.append(id, [newEvent('D')], { expectedRevision: 2 });
      const asOf = await store.readStream(id, { recordedUpTo: known });
      expect(asOf.map((e) => e.type)).toEqual(['A', 'B', 'C']);
      expect(await store.readStream(stream())).toEqual([]);
    });

    it('reads every event carrying a tag, across streams, in position order, with its bounds', async () => {
      const subject = randomUUID();
      const [a, b, copy] = [stream(), stream(), `copy-${randomUUID()}`];
      const tagged = (n: number) => newEvent('Tagged', { subjectId: subject, n });
      const first = await store.append(a, [tagged(1)], { expectedRevision: 'no_stream' });
      await store.append(b, [newEvent('Other', { subjectId: randomUUID() }), tagged(2)], {
        expectedRevision: 'no_stream',
      });
      await store.append(copy, [tagged(0)], { expectedRevision: 'no_stream' });
      const last = await store.append(a, [tagged(3)], { expectedRevision: 0 });
      const ns = (events: { data: Record<string, unknown> }[]) => events.map((e) => e.data.n);

      const all = await store.readByTag('subjectId', subject, {
        exceptStreamsStartingWith: 'copy-',
      });
      expect(ns(all)).toEqual([1, 2, 3]);
      expect(all.map((e) => e.streamId)).toEqual([a, b, a]);
      expect(ns(await store.readByTag('subjectId', subject))).toEqual([1, 2, 0, 3]);
      const bounded = await store.readByTag('subjectId', subject, {
        exceptStreamsStartingWith: 'copy-',
        afterPosition: first.position,
        toPosition: last.position - 1,
      });
      expect(ns(bounded)).toEqual([2]);
      expect(await store.readByTag('subjectId', randomUUID())).toEqual([]);
    });

    it('reads the whole log in order after a checkpoint, in pages', async () => {
      const start = (await drain(store, null)).at(-1)?.checkpoint ?? null;
      const id = stream();
      await store.append(id, [newEvent('A'), newEvent('B'), newEvent('C')], {
        expectedRevision: 'no_stream',
      });
      const page = await store.readAll({ after: start, limit: 2 });
      expect(page.map((e) => e.type)).toEqual(['A', 'B']);
      const rest = await store.readAll({ after: page[1].checkpoint, limit: 10 });
      expect(rest.map((e) => e.type)).toEqual(['C']);
      expect(await store.checkpointOf(rest[0].position)).toEqual(rest[0].checkpoint);
      expect((await store.head()).position).toBeGreaterThanOrEqual(rest[0].position);
    });

    it('lets exactly one of two concurrent appends at the same revision win', async () => {
      const id = stream();
      await store.append(id, [newEvent()], { expectedRevision: 'no_stream' });
      const results = await Promise.allSettled([
        store.append(id, [newEvent('X')], { expectedRevision: 0 }),
        store.append(id, [newEvent('Y')], { expectedRevision: 0 }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(rejected?.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(id)).toHaveLength(2);
    });

    it('records concurrent retries of one append once', async () => {
      const id = stream();
      const events = [newEvent('Contact')];
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          store.append(id, events, { expectedRevision: 'no_stream' }),
        ),
      );
      expect(new Set(results.map((r) => r.position)).size).toBe(1);
      expect(await store.readStream(id)).toHaveLength(1);
    });

    if (options.concurrentWriters !== false) {
      it('never lets a reader pass over an event: 8 concurrent writers, one reader, each event once, in order', async () => {
        const start = (await drain(store, null)).at(-1)?.checkpoint ?? null;
        const writers = 8;
        const perWriter = 60;
        const written: string[] = [];
        let done = false;
        const writing = Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            const id = stream();
            for (let i = 0; i < perWriter; i++) {
              const e = newEvent('W', { w, i });
              await store.append(id, [e], { expectedRevision: i === 0 ? 'no_stream' : i - 1 });
              written.push(e.eventId);
            }
          }),
        ).finally(() => {
          done = true;
        });
        const seen: LoggedEvent[] = [];
        let after = start;
        while (!done || seen.length < written.length) {
          const batch = await store.readAll({ after, limit: 37 });
          if (batch.length === 0) {
            if (done && (await store.readAll({ after, limit: 1 })).length === 0) break;
            await sleep(2);
            continue;
          }
          seen.push(...batch);
          after = batch[batch.length - 1].checkpoint;
        }
        await writing;
        const ids = seen.map((e) => e.eventId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set(written));
        for (let i = 1; i < seen.length; i++) {
          expect(compareCheckpoints(seen[i - 1].checkpoint, seen[i].checkpoint)).toBeLessThan(0);
        }
        const lastRevision = new Map<string, number>();
        for (const e of seen) {
          expect(e.revision).toBe((lastRevision.get(e.streamId) ?? -1) + 1);
          lastRevision.set(e.streamId, e.revision);
        }
      });
    }
  });
}
