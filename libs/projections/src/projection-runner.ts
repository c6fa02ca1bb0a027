import {
  ident,
  migrate,
  START_OF_LOG,
  type Checkpoint,
  type EventStore,
  type SqlDatabase,
} from '#event-store';
import {
  projectionMigrations,
  readCheckpoints,
  resetCheckpoint,
  projectionStatus,
} from './checkpoints.js';
import { schemaOf, type Projection } from './projection.js';
import { lockProjection, ProjectionFailed, waitForCheckpoints } from './batch.js';
import { buildInto, compareSchemas, createSchema, type ProgressListener } from './rebuild.js';

export type { ProgressListener } from './rebuild.js';
export type { ProjectionStatus, RunnerOptions } from './runner-types.js';
import type { ProjectionStatus, RunnerOptions } from './runner-types.js';
import { BatchReader, Pause } from './runner-pacing.js';
import { Failures } from './runner-failures.js';
import { BatchApplier } from './batch-applier.js';
import { Leadership } from './leadership.js';

/**
 * Keeps read models up to date from the event log. For each projection it reads a batch after
 * the projection's checkpoint, applies it and moves the checkpoint in one transaction, under a
 * per-projection advisory lock shared with rebuilds. A crash at any point leaves the rows and
 * the checkpoint of the last committed batch, never half a batch.
 */
