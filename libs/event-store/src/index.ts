export * from './event-store.port.js';
export * from './errors.js';
export * from './sql/sql-database.js';
export { PostgresDatabase } from './sql/postgres-database.js';
export { PgliteDatabase } from './sql/pglite-database.js';
export { DataFolderLock } from './sql/data-folder-lock.js';
export { migrate, pendingMigrations, type Migration } from './sql/migrator.js';
export { eventLogGrants } from './sql/migrations/0006-owner-only-append.js';
export {
  SqlEventStore,
  eventStoreMigrations,
  type SqlEventStoreOptions,
} from './sql/sql-event-store.js';
export { tagIndexMigrations } from './sql/tag-indexes.js';
export { openPostgresEventStore, openPgliteEventStore } from './sql/open.js';
export { EventStoreDbEventStore } from './eventstoredb-event-store.js';
export { canonicalJson } from './canonical-json.js';
export { verifyChains, type ChainReport, type BrokenLink } from './sql/verify-chain.js';
export * from './recording-clock.js';
export {
  bulkLoadStreams,
  eventHash,
  prepareLoad,
  writeLoad,
  type LoadEvent,
  type PreparedLoad,
} from './sql/bulk-load.js';
export { jsonbText } from './sql/jsonb-text.js';
export {
  sealLog,
  verifySeals,
  readSeals,
  SEAL_STREAM,
  type Anchor,
  type Seal,
  type SealKey,
  type SealReport,
} from './sql/seals.js';
export { restoredFromAnotherCluster, rebaseRestoredLog } from './sql/restored-log.js';
export { EventSchemas, NO_SCHEMAS, type Upcaster } from './event-schemas.js';
