import type { SqlDatabase, SqlSession } from '#event-store';

/**
 * Which projections this process runs. With several API or projector processes on one database,
 * each projection is led by one process at a time: a session-level advisory lock per projection
 * (as emmett's processors do), held on a connection of its own. When the leader dies its
 * connection ends and the lock with it; another process takes it at its next check (every
 * `everyMs`). A process that cannot reach the database leads nothing until it can again.
 * Correctness never rests on this (batches still lock and compare checkpoints); it saves the work
 * of several processes racing for every batch.
 */
export class Leadership {
  private session: SqlSession | null = null;
  readonly led = new Set<string>();
  private checkedAt = 0;

  constructor(
    private readonly db: SqlDatabase & Required<Pick<SqlDatabase, 'session'>>,
    private readonly names: readonly string[],
    private readonly everyMs: number,
  ) {}

  /** The projections this process leads now (checked at most every `everyMs`). */
  async current(now = Date.now()): Promise<ReadonlySet<string>> {
    if (now - this.checkedAt < this.everyMs) return this.led;
    this.checkedAt = now;
    try {
      this.session ??= await this.db.session('leader');
      const r = await this.session.query<{ name: string; ok: boolean }>(
        `SELECT n AS name, pg_try_advisory_lock(hashtext('lead:' || n)) AS ok
         FROM unnest($1::text[]) AS n`,
        [this.names.filter((n) => !this.led.has(n))],
      );
      for (const row of r.rows) if (row.ok) this.led.add(row.name);
    } catch {
      // The connection (and with it every lock) is gone: lead nothing until it is back.
      this.led.clear();
      await this.session?.release().catch(() => undefined);
      this.session = null;
    }
    return this.led;
  }

  /** Gives every projection up (the locks end with the connection). */
  async release(): Promise<void> {
    this.led.clear();
    const session = this.session;
    this.session = null;
    await session?.release().catch(() => undefined);
  }
}
