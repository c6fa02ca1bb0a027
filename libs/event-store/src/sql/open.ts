import { SqlEventStore } from './sql-event-store.js';
import { PostgresDatabase } from './postgres-database.js';
import { PgliteDatabase } from './pglite-database.js';

/** The event store on a PostgreSQL server. */
export async function openPostgresEventStore(
  connectionString: string,
  options: { max?: number; applicationName?: string } = {},
): Promise<SqlEventStore> {
  const store = new SqlEventStore(new PostgresDatabase(connectionString, options));
  await store.migrate();
  return store;
}

/** The embedded event store: PGlite in `dataDir` (locked for this process), or in memory. */
export async function openPgliteEventStore(dataDir?: string): Promise<SqlEventStore> {
  const store = new SqlEventStore(await PgliteDatabase.open(dataDir));
  await store.migrate();
  return store;
}
