import { openPgliteEventStore, openPostgresEventStore } from '#event-store';
import type { SqlEventStore } from '#event-store';
import { createTestDatabase } from './test-database.js';

export type OpenSqlStore = () => Promise<{ store: SqlEventStore; done: () => Promise<void> }>;

/**
 * Both SQL adapters for `describe.each`: a fresh PostgreSQL database (dropped by `done`) and an
 * in-memory PGlite, each migrated.
 */
export function sqlStores(options: { poolMax?: number } = {}): [string, OpenSqlStore][] {
  return [
    [
      'PostgreSQL',
      async () => {
        const database = await createTestDatabase();
        const store = await openPostgresEventStore(database.url, { max: options.poolMax });
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
}
