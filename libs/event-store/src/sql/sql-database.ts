/**
 * The little of PostgreSQL the event store and the read models need, so one SQL implementation
 * serves a `pg` pool and an embedded PGlite alike.
 */
export interface SqlResult<R> {
  rows: R[];
  rowCount: number;
}

export interface SqlExecutor {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<SqlResult<R>>;
  /** Runs a script of several statements, without parameters (migrations, table setup). */
  exec(sql: string): Promise<void>;
}

/** A connection of its own, kept until released (session-level locks live as long as it). */
export interface SqlSession extends SqlExecutor {
  release(): Promise<void>;
}

export interface SqlDatabase extends SqlExecutor {
  readonly dialect: 'postgres' | 'pglite';
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** A dedicated connection outside the pool (a server database; PGlite is one session). */
  session?(name: string): Promise<SqlSession>;
  close(): Promise<void>;
}

/** PostgreSQL error codes the adapters react to. */
export const SQLSTATE = {
  uniqueViolation: '23505',
  wrongExpectedRevision: 'NWD01',
} as const;

export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

export function constraintOf(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'constraint' in error) {
    const c = (error as { constraint: unknown }).constraint;
    return typeof c === 'string' ? c : undefined;
  }
  return undefined;
}

/** Quotes an identifier we built ourselves (projection schema names and the like). */
export function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a safe SQL identifier: ${name}`);
  return `"${name}"`;
}
