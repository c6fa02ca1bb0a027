import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Where the tests find PostgreSQL: a role that may create databases. `.ci/run` creates it.
 * Every test suite makes its own database and drops it afterwards, so tests never touch a
 * developer's data.
 */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://nwd_test:nwd_test@127.0.0.1:5432/postgres';

/**
 * The application's role in the tests (LOGIN, no other rights until the owner grants them;
 * `.ci/run` creates it). The owner, TEST_DATABASE_URL's role, creates and migrates each database.
 */
export const TEST_RUNTIME_ROLE = process.env.TEST_RUNTIME_ROLE ?? 'nwd_app';
const TEST_RUNTIME_PASSWORD = process.env.TEST_RUNTIME_PASSWORD ?? TEST_RUNTIME_ROLE;

export interface TestDatabase {
  /** As the owner (TEST_DATABASE_URL's role). */
  url: string;
  /** As the application's role, when that role exists (null: one role for everything). */
  runtimeUrl: string | null;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(
  prefix = 'nwd_t',
  adminUrl = TEST_DATABASE_URL,
): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `Cannot reach the test PostgreSQL at ${adminUrl} (${String(error)}). ` +
        'Run .ci/run once, or set TEST_DATABASE_URL to a role with CREATEDB.',
    );
  }
  let runtimeExists = false;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    runtimeExists =
      (await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [TEST_RUNTIME_ROLE]))
        .rowCount === 1;
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const runtime = new URL(url);
  runtime.username = encodeURIComponent(TEST_RUNTIME_ROLE);
  runtime.password = encodeURIComponent(TEST_RUNTIME_PASSWORD);
  return {
    url: url.toString(),
    runtimeUrl: runtimeExists ? runtime.toString() : null,
    name,
    drop: () => dropDatabase(adminUrl, name),
  };
}

/**
 * Drops a scratch database. WITH (FORCE) ends our own leftover connections, but it may not end an
 * autovacuum worker (that needs pg_signal_backend), which a freshly loaded database often has; a
 * plain DROP waits those out, so that is retried for a while.
 */
async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '42501') throw error;
    }
    await c.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = $1 AND usename = current_user AND pid <> pg_backend_pid()`,
      [name],
    );
    for (let attempt = 1; ; attempt++) {
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 40) throw error;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  } finally {
    await c.end();
  }
}
