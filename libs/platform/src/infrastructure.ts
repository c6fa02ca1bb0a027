import {
  EventSchemas,
  type Upcaster,
  rebaseRestoredLog,
  restoredFromAnotherCluster,
  eventLogGrants,
  eventStoreMigrations,
  migrate,
  EventStoreDbEventStore,
  PgliteDatabase,
  PostgresDatabase,
  SqlEventStore,
  RecordingClock,
  tagIndexMigrations,
  type EventStore,
  type SqlDatabase,
} from '#event-store';
import {
  ProjectionRunner,
  projectionGrants,
  projectionMigrations,
  type Projection,
} from '#projections';
import type { NwdConfig } from './config.js';
import { NwdMetrics } from './metrics.js';

/** The log, the read-model database and the projection runner, opened from configuration. */
export interface Infrastructure {
  store: EventStore;
  /** The clock requests are decided at and appends recorded at (a generator may simulate it). */
  clock: RecordingClock;
  readDb: SqlDatabase;
  /**
   * Where queries read the read models: a streaming replica when READ_DATABASE_URL is set (the
   * runner's `waitFor` then waits for the replica), else `readDb`.
   */
  queryDb: SqlDatabase;
  runner: ProjectionRunner;
  /** The process's metrics (`/metrics` on an API); appends through `store` are counted. */
  metrics: NwdMetrics;
  describe: string;
  /** What an operator should know at start (a single database role, say). */
  warnings: string[];
  close(): Promise<void>;
}

/**
 * Migrates the schema as its owner and, when the application runs as another role, grants that
 * role what it needs and nothing more: read the log, append through the functions, keep its read
 * models. Running it again changes nothing.
 */
export async function migrateSchema(
  owner: SqlDatabase,
  runtimeRole: string | null,
  logTags: readonly string[],
) {
  const applied = [
    ...(await migrate(owner, [...eventStoreMigrations, ...tagIndexMigrations(logTags)])),
    ...(await migrate(owner, projectionMigrations)),
  ];
  if (runtimeRole) await owner.exec(eventLogGrants(runtimeRole) + projectionGrants(runtimeRole));
  // A log restored into another cluster reads again (see restored-log.ts); only the owner may
  // re-base it, so the application's role refuses to start on one, naming the fix.
  if (owner.dialect === 'postgres' && (await restoredFromAnotherCluster(owner))) {
    try {
      applied.push(`re-based ${await rebaseRestoredLog(owner)} restored events`);
    } catch (error) {
      if ((error as { code?: string }).code !== '42501') throw error;
      throw new Error(
        'The event log holds transaction ids from another PostgreSQL cluster (a logical restore), so it would read as empty. Run `nwd migrate` with DATABASE_OWNER_URL set to the schema owner: it re-bases them. Then start again.',
      );
    }
  }
  return applied;
}

const currentUser = async (db: SqlDatabase) =>
  (await db.query<{ u: string }>('SELECT current_user AS u')).rows[0].u;

/**
 * What a process is built from: the read models, how stored events of old shapes read, and the
 * fields of event data the log is read by (`EventStore.readByTag`).
 */
export interface DomainModel {
  projections: readonly Projection[];
  upcasters: readonly Upcaster[];
  logTags: readonly string[];
}

export async function openInfrastructure(
  config: NwdConfig,
  model: DomainModel,
  options: {
    applicationName?: string;
    onProjectionError?: (e: unknown, name: string) => void;
    /** PGlite in memory instead of NWD_DATA_DIR (tests). */
    memory?: boolean;
    batchSize?: number;
    /** Append as DATABASE_OWNER_URL's role (a generator setting recorded_at), when it is set. */
    appendAsOwner?: boolean;
    /** The process's clock (a generator of history passes one it simulates). */
    clock?: RecordingClock;
  } = {},
): Promise<Infrastructure> {
  const { projections, logTags } = model;
  const clock = options.clock ?? new RecordingClock();
  const schemas = new EventSchemas(model.upcasters);
  const readDb: SqlDatabase = config.databaseUrl
    ? new PostgresDatabase(config.databaseUrl, {
        applicationName: options.applicationName,
        pooling: config.databasePooling,
      })
    : await PgliteDatabase.open(options.memory ? undefined : config.dataDir);
  if (config.readDatabaseUrl && !config.databaseUrl) {
    await readDb.close();
    throw new Error('READ_DATABASE_URL needs DATABASE_URL: a replica is of a PostgreSQL primary');
  }
  const queryDb: SqlDatabase = config.readDatabaseUrl
    ? new PostgresDatabase(config.readDatabaseUrl, {
        applicationName: `${options.applicationName ?? 'nwd'}-queries`,
        pooling: config.databasePooling,
      })
    : readDb;
  const warnings: string[] = [];
  let owner: SqlDatabase | null = null;
  let twoRoles = false;
  try {
    if (config.databaseOwnerUrl && config.databaseOwnerUrl !== config.databaseUrl) {
      owner = new PostgresDatabase(config.databaseOwnerUrl, {
        applicationName: `${options.applicationName ?? 'nwd'}-owner`,
      });
      const [runtimeRole, ownerRole] = [await currentUser(readDb), await currentUser(owner)];
      twoRoles = runtimeRole !== ownerRole;
      if (!config.eventStoreUrl) await migrateSchema(owner, twoRoles ? runtimeRole : null, logTags);
    } else if (!config.eventStoreUrl) {
      await migrateSchema(readDb, null, logTags);
    }
    if (!twoRoles && !config.eventStoreUrl && readDb.dialect === 'postgres') {
      warnings.push(
        'The application runs as the role that owns the event log (DATABASE_OWNER_URL unset or the same role), so the log is only as safe as that role: it could alter the triggers. Give migrations a role of their own (README: Who may change the log).',
      );
    }
  } catch (error) {
    await owner?.close();
    await readDb.close();
    if (queryDb !== readDb) await queryDb.close();
    throw error;
  }
  let store: EventStore;
  let describe: string;
  if (config.eventStoreUrl) {
    await owner?.close();
    owner = null;
    store = EventStoreDbEventStore.connect(config.eventStoreUrl, schemas);
    describe = `log on EventStoreDB, read models on ${readDb.dialect}`;
  } else {
    // A generator writing history at simulated times appends as the owner (only it may set
    // recorded_at); everything else appends as the application's role.
    const appendAs = options.appendAsOwner && owner ? owner : readDb;
    if (appendAs !== owner) {
      await owner?.close();
      owner = null;
    }
    store = new SqlEventStore(appendAs, { schemas, clock, tags: logTags });
    describe =
      readDb.dialect === 'pglite'
        ? `embedded PGlite in ${options.memory ? 'memory' : config.dataDir}`
        : `PostgreSQL (log and read models${twoRoles ? '; schema owned by another role' : ''})`;
  }
  const metrics = new NwdMetrics(store, readDb);
  store = metrics.meter(store);
  const runner = new ProjectionRunner(store, readDb, projections, {
    onError: options.onProjectionError,
    batchSize: options.batchSize ?? config.projectionBatchSize,
    queryDb,
  });
  metrics.readFrom({ runner });
  return {
    store,
    clock,
    readDb,
    queryDb,
    runner,
    metrics,
    describe: describe + (queryDb !== readDb ? '; queries read a replica' : ''),
    warnings,
    close: async () => {
      await runner.stop();
      // The SQL store shares readDb (or the owner's connection); an EventStoreDB client is a
      // connection of its own.
      if (config.eventStoreUrl || owner) await store.close();
      await readDb.close();
      if (queryDb !== readDb) await queryDb.close();
    },
  };
}
