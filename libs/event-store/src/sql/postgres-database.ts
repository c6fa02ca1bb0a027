import { createHash } from 'node:crypto';
import pg from 'pg';
import type { SqlDatabase, SqlExecutor, SqlResult, SqlSession } from './sql-database.js';

/** PostgreSQL refuses a prepared statement whose result columns changed since it was planned. */
const isStalePlan = (error: unknown) =>
  error instanceof Error &&
  (error as { code?: string }).code === '0A000' &&
  /cached plan must not change result type/.test(error.message);

/**
 * A named statement this connection prepared is not on the server connection (26000), or one it
 * did not prepare is (42P05): a transaction-mode pooler moved it to another server connection.
 */
const isLostStatement = (error: unknown) => {
  const code = (error as { code?: string }).code;
  return code === '26000' || code === '42P05';
};

/** How many distinct statements each connection may keep prepared. */
const PREPARED_MAX = 500;

// int8 and numeric come back as strings from `pg`; the callers convert what they read.
export class PostgresDatabase implements SqlDatabase {
  readonly dialect = 'postgres' as const;
  private readonly pool: pg.Pool;
  /** Named prepared statements (off behind a transaction-mode pooler). */
  private readonly prepare: boolean = true;

  constructor(
    private readonly connectionString: string,
    private readonly options: {
      max?: number;
      applicationName?: string;
      /**
       * `transaction`: the URL leads to a pooler that hands out a server connection per
       * transaction (PgBouncer's transaction mode), so nothing may outlive a transaction on a
       * connection: statements go unnamed (unprepared) and there is no session of its own (no
       * session advisory locks). Default `session`.
       */
      pooling?: 'session' | 'transaction';
    } = {},
  ) {
    if (options.pooling === 'transaction') {
      this.prepare = false;
      this.session = undefined;
    }
    this.pool = new pg.Pool({
      connectionString,
      max: options.max ?? 10,
      // Fail fast when the server does not answer (a request then gets 503, not a hang).
      connectionTimeoutMillis: 3000,
      application_name: options.applicationName ?? 'nwd-hub',
    });
    // An idle client that loses its connection must not crash the process.
    this.pool.on('error', () => undefined);
  }

  async query<R>(sql: string, params: unknown[] = []): Promise<SqlResult<R>> {
    const result = await this.prepared(sql, params, (q) => this.pool.query(q));
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  }

  /** Runs a statement prepared; if its table changed shape since, once more unprepared. */
  private async prepared(
    sql: string,
    params: unknown[],
    run: (q: pg.QueryConfig) => Promise<pg.QueryResult>,
  ): Promise<pg.QueryResult> {
    const statement = this.statement(sql, params);
    try {
      return await run(statement);
    } catch (error) {
      if (statement.name !== undefined && isLostStatement(error)) {
        throw new Error(
          'A prepared statement was missing on the server connection: DATABASE_URL seems to lead to a transaction-mode pooler (PgBouncer pool_mode = transaction). Set DATABASE_POOLING=transaction.',
          { cause: error },
        );
      }
      if (statement.name === undefined || !isStalePlan(error)) throw error;
      this.names.set(sql, undefined);
      return run({ text: sql, values: params });
    }
  }

  private readonly names = new Map<string, string | undefined>();

  /**
   * A query with parameters goes as a named prepared statement: each connection parses and
   * plans it once and then reuses the plan (planning a list query can cost PostgreSQL more
   * than running it). The names are bounded: past PREPARED_MAX distinct texts, new ones go
   * unnamed as before. A statement whose result changed shape (a column added to a table it
   * reads with `*`) is run unprepared from then on.
   */
  private statement(sql: string, params: unknown[]): pg.QueryConfig {
    if (params.length === 0 || !this.prepare) return { text: sql, values: params };
    let name = this.names.get(sql);
    if (!this.names.has(sql) && this.names.size < PREPARED_MAX) {
      name = `nwd_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
      this.names.set(sql, name);
    }
    return { name, text: sql, values: params };
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const tx: SqlExecutor = {
        query: async <R>(sql: string, params: unknown[] = []) => {
          const r = await this.prepared(sql, params, (q) => client.query(q));
          return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
        },
        exec: async (sql: string) => {
          await client.query(sql);
        },
      };
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * A connection of its own; when it drops, its session locks go with it. Absent behind a
   * transaction-mode pooler, where a session's locks would stay on a server connection others
   * then use.
   */
  readonly session?: (name: string) => Promise<SqlSession> = async (name) => {
    const client = new pg.Client({
      connectionString: this.connectionString,
      connectionTimeoutMillis: 3000,
      application_name: `${this.options.applicationName ?? 'nwd-hub'}-${name}`,
    });
    client.on('error', () => undefined);
    await client.connect();
    return {
      query: async <R>(sql: string, params: unknown[] = []) => {
        const r = await client.query(sql, params);
        return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
      },
      exec: async (sql: string) => {
        await client.query(sql);
      },
      release: () => client.end(),
    };
  };

  async close(): Promise<void> {
    await this.pool.end();
  }
}
