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
  /** 0 when nothing is left to read; otherwise about how many events (by position) remain. */
  lag: number;
  updatedAt: string | null;
}
