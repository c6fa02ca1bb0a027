import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../../testing/src/test-database.js';
import { newEvent } from '../../../testing/src/event-store-contract.js';
import { migrate } from './migrator.js';
import { openPgliteEventStore, openPostgresEventStore } from './open.js';
import { eventStoreMigrations, type SqlEventStore } from './sql-event-store.js';

const adapters: [string, () => Promise<{ store: SqlEventStore; done: () => Promise<void> }>][] = [
  [
    'PostgreSQL',
    async () => {
      const database: TestDatabase = await createTestDatabase();
      const store = await openPostgresEventStore(database.url);
      return { store, done: async () => (await store.close(), await database.drop()) };
    },
  ],
  [
    'PGlite',
    async () => {
      const store = await openPgliteEventStore();
      return { store, done: () => store.close() };
    },
  ],
];

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
