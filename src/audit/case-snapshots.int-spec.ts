import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sqlStores } from '#testing/sql-stores';
import { type SqlEventStore } from '#event-store';
import { appendCaseOf } from '../outreach/index.js';
import { CaseHistory } from './case-history.js';
import { foldKnownCase } from './known-case.js';
import { readEventsAbout } from '../young-people/index.js';

const adapters = sqlStores();

/** Snapshots of the as-of fold give exactly what a fold from the first event gives. */
describe.each(adapters)('case snapshots on %s', (_name, open) => {
  let store: SqlEventStore;
  let done: () => Promise<void>;
  let history: CaseHistory;
  let id: string;
  const full = async (asOf?: string) =>
    foldKnownCase(id, await readEventsAbout(store, id, { recordedUpTo: asOf }));

  beforeAll(async () => {
    ({ store, done } = await open());
    history = new CaseHistory(store);
    id = await appendCaseOf(store, 1_200);
  }, 60_000);
  afterAll(() => done());

  it('leaves a snapshot after a long fold and folds on from it to the same case', async () => {
    const first = await history.fold(id);
    expect(first.fromSnapshotAt).toBeNull();
    expect(first.reflects.events).toBe(1_200);
    expect(first.known).toEqual(await full());

    const second = await history.fold(id);
    expect(second.fromSnapshotAt).toBe(first.reflects.lastEvent!.position);
    expect(second.known).toEqual(first.known);
    expect(second.reflects).toEqual(first.reflects);
  });

  it('adds the events after the snapshot', async () => {
    await appendCaseOf(store, 10); // another young person: not in this case
    const more = await store.readStream(`outreach-${id}`);
    const last = more[more.length - 1];
    await store.append(
      `outreach-${id}`,
      [
        {
          eventId: crypto.randomUUID(),
          type: 'ContactLogged',
          data: { ...last.data, contactId: crypto.randomUUID(), notes: 'after the snapshot' },
          metadata: last.metadata,
        },
      ],
      { expectedRevision: last.revision },
    );
    const after = await history.fold(id);
    expect(after.fromSnapshotAt).not.toBeNull();
    expect(after.reflects.events).toBe(1_201);
    expect(after.known).toEqual(await full());
  });

  it('does not use a snapshot for an instant before its newest event', async () => {
    const events = await readEventsAbout(store, id);
    const asOf = events[600].recordedAt;
    const earlier = await history.fold(id, { asOf });
    expect(earlier.fromSnapshotAt).toBeNull();
    expect(earlier.known).toEqual(await full(asOf));
  });

  it('retires a snapshot that no longer stands for the events up to its position', async () => {
    // As if an event with a lower position had committed after the snapshot was taken.
    await store.db.exec('UPDATE nwd_cache.audit_case_snapshots SET events = events - 1');
    const again = await history.fold(id);
    expect(again.fromSnapshotAt).toBeNull();
    expect(again.known).toEqual(await full());
  });
});
