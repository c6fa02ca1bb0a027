import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sqlStores } from '#testing/sql-stores';
import { newEvent } from '#testing/event-store-contract';
import { migrate } from './migrator.js';
import { eventStoreMigrations, type SqlEventStore } from './sql-event-store.js';

const adapters = sqlStores();

describe.each(adapters)('the event log schema on %s', (_name, open) => {
  let store: SqlEventStore;
  let done: () => Promise<void>;
  beforeAll(async () => {
    ({ store, done } = await open());
    await store.append('s-1', [newEvent('A'), newEvent('B')], { expectedRevision: 'no_stream' });
  });
  afterAll(() => done());

  it.each([
    ['UPDATE', `UPDATE events SET type = 'Tampered'`],
    ['DELETE', 'DELETE FROM events'],
    ['TRUNCATE', 'TRUNCATE events'],
  ])('refuses %s on the events table', async (op, sql) => {
    await expect(store.db.query(sql)).rejects.toThrow(`append-only: ${op}`);
    expect((await store.readStream('s-1')).map((e) => e.type)).toEqual(['A', 'B']);
  });

  it('applies migrations once: running them again changes nothing', async () => {
    expect(await migrate(store.db, eventStoreMigrations)).toEqual([]);
    const r = await store.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM nwd_schema_migrations',
    );
    expect(r.rows[0].n).toBe(eventStoreMigrations.length);
    expect(await store.readStream('s-1')).toHaveLength(2);
  });
});
