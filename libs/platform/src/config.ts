import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { KEPT_EVENTS } from './stream-folds.js';

/** Everything the processes read from the environment, read once at start. */
export interface NwdConfig {
  port: number;
  /** Set: PostgreSQL holds the log and the read models. */
  databaseUrl: string | null;
  /**
   * The schema owner's connection, for migrations (and a generator's simulated clock). Unset:
   * DATABASE_URL's role owns the schema too, and the log is only as safe as that role.
   */
  databaseOwnerUrl: string | null;
  /**
   * Set: queries read the read models from this PostgreSQL (a streaming replica); writes, the
   * log and the projections stay on DATABASE_URL.
   */
  readDatabaseUrl: string | null;
  /** `transaction`: DATABASE_URL leads to a transaction-mode pooler (PgBouncer). */
  databasePooling: 'session' | 'transaction';
  /** The bearer token `/metrics` asks for (unset: `/metrics` answers 404). */
  metricsToken: string | null;
  /** The PGlite folder when no DATABASE_URL is set. */
  dataDir: string;
  /** Set: EventStoreDB holds the log (read models stay in PostgreSQL or PGlite). */
  eventStoreUrl: string | null;
  /** `inline`: the API runs the projections; `external`: `apps/projector` does. */
  projections: 'inline' | 'external';
  /** How long a query with `?after=` waits for its read models before answering 503. */
  readWaitMs: number;
  /** Events a projection applies per transaction. */
  projectionBatchSize: number;
  /** Events' worth of folded stream states the API keeps in memory (see StreamFolds). */
  keptEvents: number;
  /**
   * Where people reach the pages (scheme, host, port): the OIDC redirect address and whether
   * cookies are `Secure` follow from it, never from a request's `Host` header.
   */
  publicUrl: string;
  /** How often the API seals the log (minutes; 0: never, seal with `nwd seal` instead). */
  sealIntervalMinutes: number;
  logLevel: string;
  /**
   * The environment as it was at start, for the settings a capability declares and reads itself
   * (its module's provider parses them once, at start, with `wholeNumber`).
   */
  env: Readonly<Record<string, string | undefined>>;
}

export const CONFIG_HELP: [name: string, meaning: string][] = [
  ['PORT', 'HTTP port of the API (default 3000)'],
  ['DATABASE_URL', 'PostgreSQL URL for the log and the read models (default: none, use PGlite)'],
  [
    'DATABASE_OWNER_URL',
    'PostgreSQL URL of the role that owns the schema: migrations run as it and DATABASE_URL gets only the rights it needs (default: DATABASE_URL, one role)',
  ],
  [
    'READ_DATABASE_URL',
    'PostgreSQL URL of a streaming replica the queries read the read models from; ?after= waits until it has replayed the write (default: none, DATABASE_URL)',
  ],
  [
    'DATABASE_POOLING',
    'session (default) or transaction: DATABASE_URL goes through a transaction-mode pooler such as PgBouncer (statements unprepared, no projection leadership)',
  ],
  [
    'METRICS_TOKEN',
    'the bearer token /metrics asks for (Prometheus format); unset: /metrics answers 404. METRICS_TOKEN_FILE reads it from a file',
  ],
  ['NWD_DATA_DIR', 'PGlite data folder when DATABASE_URL is not set (default ./.nwd-data)'],
  ['EVENTSTORE_URL', 'EventStoreDB URL: the log lives there (default: none)'],
  ['PROJECTIONS', 'inline (default): the API runs the projections; external: nwd projector does'],
  ['READ_WAIT_MS', 'longest wait of a query with ?after= before 503 (default 2000)'],
  ['PROJECTION_BATCH_SIZE', 'events a projection applies per transaction (default 2000)'],
  ['KEPT_EVENTS', "events' worth of stream states kept in memory (default 200000)"],
  [
    'PUBLIC_URL',
    'where people reach the pages, e.g. https://nwd.council.gov.uk (default http://localhost:PORT); https makes cookies Secure',
  ],
  [
    'SEAL_INTERVAL_MINUTES',
    'how often the API seals the log with the seal key when it has changed (default 60; 0: never)',
  ],
  [
    'NWD_SEAL_KEY_FILE',
    'the key seals are signed with, kept outside the database (default: the local signing key; required with OIDC_ISSUER)',
  ],
  [
    'SHUTDOWN_DELAY_MS',
    'on SIGTERM, how long the API answers not-ready (/health/ready 503) before it stops taking connections; requests in flight then finish (default 0)',
  ],
  [
    'SHUTDOWN_TIMEOUT_MS',
    'on SIGTERM, the longest the API waits for requests in flight and open connections before cutting them (default 10000)',
  ],
  ['LOG_LEVEL', 'pino log level (default info)'],
];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): NwdConfig {
  const projections = env.PROJECTIONS ?? 'inline';
  if (projections !== 'inline' && projections !== 'external') {
    throw new Error(`PROJECTIONS must be inline or external, not ${projections}`);
  }
  const port = integer(env.PORT, 3000, 'PORT');
  const pooling = env.DATABASE_POOLING || 'session';
  if (pooling !== 'session' && pooling !== 'transaction') {
    throw new Error(`DATABASE_POOLING must be session or transaction, not ${pooling}`);
  }
  return {
    port,
    databaseUrl: env.DATABASE_URL || null,
    databaseOwnerUrl: env.DATABASE_OWNER_URL || null,
    readDatabaseUrl: env.READ_DATABASE_URL || null,
    databasePooling: pooling,
    metricsToken: metricsToken(env),
    dataDir: resolve(env.NWD_DATA_DIR || './.nwd-data'),
    eventStoreUrl: env.EVENTSTORE_URL || null,
    projections,
    readWaitMs: integer(env.READ_WAIT_MS, 2000, 'READ_WAIT_MS'),
    projectionBatchSize: Math.max(
      1,
      integer(env.PROJECTION_BATCH_SIZE, 2000, 'PROJECTION_BATCH_SIZE'),
    ),
    keptEvents: integer(env.KEPT_EVENTS, KEPT_EVENTS, 'KEPT_EVENTS'),
    publicUrl: publicUrl(env.PUBLIC_URL, port),
    sealIntervalMinutes: integer(env.SEAL_INTERVAL_MINUTES, 60, 'SEAL_INTERVAL_MINUTES'),
    logLevel: env.LOG_LEVEL || 'info',
    env: Object.freeze({ ...env }),
  };
}

function metricsToken(env: NodeJS.ProcessEnv): string | null {
  const token = env.METRICS_TOKEN_FILE
    ? readFileSync(env.METRICS_TOKEN_FILE, 'utf8').trim()
    : env.METRICS_TOKEN?.trim();
  if (!token) return null;
  if (token.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters');
  return token;
}

function publicUrl(value: string | undefined, port: number): string {
  if (!value) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `PUBLIC_URL must be an address such as https://nwd.example.gov.uk, not ${value}`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(
      `PUBLIC_URL must start with https:// (or http:// on one machine), not ${value}`,
    );
  }
  return url.origin;
}

/** A whole-number setting from the environment read at start: `fallback` when unset. */
export function wholeNumber(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
): number {
  return integer(env[name], fallback, name);
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number, not ${value}`);
  return n;
}
