import type { LoggedEvent, SqlExecutor } from '#event-store';

/** Where a projection is stuck: the event it cannot apply, and why. */
export interface ProjectionFailure {
  position: number;
  eventId: string;
  type: string;
  /** The error in words, without data: SQLSTATE and constraint for a database error. */
  error: string;
  attempts: number;
  /** When the runner tries that event again. */
  nextTryAt: string;
}

/** An error in words safe to keep and show: a database error's message echoes row values. */
export function describeError(error: unknown): string {
  const e = error as {
    code?: unknown;
    constraint?: unknown;
    severity?: unknown;
    message?: unknown;
  };
  if (typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && e.severity !== undefined) {
    return `database error ${e.code}${typeof e.constraint === 'string' ? ` (constraint ${e.constraint})` : ''}`;
  }
  return String(e?.message ?? error).slice(0, 500);
}

/**
 * Back-off for projections that failed: the first retry after BASE_MS, doubling each time up to
 * `maxBackoffMs`, so a poison event costs a try every minute or so, not forty a second. Kept in
 * memory: a process started with fixed code tries at once.
 */
export class Failures {
  private static readonly BASE_MS = 250;
  private readonly known = new Map<string, { attempts: number; nextTryAt: number }>();

  constructor(private readonly maxBackoffMs: number) {}

  /** Whether `name` may be tried now. */
  due(name: string, now = Date.now()): boolean {
    const f = this.known.get(name);
    return !f || now >= f.nextTryAt;
  }

  /** One more failed try: when to try again. */
  failed(name: string, now = Date.now()): { attempts: number; nextTryAt: number } {
    const attempts = (this.known.get(name)?.attempts ?? 0) + 1;
    const wait = Math.min(this.maxBackoffMs, Failures.BASE_MS * 2 ** (attempts - 1));
    const f = { attempts, nextTryAt: now + wait };
    this.known.set(name, f);
    return f;
  }

  cleared(name: string): void {
    this.known.delete(name);
  }

  /** Ms until the first failed projection is due again (null: none failed). */
  nextDueIn(now = Date.now()): number | null {
    let soonest: number | null = null;
    for (const f of this.known.values()) soonest = Math.min(soonest ?? Infinity, f.nextTryAt - now);
    return soonest === null ? null : Math.max(0, soonest);
  }
}

/** Records on the checkpoint row that `name` is stuck at `event` (every process sees it). */
export async function recordFailure(
  db: SqlExecutor,
  name: string,
  event: LoggedEvent,
  error: unknown,
  attempt: { attempts: number; nextTryAt: number },
): Promise<void> {
  const failure: ProjectionFailure = {
    position: event.position,
    eventId: event.eventId,
    type: event.type,
    error: describeError(error),
    attempts: attempt.attempts,
    nextTryAt: new Date(attempt.nextTryAt).toISOString(),
  };
  await db.query(
    `UPDATE projection_checkpoints SET failure = $2::jsonb, failed_since = coalesce(failed_since, now())
     WHERE name = $1`,
    [name, JSON.stringify(failure)],
  );
}
