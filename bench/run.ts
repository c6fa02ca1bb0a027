import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openPgliteEventStore, openPostgresEventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import { ALL_PROJECTIONS } from '../apps/composition/composition.js';
import { appendSyntheticCases } from '../src/young-people/index.js';
import { APPENDS, appendFigures } from './append.js';
import { ADMIN_URL, fmt, machine, rate, scratchDatabase, type BenchRow } from './bench-support.js';
import { foldFigures } from './fold.js';
import { growthFigures, GROWTH_EVENTS } from './growth.js';
import { httpFigures } from './http.js';
import { targetSummary } from './targets.js';

/**
 * BENCH_ONLY=append,fold,catchup,http,growth runs some sections; the default runs them all, each
 * in a Node process of its own (BENCH_SECTION names it there).
 */
const only = new Set((process.env.BENCH_ONLY ?? 'append,fold,catchup,http,growth').split(','));
const rows: BenchRow[] = [];

async function withPostgres<T>(
  work: (store: Awaited<ReturnType<typeof openPostgresEventStore>>) => Promise<T>,
) {
  const db = await scratchDatabase();
  const store = await openPostgresEventStore(db.url, { max: 8 });
  try {
    return await work(store);
  } finally {
    await store.close();
    await db.drop();
  }
}

async function catchUpFigures(): Promise<BenchRow[]> {
  return withPostgres(async (store) => {
    const cases = Number(process.env.BENCH_CASES ?? 10_000);
    const events = await appendSyntheticCases(store, cases);
    const runner = new ProjectionRunner(store, store.db, ALL_PROJECTIONS);
    await runner.prepare();
    const t0 = performance.now();
    await runner.catchUp();
    const seconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    for (const p of ALL_PROJECTIONS) await runner.rebuild(p.name);
    const rebuildSeconds = (performance.now() - t1) / 1000;
    return [
      {
        figure: `Projection catch-up, ${ALL_PROJECTIONS.length} read models, PostgreSQL (log events/s)`,
        value: fmt(rate(events, seconds)),
        baseline: `${fmt(events)} events in ${seconds.toFixed(2)} s`,
        ratio: '',
        target: '>= 20,000',
      },
      {
        figure: 'Full rebuild of every read model, PostgreSQL (log events/s)',
        value: fmt(rate(events, rebuildSeconds)),
        baseline: `${fmt(events)} events in ${rebuildSeconds.toFixed(2)} s`,
        ratio: '',
        target: '',
      },
    ];
  });
}

const pgliteStore = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nwd-bench-'));
  const store = await openPgliteEventStore(join(dir, 'data'));
  return {
    store,
    done: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })),
  };
};

const SECTIONS: Record<string, () => Promise<BenchRow[]>> = {
  append: async () => [
    ...(await appendFigures(
      'PostgreSQL',
      async () => {
        const db = await scratchDatabase();
        const store = await openPostgresEventStore(db.url, { max: 8 });
        return { store, done: async () => (await store.close(), await db.drop()) };
      },
      true,
    )),
    ...(await appendFigures('PGlite', pgliteStore, false)),
  ],
  fold: async () => {
    const figures = await withPostgres((store) => foldFigures('PostgreSQL', store));
    const { store, done } = await pgliteStore();
    try {
      return [...figures, ...(await foldFigures('PGlite', store))];
    } finally {
      await done();
    }
  },
  catchup: catchUpFigures,
  http: httpFigures,
  growth: growthFigures,
};

/**
 * Runs one section in a Node process of its own and returns its rows. A section leaves its
 * process changed for the next: after the append section, the process held 660 MB of external
 * memory that a forced GC did not free (PGlite keeps it once loaded, the same after one instance
 * or three), and the full rebuild measured 3,100-4,000 events/s in that process against
 * 5,300-5,600 in a fresh one started right after it.
 */
async function inOwnProcess(section: string): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'nwd-bench-rows-'));
  const out = join(dir, 'rows.json');
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [...process.execArgv, process.argv[1]], {
        env: { ...process.env, BENCH_SECTION: section, BENCH_ROWS: out },
        stdio: 'inherit',
      });
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`bench section ${section} exited with ${code}`)),
      );
    });
    return JSON.parse(readFileSync(out, 'utf8')) as BenchRow[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const section = process.env.BENCH_SECTION;
if (section) {
  const run = SECTIONS[section];
  if (!run)
    throw new Error(`no bench section ${section} (known: ${Object.keys(SECTIONS).join(', ')})`);
  writeFileSync(process.env.BENCH_ROWS!, JSON.stringify(await run()));
  process.exit(0);
}

const started = new Date();
for (const name of Object.keys(SECTIONS)) {
  if (only.has(name)) rows.push(...(await inOwnProcess(name)));
}

const c = new pg.Client({ connectionString: ADMIN_URL });
await c.connect();
const pgVersion = (await c.query<{ server_version: string }>('SHOW server_version')).rows[0]
  .server_version;
await c.end();

const table = [
  '| figure | value | baseline (same run) | ratio | target |',
  '| --- | ---: | --- | ---: | --- |',
  ...rows.map((r) => `| ${r.figure} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} |`),
].join('\n');
const summary = targetSummary(rows);
const report = `# Benchmarks

Measured ${started.toISOString()} with \`npm run bench\` (BENCH_APPENDS=${APPENDS}, BENCH_ONLY=${[...only].join(',')}, growth log ${fmt(GROWTH_EVENTS)} events).
Machine: ${machine()}; PostgreSQL ${pgVersion} (defaults, fsync on) on loopback; PGlite on local disk.
Each section runs in a Node process of its own, one after another.
Every ratio compares with a baseline measured in the same run on the same database: raw single-row
\`INSERT\`s of the same payload into a plain table (autocommit, same concurrency) for appends; the
peer library emmett-postgresql appending the same events; a raw \`SELECT\` of the same rows for
folds; a bare Nest route in its own process for HTTP (autocannon, ${process.env.BENCH_HTTP_SECONDS ?? 8} s per figure); the
same figure on an empty log for growth.

${table}

${summary}
`;
writeFileSync(process.env.BENCH_REPORT ?? 'BENCHMARKS.md', report);
console.log(
  `\n${table}\n\n${summary}\n\nWritten to ${process.env.BENCH_REPORT ?? 'BENCHMARKS.md'}`,
);
