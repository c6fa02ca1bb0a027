import { PGlite } from '@electric-sql/pglite';
import type { SqlDatabase, SqlExecutor, SqlResult } from './sql-database.js';
import { DataFolderLock } from './data-folder-lock.js';

/**
 * The embedded default: a real PostgreSQL in-process. PGlite is one session, so transactions run
 * one after another; `transaction` queues behind any running one (PGlite does that itself).
 */
export class PgliteDatabase implements SqlDatabase {
  readonly dialect = 'pglite' as const;

  private constructor(
    private readonly db: PGlite,
    private readonly lock: DataFolderLock | null,
  ) {}

  /** `dataDir` undefined: an in-memory database (tests). Otherwise the folder is locked first. */
  static async open(dataDir?: string): Promise<PgliteDatabase> {
    const lock = dataDir ? DataFolderLock.acquire(dataDir) : null;
    try {
      const db = await PGlite.create(dataDir ? { dataDir } : {});
      return new PgliteDatabase(db, lock);
    } catch (error) {
      lock?.release();
      throw error;
    }
  }

  async query<R>(sql: string, params: unknown[] = []): Promise<SqlResult<R>> {
    const r = await this.db.query<R>(sql, params);
    return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
  }

  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) =>
      work({
        query: async <R>(sql: string, params: unknown[] = []) => {
          const r = await tx.query<R>(sql, params);
          return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
        },
        exec: async (sql: string) => {
          await tx.exec(sql);
        },
      }),
    );
  }

  async close(): Promise<void> {
    try {
      await this.db.close();
    } finally {
      this.lock?.release();
    }
  }
}
