import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import {
  SEAL_STREAM,
  WrongExpectedRevisionError,
  type EventStore,
  type SqlDatabase,
} from '#event-store';
import type { ProjectionRunner } from '#projections';

/** Latency buckets (seconds) for requests and appends: a commit is about a millisecond here. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What the metrics read when scraped (set once the process has built them). */
export interface MetricSources {
  runner: ProjectionRunner;
  /** The kept stream states (API processes only). */
  keptStates?: () => { states: number; events: number; limit: number };
}

/**
 * One process's metrics, in Prometheus' text format (prom-client, a registry per process so that
 * several APIs in one test process never share counters). Counters and histograms move as things
 * happen; the gauges (projection lag and state, the oldest open transaction, the seal's age, kept
 * states) are read from the database and the runner when scraped.
 */
export class NwdMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'method' | 'route' | 'status'>;
  readonly requestSeconds: Histogram<'method' | 'route' | 'status'>;
  readonly appends: Counter<'outcome'>;
  readonly appendSeconds: Histogram;
  readonly conflicts: Counter;
  readonly problems: Counter<'status' | 'code'>;
  readonly refused: Counter<'status'>;
  private sources: MetricSources | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly db: SqlDatabase,
  ) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'nwd_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.requestSeconds = new Histogram({
      name: 'nwd_http_request_duration_seconds',
      help: 'Time from a request arriving to its answer being written, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: BUCKETS,
      registers,
    });
    this.appends = new Counter({
      name: 'nwd_appends_total',
      help: 'Appends to the event log by outcome: ok, conflict (wrong expected revision) or error',
      labelNames: ['outcome'],
      registers,
    });
    this.appendSeconds = new Histogram({
      name: 'nwd_append_duration_seconds',
      help: 'Time an append took, to its commit',
      buckets: BUCKETS,
      registers,
    });
    this.conflicts = new Counter({
      name: 'nwd_concurrency_conflicts_total',
      help: 'Appends refused because the stream moved since it was read (each is retried or answered 409)',
      registers,
    });
    this.problems = new Counter({
      name: 'nwd_problems_total',
      help: 'problem+json answers by status and code (503 STORAGE.UNAVAILABLE: the database could not be reached)',
      labelNames: ['status', 'code'],
      registers,
    });
    this.refused = new Counter({
      name: 'nwd_refused_requests_total',
      help: 'Requests refused for want of a token (401) or of permission (403)',
      labelNames: ['status'],
      registers,
    });
    // What the gauges read when scraped (their own `this` is the gauge).
    const self = {
      projections: () => this.projections(),
      head: () => this.store.head(),
      sealAge: () => this.sealAge(),
      sources: () => this.sources,
    };
    new Gauge({
      name: 'nwd_projection_lag_events',
      help: 'Events (by position) each projection has still to read',
      labelNames: ['projection'],
      registers,
      async collect() {
        for (const p of await self.projections()) this.set({ projection: p.name }, p.lag);
      },
    });
    new Gauge({
      name: 'nwd_projection_state',
      help: '1 for the state each projection is in: running, or failed (stuck at an event, retried with back-off)',
      labelNames: ['projection', 'state'],
      registers,
      async collect() {
        this.reset();
        for (const p of await self.projections()) {
          this.set({ projection: p.name, state: 'running' }, p.state === 'running' ? 1 : 0);
          this.set({ projection: p.name, state: 'failed' }, p.state === 'failed' ? 1 : 0);
        }
      },
    });
    new Gauge({
      name: 'nwd_projection_led',
      help: '1 for each projection this process runs now (one process leads each on PostgreSQL)',
      labelNames: ['projection'],
      registers,
      collect() {
        this.reset();
        const runner = self.sources()?.runner;
        if (!runner) return;
        const led = runner.leads();
        for (const p of runner.projections) {
          this.set({ projection: p.name }, led === null || led.has(p.name) ? 1 : 0);
        }
      },
    });
    new Gauge({
      name: 'nwd_oldest_open_transaction_seconds',
      help: 'Age of the oldest transaction open on the database: it holds every projection back',
      registers,
      async collect() {
        this.set(Math.max(0, (await self.head()).oldestOpenTransactionSeconds ?? 0));
      },
    });
    new Gauge({
      name: 'nwd_seal_age_seconds',
      help: 'Seconds the log has gone unsealed: since the last seal, or since its first event when never sealed',
      registers,
      async collect() {
        this.reset();
        const age = await self.sealAge();
        if (age !== null) this.set(age);
      },
    });
    new Gauge({
      name: 'nwd_kept_states',
      help: 'Folded stream states this process keeps in memory, and the events they hold',
      labelNames: ['measure'],
      registers,
      collect() {
        const usage = self.sources()?.keptStates?.();
        if (!usage) return;
        this.set({ measure: 'states' }, usage.states);
        this.set({ measure: 'events' }, usage.events);
        this.set({ measure: 'limit' }, usage.limit);
      },
    });
  }

  private processMetrics = false;

  /**
   * Adds the process's own metrics (memory, CPU, event loop, GC) once, in the process that serves
   * them: the API, not the projector or an `nwd` command, which nobody scrapes.
   */
  collectProcessMetrics(): void {
    if (this.processMetrics) return;
    this.processMetrics = true;
    collectDefaultMetrics({ register: this.registry });
  }

  /** Connects the scrape-time gauges to the runner and the kept states. */
  readFrom(sources: MetricSources): void {
    this.sources = sources;
  }

  /** The store, with each append timed and counted (every other call passes straight through). */
  meter(store: EventStore): EventStore {
    const append: EventStore['append'] = async (...args) => {
      const end = this.appendSeconds.startTimer();
      try {
        const result = await store.append(...args);
        this.appends.inc({ outcome: 'ok' });
        return result;
      } catch (error) {
        const conflict = error instanceof WrongExpectedRevisionError;
        if (conflict) this.conflicts.inc();
        this.appends.inc({ outcome: conflict ? 'conflict' : 'error' });
        throw error;
      } finally {
        end();
      }
    };
    // Each method bound to the store once (by the function, so one replaced later is seen).
    const bound = new WeakMap<object, unknown>();
    return new Proxy(store, {
      get(target, key) {
        if (key === 'append') return append;
        const value: unknown = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        let method = bound.get(value);
        if (method === undefined) {
          method = (value as (...a: unknown[]) => unknown).bind(target);
          bound.set(value, method);
        }
        return method;
      },
    });
  }

  private async projections() {
    return this.sources ? await this.sources.runner.status() : [];
  }

  /**
   * Seconds the log has gone unsealed: since the last seal, or, never sealed, since its first
   * event (null when the log is not in this database, or empty).
   */
  private async sealAge(): Promise<number | null> {
    const r = await this.db.query<{ age: number | string | null }>(
      `SELECT CASE WHEN to_regclass('events') IS NOT NULL THEN
         extract(epoch FROM now() - coalesce(
           (SELECT max(recorded_at) FROM events WHERE stream_id = $1),
           (SELECT recorded_at FROM events ORDER BY position LIMIT 1)))
       END AS age`,
      [SEAL_STREAM],
    );
    const age = r.rows[0]?.age;
    return age === null || age === undefined ? null : Math.max(0, Number(age));
  }
}
