import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { NewEvent } from '#event-store';
import { createTestDatabase } from '#testing/test-database';

/** One line of the report: a figure, its baseline from the same run, the ratio, the target. */
export interface BenchRow {
  figure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
}

export const rate = (n: number, s: number) => n / s;
export const fmt = (x: number) => Math.round(x).toLocaleString('en-GB');
export const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;

/** Where benchmarks make their scratch databases: a role with CREATEDB (as for the tests). */
export const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgresql://nwd_test:nwd_test@127.0.0.1:5432/postgres';

export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  return createTestDatabase('nwd_bench', ADMIN_URL);
}

export function benchEvent(i: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'ContactLogged',
    data: { seq: i, kind: 'face_to_face', notes: 'x'.repeat(64) },
    metadata: {
      actor: { id: 'bench' },
      correlationId: randomUUID(),
      causationId: null,
      occurredAt: '2026-01-01T00:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

/** Runs `work` for items 0..n-1 across `workers` concurrent loops; returns seconds. */
export async function timed(
  n: number,
  workers: number,
  work: (i: number, worker: number) => Promise<void>,
) {
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = w; i < n; i += workers) await work(i, w);
    }),
  );
  return (performance.now() - t0) / 1000;
}

/** The middle value (the upper middle of an even count). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The median of `runs` timings of `work`, in milliseconds (after one warm-up run). */
export async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export function machine(): string {
  return `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
