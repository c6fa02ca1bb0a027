import {
  compareCheckpoints,
  type Checkpoint,
  type LoggedEvent,
  type SqlDatabase,
} from '#event-store';
import { CheckpointMoved, lockProjections, ProjectionFailed } from './batch.js';
import { advanceCheckpoints, readCheckpoints } from './checkpoints.js';
import { schemaOf, type Projection } from './projection.js';
import { applyAll } from './rebuild.js';
import { recordFailure, type Failures } from './runner-failures.js';
import type { BatchReader } from './runner-pacing.js';

/**
 * Applies batches of the log to projections: rows and checkpoints in one transaction, under the
 * projections' advisory locks, only if the checkpoints still hold what was read (two runners
 * never both apply a batch). A projection that fails is applied alone, then event by event, and
 * stops at the event it cannot apply.
 */
export class BatchApplier {
  constructor(
    private readonly db: SqlDatabase,
    private readonly reader: BatchReader,
    private readonly failures: Failures,
  ) {}

  /**
   * Applies one batch to each projection. Projections at the same checkpoint share one read of
   * the log and one transaction; if that transaction fails, each is tried on its own so that one
   * broken read model does not hold the others back. Returns how many events were applied.
   */
  async run(only: readonly Projection[]): Promise<number> {
    // A projection stuck at an event waits out its back-off; the others go on.
    const due = only.filter((p) => this.failures.due(p.name));
    const stored = new Map(
      (
        await readCheckpoints(
          this.db,
          due.map((p) => p.name),
        )
      ).map((c) => [c.name, c]),
    );
    const groups = new Map<string, Projection[]>();
    for (const p of due) {
      const c = stored.get(p.name);
      if (!c) throw new Error(`projection ${p.name} is not prepared`);
      const key = `${c.checkpoint.transactionId}:${c.checkpoint.position}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    let applied = 0;
    const failures: ProjectionFailed[] = [];
    for (const group of groups.values()) {
      const from = stored.get(group[0].name)!.checkpoint;
      const events = await this.reader.read(from);
      if (events.length === 0) continue;
      try {
        if (await this.applyGroup(group, from, events)) {
          applied += events.length;
          for (const p of group) this.failures.cleared(p.name);
        }
      } catch {
        // Each on its own, so one broken read model does not hold the others back.
        for (const p of group) {
          try {
            applied += await this.applyAlone(p, from, events);
          } catch (e) {
            failures.push(e as ProjectionFailed);
          }
        }
      }
    }
    if (failures.length) throw failures[0];
    return applied;
  }

  /**
   * One projection over a batch: whole, or (if that fails) event by event, committing each, so
   * it stops exactly at the event it cannot apply. That event is recorded on its checkpoint row
   * (position, id, type, error) and tried again after a back-off; it is never skipped.
   */
  private async applyAlone(
    p: Projection,
    from: Checkpoint,
    events: readonly LoggedEvent[],
  ): Promise<number> {
    try {
      if (!(await this.applyGroup([p], from, events))) return 0;
      this.failures.cleared(p.name);
      return events.length;
    } catch {
      let at = from;
      let applied = 0;
      for (const event of events) {
        try {
          if (!(await this.applyGroup([p], at, [event]))) return applied;
        } catch (error) {
          const attempt = this.failures.failed(p.name);
          await recordFailure(this.db, p.name, event, error, attempt).catch(() => undefined);
          throw new ProjectionFailed(p.name, error);
        }
        at = event.checkpoint;
        applied += 1;
      }
      this.failures.cleared(p.name);
      return applied;
    }
  }

  /** Rows of every projection in `group` and their checkpoints, in one transaction. */
  private async applyGroup(
    group: readonly Projection[],
    from: Checkpoint,
    events: readonly LoggedEvent[],
  ): Promise<boolean> {
    const to = events[events.length - 1].checkpoint;
    const ordered = [...group].sort((a, b) => a.name.localeCompare(b.name));
    return this.db
      .transaction(async (tx) => {
        await lockProjections(
          tx,
          ordered.map((p) => p.name),
        );
        // Another runner may have applied this batch while we waited for the locks.
        const now = await readCheckpoints(
          tx,
          ordered.map((p) => p.name),
        );
        if (now.some((c) => compareCheckpoints(c.checkpoint, from) !== 0))
          throw new CheckpointMoved();
        for (const p of ordered) await applyAll(tx, p, events, schemaOf(p.name));
        const names = ordered.map((p) => p.name);
        if (!(await advanceCheckpoints(tx, names, from, to))) throw new CheckpointMoved();
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof CheckpointMoved) return false;
        throw error;
      });
  }
}
