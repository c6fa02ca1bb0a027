import { randomUUID } from 'node:crypto';
import type { NewEvent, SqlEventStore } from '../libs/event-store/src/index.js';
import { syntheticCase, youngPersonStreamId } from '../src/young-people/index.js';
import { outreachStreamId, type ContactLogged } from '../src/outreach/index.js';
import { evolveOutreach, initialOutreach } from '../src/outreach/outreach-record.js';
import { foldKnownCase } from '../src/audit/known-case.js';
import { medianMs, ms, type BenchRow } from './bench-support.js';

const DAY = 86_400_000;

/** A case of `n` events: referral, acceptance, allocation, then weekly-ish contacts. */
export async function appendCaseOf(store: SqlEventStore, n: number, hubId = randomUUID()) {
  const { youngPersonId, events } = syntheticCase(hubId, n);
  await store.append(youngPersonStreamId(youngPersonId), events, { expectedRevision: 'no_stream' });
  const start = Date.UTC(2020, 0, 1);
  let revision: number | 'no_stream' = 'no_stream';
  const contacts = n - events.length;
  for (let from = 0; from < contacts; from += 500) {
    const batch: NewEvent[] = [];
    for (let i = from; i < Math.min(contacts, from + 500); i++) {
      const occurredAt = new Date(start + i * (DAY / 4)).toISOString();
      const data: ContactLogged['data'] = {
        contactId: randomUUID(),
        youngPersonId,
        hubId,
        workerId: 'kw-1',
        workerName: 'Worker 1',
        occurredAt,
        kind: i % 5 === 0 ? 'phone' : 'face_to_face',
        location: 'Town centre',
        durationMinutes: 30,
        present: [],
        notes: `Generated contact ${i}: talked about the week ahead and college`,
        portfolioAreas: ['education_training_employment'],
        followUps: [],
        recordedAt: occurredAt,
        lateRecorded: false,
      };
      batch.push({
        eventId: randomUUID(),
        type: 'ContactLogged',
        data,
        metadata: {
          actor: { id: 'kw-1' },
          correlationId: randomUUID(),
          causationId: null,
          occurredAt,
          schemaVersion: 1,
        },
      });
    }
    const r = await store.append(outreachStreamId(youngPersonId), batch, {
      expectedRevision: revision,
    });
    revision = r.revision;
  }
  return youngPersonId;
}

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
    const asOf = await medianMs(runs, async () => {
      const events = await store.readAbout(id, { recordedUpTo: new Date().toISOString() });
      return foldKnownCase(id, events);
    });
    rows.push({
      figure: `${label}: read and fold one stream of ${fmtN(n)} events (median)`,
      value: ms(fold),
      baseline: `raw SELECT ${ms(raw)}`,
      ratio: (raw / fold).toFixed(2),
      target: '',
    });
    rows.push({
      figure: `${label}: as-of fold of a case of ${fmtN(n)} events (median)`,
      value: ms(asOf),
      baseline: `raw SELECT ${ms(raw)}`,
      ratio: (raw / asOf).toFixed(2),
      target: n === 10_000 ? '< 100 ms' : '',
    });
    console.log(rows.at(-2), rows.at(-1));
  }
  return rows;
}

const fmtN = (n: number) => n.toLocaleString('en-GB');
