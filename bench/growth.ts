import { openPostgresEventStore, type SqlEventStore } from '#event-store';
import { seedFast } from '../apps/cli/seed/seed-fast.js';
import { storeAppends } from './append.js';
import { fmt, median, medianMs, ms, scratchDatabase, type BenchRow } from './bench-support.js';
import { appendCaseOf } from '../src/outreach/index.js';
import { outreachStreamId } from '../src/outreach/index.js';
import { CaseHistory } from '../src/audit/index.js';
import { evolveOutreach, initialOutreach } from '../src/outreach/index.js';

export const GROWTH_EVENTS = Number(process.env.BENCH_GROWTH_EVENTS ?? 10_000_000);

interface Figures {
  append: number;
  fold: number;
  asOf: number;
}

/**
 * Appends at 8 writers: 500 untimed first (each connection prepares its statements and compiles
 * `nwd_append`), then the median of three rounds of 2,000. One round takes under a second, and
 * single rounds moved by a third between runs.
 */
async function appendRate(store: SqlEventStore, tag: string): Promise<number> {
  await storeAppends(store, 8, 1, `growth-${tag}-warm`, 500);
  const rounds: number[] = [];
  for (let round = 0; round < 3; round++) {
    rounds.push(await storeAppends(store, 8, 1, `growth-${tag}-${round}`, 2000));
  }
  return median(rounds);
}

/**
 * Writes out what the bulk load and VACUUM left dirty, so the appends measured after them meet a
 * log of that size, not a checkpoint flushing the load. Needs the pg_checkpoint role (`.ci/run`
 * grants it to the test role); without it the figure is measured as it comes, and says so.
 */
async function checkpoint(store: SqlEventStore): Promise<boolean> {
  try {
    await store.db.exec('CHECKPOINT');
    return true;
  } catch (e) {
    console.log(`growth: CHECKPOINT refused (${(e as Error).message}); measuring without one`);
    return false;
  }
}

async function measure(store: SqlEventStore, tag: string): Promise<Figures> {
  const append = await appendRate(store, tag);
  const id = await appendCaseOf(store, 10_000);
  const fold = await medianMs(7, async () => {
    let state = initialOutreach();
    for (const e of await store.readStream(outreachStreamId(id))) {
      state = evolveOutreach(state, e as never);
    }
    return state;
  });
  const history = new CaseHistory(store);
  const asOf = await medianMs(7, () => history.fold(id, { asOf: new Date().toISOString() }));
  return { append, fold, asOf };
}

/**
 * The same append and fold figures on an empty log and again after `nwd seed --fast` has filled
 * it with GROWTH_EVENTS events (copies of a hub generated through the handlers), on PostgreSQL.
 */
export async function growthFigures(): Promise<BenchRow[]> {
  const db = await scratchDatabase();
  const store = await openPostgresEventStore(db.url, { max: 8 });
  const saved = process.env.DATABASE_URL;
  try {
    await checkpoint(store);
    const empty = await measure(store, 'empty');
    process.env.DATABASE_URL = db.url;
    const seeded = await seedFast(
      {
        hubs: 1,
        targetEvents: GROWTH_EVENTS,
        years: 1,
        seed: 11,
        start: new Date('2000-01-01T00:00:00Z'),
        progress: true,
      },
      (line) => console.log(line),
    );
    await store.db.exec('VACUUM ANALYZE events');
    const checkpointed = await checkpoint(store);
    const full = await measure(store, 'full');
    const label = `with ${fmt(seeded.events)} events in the log${checkpointed ? '' : ' (no CHECKPOINT after the load: not permitted)'}`;
    return [
      {
        figure: `Growth: append, 8 writers, 1 event/append, ${label} (events/s, median of 3 rounds)`,
        value: fmt(full.append),
        baseline: `empty log ${fmt(empty.append)}`,
        ratio: (full.append / empty.append).toFixed(2),
        target: '>= 0.8',
      },
      {
        figure: `Growth: read and fold a 10,000-event stream, ${label} (median)`,
        value: ms(full.fold),
        baseline: `empty log ${ms(empty.fold)}`,
        ratio: (empty.fold / full.fold).toFixed(2),
        target: '>= 0.8',
      },
      {
        figure: `Growth: as-of view of a 10,000-event case as served, ${label} (median)`,
        value: ms(full.asOf),
        baseline: `empty log ${ms(empty.asOf)}`,
        ratio: (empty.asOf / full.asOf).toFixed(2),
        target: '>= 0.8',
      },
    ].map((r) => (console.log(r), r));
  } finally {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
    await store.close();
    await db.drop();
  }
}