export class ProjectionRunner {
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly gatherMs: number;
  private readonly reader: BatchReader;
  /** What the loop is waiting for now, and how to end the wait early. */
  private readonly pause = new Pause();
  private running: Promise<void> | null = null;
  private stopping = false;
  private readonly applier: BatchApplier;
  private leadership: Leadership | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly db: SqlDatabase,
    readonly projections: readonly Projection[],
    private readonly options: RunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 2000;
    this.idleMs = options.idleMs ?? 25;
    this.gatherMs = options.gatherMs ?? 10;
    this.reader = new BatchReader(store, this.batchSize, db.dialect === 'postgres');
    this.applier = new BatchApplier(db, this.reader, new Failures(options.maxBackoffMs ?? 60_000));
    const names = new Set<string>();
    for (const p of projections) {
      schemaOf(p.name);
      if (names.has(p.name)) throw new Error(`two projections are named ${p.name}`);
      names.add(p.name);
    }
  }

  /** Creates what is missing and rebuilds every projection whose version changed. */
  async prepare(onRebuild?: (name: string) => ProgressListener | undefined): Promise<void> {
    await migrate(this.db, projectionMigrations);
    const stored = new Map((await readCheckpoints(this.db)).map((c) => [c.name, c]));
    for (const p of this.projections) {
      const current = stored.get(p.name);
      if (!current) {
        await this.db.transaction(async (tx) => {
          await lockProjection(tx, p.name);
          await createSchema(tx, p, schemaOf(p.name));
          await resetCheckpoint(tx, p.name, p.version, START_OF_LOG);
        });
      } else if (current.version !== p.version) {
        await this.rebuild(p.name, onRebuild?.(p.name), { unlessDone: true });
      }
    }
  }

  find(name: string): Projection {
    const p = this.projections.find((x) => x.name === name);
    if (!p) {
      const known = this.projections.map((x) => x.name).join(', ');
      throw new Error(`no projection named ${name} (known: ${known})`);
    }
    return p;
  }

  /**
   * Applies one batch to each projection (see BatchApplier). Returns how many events were
   * applied; throws the first projection's failure after the others went on.
   */
  runBatch(only: readonly Projection[] = this.projections): Promise<number> {
    return this.applier.run(only);
  }

  /** Runs every projection until none has anything left to read. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (;;) {
      const round = await this.runBatch();
      total += round;
      if (round === 0) return total;
    }
  }

  /**
   * Keeps running in the background until `stop`. On PostgreSQL it runs only the projections
   * this process leads (see Leadership), taking over others' when their leader goes.
   */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    if (this.db.session && !this.leadership) {
      this.leadership = new Leadership(
        this.db as SqlDatabase & Required<Pick<SqlDatabase, 'session'>>,
        this.projections.map((p) => p.name),
        this.options.leadershipCheckMs ?? 1000,
      );
    }
    this.running = this.loop();
  }

  /**
   * The projections this process leads (null without leadership: it runs all of them when
   * started). As of the last check; nothing while stopped.
   */
  leads(): ReadonlySet<string> | null {
    if (!this.running) return new Set();
    return this.leadership ? this.leadership.led : null;
  }

  /** The projections this process runs now (all of them without leadership). */
  async leading(): Promise<string[]> {
    const led = this.leadership ? await this.leadership.current() : null;
    return this.projections.map((p) => p.name).filter((n) => !led || led.has(n));
  }

  /** New events were appended in this process: wakes an idle loop (a gathering one goes on). */
  poke(): void {
    this.pause.end('idle');
  }

  /** Someone waits for the read models: runs the next batch now. */
  hurry(): void {
    this.pause.end('idle', 'gather');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.hurry();
    await this.running;
    this.running = null;
    await this.leadership?.release();
    this.leadership = null;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let applied = 0;
      try {
        const led = new Set(await this.leading());
        const mine = this.projections.filter((p) => led.has(p.name));
        if (mine.length > 0) applied = await this.runBatch(mine);
      } catch (error) {
        const name = error instanceof ProjectionFailed ? error.projection : 'unknown';
        this.options.onError?.(error instanceof ProjectionFailed ? error.cause : error, name);
      }
      if (this.stopping) break;
      if (applied === 0) await this.pause.for('idle', this.idleMs);
      else if (applied < this.batchSize && this.gatherMs > 0) {
        await this.pause.for('gather', this.gatherMs);
      }
    }
  }

  /**
   * Rebuilds one projection from the start of the log into a fresh schema, then swaps it in
   * (drop the old schema, rename the new one, set the checkpoint) in one transaction, so readers
   * see the old tables or the new ones, never a half-built model.
   */
  async rebuild(
    name: string,
    onProgress?: ProgressListener,
    options: { unlessDone?: boolean } = {},
  ): Promise<number> {
    const projection = this.find(name);
    const build = async () => {
      // Another process may have rebuilt it while this one waited for the lock.
      if (options.unlessDone) {
        const [now] = await readCheckpoints(this.db, [name]);
        if (now?.version === projection.version) return 0;
      }
      const live = schemaOf(projection.name);
      const next = `${live}__next`;
      const { checkpoint, applied } = await this.buildInto(name, next, onProgress);
      // Events appended after the last batch are applied by the runner from this checkpoint on.
      await this.db.transaction(async (tx) => {
        await lockProjection(tx, projection.name);
        await tx.exec(`DROP SCHEMA IF EXISTS ${ident(live)} CASCADE`);
        await tx.exec(`ALTER SCHEMA ${ident(next)} RENAME TO ${ident(live)}`);
        await resetCheckpoint(tx, projection.name, projection.version, checkpoint);
      });
      return applied;
    };
    // One process builds; others starting at the same moment wait here, then find it done. The
    // lock's transaction takes no transaction id, so it holds no reader of the log back.
    if (this.db.dialect !== 'postgres') return build();
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rebuild:${name}`]);
      return build();
    });
  }

  /** Builds a projection from the start of the log into `schema`, leaving the live one alone. */
  buildInto(
    name: string,
    schema: string,
    onProgress?: ProgressListener,
  ): Promise<{ checkpoint: Checkpoint; applied: number }> {
    return buildInto(this.store, this.db, this.find(name), schema, this.batchSize, onProgress);
  }

  /**
   * Rebuilds a projection into a scratch schema and compares every table with the live one.
   * Returns the rows that differ per table (0 everywhere: the live read model equals a rebuild).
   * Meaningful when the live projection has caught up with the log.
   */
  async compareWithRebuild(name: string): Promise<{ table: string; differingRows: number }[]> {
    const live = schemaOf(this.find(name).name);
    const scratch = `${live}__verify`;
    await this.buildInto(name, scratch);
    try {
      return await compareSchemas(this.db, live, scratch);
    } finally {
      await this.db.exec(`DROP SCHEMA IF EXISTS ${ident(scratch)} CASCADE`);
    }
  }

  async status(): Promise<ProjectionStatus[]> {
    return projectionStatus(this.store, this.db, this.projections);
  }

  /** See `waitForCheckpoints`: wakes this runner while it waits. */
  waitFor(
    names: readonly string[],
    position: number,
    timeoutMs: number,
  ): Promise<'caught-up' | 'timeout' | 'unknown-position'> {
    const db = this.options.queryDb ?? this.db;
    return waitForCheckpoints(this.store, db, names, position, timeoutMs, () => this.hurry());
  }
}

export { ProjectionFailed } from './batch.js';
