import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { SqlEventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import { sqlStores } from '#testing/sql-stores';
import type { Decider } from '#kernel';
import { EventSourcedCommands } from './event-sourced-commands.js';
import type { RequestContext } from './request-context.js';
import { StreamFolds } from './stream-folds.js';

/** Each command adds one numbered event after the last: racing commands cannot share a revision. */
type Counted = { type: 'Counted'; data: { n: number; by: string } };
const COUNTER: Decider<{ by: string }, Counted, number> = {
  initialState: () => 0,
  evolve: (count) => count + 1,
  decide: ({ by }, count) => [{ type: 'Counted', data: { n: count, by } }],
};

const context = (): RequestContext => ({
  actor: { id: 'tester' },
  correlationId: randomUUID(),
  now: new Date().toISOString(),
  idempotencyKey: null,
  ifMatch: null,
  requestHash: '',
  scope: 'TEST',
});

describe.each(sqlStores())('commands racing for one stream on %s', (_name, open) => {
  let store: SqlEventStore;
  let done: () => Promise<void>;
  let commands: EventSourcedCommands;
  beforeAll(async () => {
    ({ store, done } = await open());
    commands = new EventSourcedCommands(
      store,
      new ProjectionRunner(store, store.db, []),
      new StreamFolds(store),
    );
  });
  afterAll(() => done());

  it('lands every one of ten commands sent at once, each deciding on the state before it', async () => {
    const streamId = `race-${randomUUID()}`;
    const writers = Array.from({ length: 10 }, (_, i) => `writer-${i}`);
    const outcomes = await Promise.all(
      writers.map((by) =>
        commands.execute({ streamId, decider: COUNTER, command: { by }, ctx: context() }),
      ),
    );
    expect(outcomes.map((o) => o.revision).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 10 }, (_, i) => i),
    );
    const events = await store.readStream(streamId);
    // Every writer once, and each event counted exactly the events before it.
    expect(events.map((e) => e.data.by).sort()).toEqual([...writers].sort());
    expect(events.map((e) => e.data.n)).toEqual(events.map((e) => e.revision));
  });
});
