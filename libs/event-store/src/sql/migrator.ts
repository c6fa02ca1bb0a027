import type { SqlDatabase } from './sql-database.js';

/** One versioned schema change. `id` sorts in the order it must run and never changes. */
export interface Migration {
  id: string;
  sql: string;
}

const MIGRATION_LOCK = 4_771_203; // any constant; shared by every process migrating this database

/**
 * Applies the migrations not yet recorded, each in its own transaction with its record, under an
 * advisory lock so two processes starting together do not both run one. Running it again changes
 * nothing. Returns the ids it applied.
 */
export async function migrate(
  db: SqlDatabase,
  migrations: readonly Migration[],
): Promise<string[]> {
  // Nothing to do is found by reading alone, so a role that may not change the schema (the
  // application's, once the owner has migrated) starts without trying to.
  if ((await pendingMigrations(db, migrations)).length === 0) return [];
  await db.exec(`CREATE TABLE IF NOT EXISTS nwd_schema_migrations (
    id text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const ordered = [...migrations].sort((a, b) => a.id.localeCompare(b.id));
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const done = await tx.query<{ id: string }>('SELECT id FROM nwd_schema_migrations');
    const applied = new Set(done.rows.map((r) => r.id));
    const ran: string[] = [];
    for (const m of ordered) {
      if (applied.has(m.id)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO nwd_schema_migrations (id) VALUES ($1)', [m.id]);
      ran.push(m.id);
    }
    return ran;
  });
}

/** The ids of `migrations` not yet applied to this database (read only). */
export async function pendingMigrations(
  db: SqlDatabase,
  migrations: readonly Migration[],
): Promise<string[]> {
  const exists = await db.query<{ t: string | null }>(
    "SELECT to_regclass('nwd_schema_migrations')::text AS t",
  );
  if (!exists.rows[0]?.t) return migrations.map((m) => m.id);
  const done = await db.query<{ id: string }>('SELECT id FROM nwd_schema_migrations');
  const applied = new Set(done.rows.map((r) => r.id));
  return migrations.map((m) => m.id).filter((id) => !applied.has(id));
}
