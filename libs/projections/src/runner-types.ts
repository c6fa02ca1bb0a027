import type { Checkpoint } from '../../event-store/src/index.js';

export interface RunnerOptions {
  /** Events read and applied per transaction. */
  batchSize?: number;
  /** How long the loop sleeps when every projection is caught up. */
  idleMs?: number;
  onError?: (error: unknown, projection: string) => void;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  checkpoint: Checkpoint;
  /** Events between the checkpoint and the head of the log (by position). */
  lag: number;
  updatedAt: string | null;
}
