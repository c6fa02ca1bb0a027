import type { Checkpoint, SqlDatabase } from '#event-store';
import type { ProjectionFailure } from './runner-failures.js';

export interface RunnerOptions {
  /** Events read and applied per transaction. */
  batchSize?: number;
  /** How long the loop sleeps when every projection is caught up. */
  idleMs?: number;
  /**
   * After a batch smaller than batchSize, how long the loop lets new events gather before the
   * next one (unless a reader waits on `?after=`, which wakes it at once). Under a steady load a
   * batch per event cost more in round trips than the events themselves (HTTP benchmark).
   */
  gatherMs?: number;
  onError?: (error: unknown, projection: string) => void;
  /** The longest wait before a failed projection is tried again (default 60 s). */
  maxBackoffMs?: number;
  /**
   * Where queries read the read models, when not the database the runner writes (a streaming
   * replica): `waitFor` waits until its checkpoints have passed the position.
   */
  queryDb?: SqlDatabase;
  /** How often a process checks which projections it leads (default 1 s; PostgreSQL only). */
  leadershipCheckMs?: number;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  checkpoint: Checkpoint;
  /** 0 when nothing is left to read; otherwise about how many events (by position) remain. */
  lag: number;
  updatedAt: string | null;
  /** `failed`: stuck at `failure.position`, retried with back-off, never skipped. */
  state: 'running' | 'failed';
  failure: (ProjectionFailure & { since: string }) | null;
}
