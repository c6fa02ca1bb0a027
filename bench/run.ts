import { writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  openPgliteEventStore,
  openPostgresEventStore,
  type SqlDatabase,
  type SqlEventStore,
} from '../libs/event-store/src/index.js';
import { ProjectionRunner } from '../libs/projections/src/index.js';
import { ALL_PROJECTIONS } from '../apps/composition/composition.js';
import { benchEvent, machine, scratchDatabase, timed } from './bench-support.js';
import { appendSyntheticCases } from '../src/young-people/index.js';

interface Row {
  figure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
}
const rows: Row[] = [];
const rate = (n: number, s: number) => n / s;
const fmt = (x: number) => Math.round(x).toLocaleString('en-GB');

const APPENDS = Number(process.env.BENCH_APPENDS ?? 4000);

/** Appends APPENDS times (each `batch` events) across `writers`, each writer owning its streams. */
async function storeAppends(store: SqlEventStore, writers: number, batch: number, tag: string) {
  const revisions = new Map<string, number>();
  const seconds = await timed(APPENDS, writers, async (i) => {
    const stream = `${tag}-${i % 400}`;
    const expected = revisions.get(stream);
    const events = Array.from({ length: batch }, (_, k) => benchEvent(i * batch + k));
    const r = await store.append(stream, events, { expectedRevision: expected ?? 'no_stream' });
    revisions.set(stream, r.revision);
  });
  return rate(APPENDS * batch, seconds);
}

/** The baseline: plain single-row INSERTs of the same payload into a plain table, autocommit. */
async function rawInserts(db: SqlDatabase, writers: number, batch: number, tag: string) {
  await db.exec(
    `CREATE TABLE IF NOT EXISTS raw_${tag} (id bigserial PRIMARY KEY, stream_id text, type text, data jsonb, metadata jsonb)`,
  );
  const seconds = await timed(APPENDS * batch, writers, async (i) => {
    const e = benchEvent(i);
    await db.query(
      `INSERT INTO raw_${tag} (stream_id, type, data, metadata) VALUES ($1, $2, $3, $4)`,
      [`s-${i % 400}`, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)],
    );
  });
  return rate(APPENDS * batch, seconds);
}

async function appendFigures(
  label: string,
  open: () => Promise<{ store: SqlEventStore; done: () => Promise<void> }>,
) {
  for (const writers of [1, 8]) {
    for (const batch of [1, 10]) {
      const { store, done } = await open();
      try {
        const raw = await rawInserts(store.db, writers, 1, `w${writers}b${batch}`);
        const ours = await storeAppends(store, writers, batch, `w${writers}b${batch}`);
        rows.push({
          figure: `${label} append, ${writers} writer${writers > 1 ? 's' : ''}, ${batch} event${batch > 1 ? 's' : ''}/append (events/s)`,
          value: fmt(ours),
          baseline: `raw INSERT ${fmt(raw)} rows/s`,
          ratio: (ours / raw).toFixed(2),
          target: label === 'PostgreSQL' && batch === 1 ? '>= 0.5' : '',
        });
        console.log(rows.at(-1));
      } finally {
        await done();
      }
    }
  }
}

async function catchUpFigure() {
  const db = await scratchDatabase();
  const store = await openPostgresEventStore(db.url, { max: 8 });
  try {
    const cases = Number(process.env.BENCH_CASES ?? 10_000);
    const events = await appendSyntheticCases(store, cases);
    const runner = new ProjectionRunner(store, store.db, ALL_PROJECTIONS);
    await runner.prepare();
    const t0 = performance.now();
    await runner.catchUp();
    const seconds = (performance.now() - t0) / 1000;
    rows.push({
      figure: `Projection catch-up, ${ALL_PROJECTIONS.length} read models, PostgreSQL (log events/s)`,
      value: fmt(rate(events, seconds)),
      baseline: `${fmt(events)} events in ${seconds.toFixed(2)} s`,
      ratio: '',
      target: '>= 10,000',
    });
    console.log(rows.at(-1));
    const t1 = performance.now();
    for (const p of ALL_PROJECTIONS) await runner.rebuild(p.name);
    const rebuildSeconds = (performance.now() - t1) / 1000;
    rows.push({
      figure: 'Full rebuild of every read model, PostgreSQL (log events/s)',
      value: fmt(rate(events, rebuildSeconds)),
      baseline: `${fmt(events)} events in ${rebuildSeconds.toFixed(2)} s`,
      ratio: '',
      target: '',
    });
    console.log(rows.at(-1));
  } finally {
    await store.close();
    await db.drop();
  }
}

const started = new Date();
await appendFigures('PostgreSQL', async () => {
  const db = await scratchDatabase();
  const store = await openPostgresEventStore(db.url, { max: 8 });
  return { store, done: async () => (await store.close(), await db.drop()) };
});
await appendFigures('PGlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nwd-bench-'));
  const store = await openPgliteEventStore(join(dir, 'data'));
  return {
    store,
    done: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })),
  };
});
await catchUpFigure();

const pgVersion = await (async () => {
  const c = new pg.Client({
    connectionString:
      process.env.BENCH_DATABASE_URL ??
      process.env.TEST_DATABASE_URL ??
      'postgresql://nwd_test:nwd_test@127.0.0.1:5432/postgres',
  });
  await c.connect();
  const v = (await c.query<{ server_version: string }>('SHOW server_version')).rows[0]
    .server_version;
  await c.end();
  return v;
})();

const table = [
  '| figure | value | baseline (same run) | ratio | target |',
  '| --- | ---: | --- | ---: | --- |',
  ...rows.map((r) => `| ${r.figure} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} |`),
].join('\n');
const report = `# Benchmarks

Measured ${started.toISOString()} with \`npm run bench\` (BENCH_APPENDS=${APPENDS}).
Machine: ${machine()}; PostgreSQL ${pgVersion} (defaults, fsync on) on loopback; PGlite on local disk.
Ratios compare against the baseline measured in the same run: raw single-row \`INSERT\`s of the same
payload into a plain table, autocommit, at the same concurrency, on the same database.

${table}
`;
writeFileSync('BENCHMARKS.md', report);
console.log(`\n${table}\n\nWritten to BENCHMARKS.md`);
