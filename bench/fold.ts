import type { SqlEventStore } from '#event-store';
import { outreachStreamId } from '../src/outreach/index.js';
import { appendCaseOf } from '../src/outreach/index.js';
import { evolveOutreach, initialOutreach } from '../src/outreach/index.js';
import { foldKnownCase } from '../src/audit/index.js';
import { CaseHistory } from '../src/audit/index.js';
import { medianMs, ms, type BenchRow } from './bench-support.js';
import { readEventsAbout } from '../src/young-people/index.js';

/**
 * Reading and folding one case, as a command handler does (its outreach stream through the
 * decider's evolve) and as an auditor's as-of view does (every stream about the young person,
 * recorded up to an instant, through the whole-case fold). Baseline: the raw SELECT of the same
 * rows by stream id with no fold, on the same database.
 */
export async function foldFigures(label: string, store: SqlEventStore): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const n of [100, 1_000, 10_000]) {
    const id = await appendCaseOf(store, n);
    const runs = n >= 10_000 ? 7 : 15;
    const raw = await medianMs(runs, () =>
      store.db.query('SELECT data, metadata FROM events WHERE stream_id = $1 ORDER BY revision', [
        outreachStreamId(id),
      ]),
    );
    const fold = await medianMs(runs, async () => {
      const events = await store.readStream(outreachStreamId(id));
      let state = initialOutreach();
      for (const e of events) state = evolveOutreach(state, e as never);
      return state;
    });
    const asOfCold = await medianMs(runs, async () => {
      const events = await readEventsAbout(store, id, { recordedUpTo: new Date().toISOString() });
      return foldKnownCase(id, events);
    });
    // What GET /as-of runs: the latest snapshot that stands for the instant, then the rest.
    const history = new CaseHistory(store);
    const asOf = await medianMs(runs, () => history.fold(id, { asOf: new Date().toISOString() }));
    rows.push({
      figure: `${label}: read and fold one stream of ${fmtN(n)} events (median)`,
      value: ms(fold),
      baseline: `raw SELECT ${ms(raw)}`,
      ratio: (raw / fold).toFixed(2),
      target: '',
    });
    rows.push({
      figure: `${label}: as-of fold of a case of ${fmtN(n)} events from the first event (median)`,
      value: ms(asOfCold),
      baseline: `raw SELECT ${ms(raw)}`,
      ratio: (raw / asOfCold).toFixed(2),
      target: '',
    });
    rows.push({
      figure: `${label}: as-of view of a case of ${fmtN(n)} events, as served (snapshot + rest; median)`,
      value: ms(asOf),
      baseline: `raw SELECT ${ms(raw)}`,
      ratio: (raw / asOf).toFixed(2),
      target: n === 10_000 ? '< 100 ms' : '',
    });
    console.log(rows.slice(-3));
  }
  return rows;
}

const fmtN = (n: number) => n.toLocaleString('en-GB');
