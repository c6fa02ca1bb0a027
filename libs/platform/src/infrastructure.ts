import {
  EventStoreDbEventStore,
  PgliteDatabase,
  PostgresDatabase,
  SqlEventStore,
  type EventStore,
  type SqlDatabase,
} from '../../event-store/src/index.js';
import { ProjectionRunner, type Projection } from '../../projections/src/index.js';
import type { NwdConfig } from './config.js';

/** The log, the read-model database and the projection runner, opened from configuration. */
export interface Infrastructure {
  store: EventStore;
  readDb: SqlDatabase;
  runner: ProjectionRunner;
  describe: string;
  close(): Promise<void>;
}

export async function openInfrastructure(
  config: NwdConfig,
  projections: readonly Projection[],
  options: {
    applicationName?: string;
    onProjectionError?: (e: unknown, name: string) => void;
    /** PGlite in memory instead of NWD_DATA_DIR (tests). */
    memory?: boolean;
    batchSize?: number;
  } = {},
): Promise<Infrastructure> {
  const readDb: SqlDatabase = config.databaseUrl
    ? new PostgresDatabase(config.databaseUrl, { applicationName: options.applicationName })
    : await PgliteDatabase.open(options.memory ? undefined : config.dataDir);
  let store: EventStore;
  let describe: string;
  if (config.eventStoreUrl) {
    store = EventStoreDbEventStore.connect(config.eventStoreUrl);
    describe = `log on EventStoreDB, read models on ${readDb.dialect}`;
  } else {
    const sqlStore = new SqlEventStore(readDb);
    await sqlStore.migrate();
    store = sqlStore;
    describe =
      readDb.dialect === 'pglite'
        ? `embedded PGlite in ${options.memory ? 'memory' : config.dataDir}`
        : 'PostgreSQL (log and read models)';
  }
  const runner = new ProjectionRunner(store, readDb, projections, {
    onError: options.onProjectionError,
    batchSize: options.batchSize ?? config.projectionBatchSize,
  });
  return {
    store,
    readDb,
    runner,
    describe,
    close: async () => {
      await runner.stop();
      // The SQL store shares readDb; an EventStoreDB client is a connection of its own.
      if (config.eventStoreUrl) await store.close();
      await readDb.close();
    },
  };
}
