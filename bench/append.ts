import pg from 'pg';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import type { SqlDatabase, SqlEventStore } from '#event-store';
import {
  benchEvent,
  fmt,
  median,
  rate,
  scratchDatabase,
  timed,
  type BenchRow,
} from './bench-support.js';

export const APPENDS = Number(process.env.BENCH_APPENDS ?? 4500);
const ROUNDS = 3;

/** Appends APPENDS times (each `batch` events) across `writers`, each writer owning its streams. */
export async function storeAppends(
  store: SqlEventStore,
  writers: number,
  batch: number,
  tag: string,
  appends = APPENDS,
) {
  const revisions = new Map<string, number>();
  const seconds = await timed(appends, writers, async (i) => {
    const stream = `${tag}-${i % 400}`;
    const expected = revisions.get(stream);
    const events = Array.from({ length: batch }, (_, k) => benchEvent(i * batch + k));
    const r = await store.append(stream, events, { expectedRevision: expected ?? 'no_stream' });
    revisions.set(stream, r.revision);
  });
  return rate(appends * batch, seconds);
}

/** The baseline: plain single-row INSERTs of the same payload into a plain table, autocommit. */
export async function rawInserts(db: SqlDatabase, writers: number, tag: string, n = APPENDS) {
  await db.exec(
    `CREATE TABLE IF NOT EXISTS raw_${tag} (id bigserial PRIMARY KEY, stream_id text, type text, data jsonb, metadata jsonb)`,
  );
  const seconds = await timed(n, writers, async (i) => {
    const e = benchEvent(i);
    await db.query(
      `INSERT INTO raw_${tag} (stream_id, type, data, metadata) VALUES ($1, $2, $3, $4)`,
      [`s-${i % 400}`, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)],
    );
  });
  return rate(n, seconds);
}

/**
 * A second baseline: single-row INSERTs into a table shaped like the log itself (`LIKE events
 * INCLUDING ALL`: its identity, defaults, unique keys and indexes, but no stream row, no
 * revision check, no hash chain, no function), autocommit. What an append costs beyond this is
 * the log's rules; what this costs beyond a plain INSERT is the log's indexes.
 */
export async function rawLogInserts(db: SqlDatabase, writers: number, tag: string, n = APPENDS) {
  await db.exec(`CREATE TABLE IF NOT EXISTS rawlog_${tag} (LIKE events INCLUDING ALL)`);
  const seconds = await timed(n, writers, async (i) => {
    const e = benchEvent(i);
    await db.query(
      `INSERT INTO rawlog_${tag} (event_id, stream_id, revision, type, data, metadata, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        e.eventId,
        `s-${i % 400}`,
        Math.floor(i / 400),
        e.type,
        JSON.stringify(e.data),
        JSON.stringify(e.metadata),
        (e.eventId + e.eventId).replace(/-/g, ''),
      ],
    );
  });
  return rate(n, seconds);
}

/**
 * The peer: emmett-postgresql appending the same events, with expected versions, same streams.
 * Its rounds alternate with ours (see appendFigures), so both meet the same moments of the disk.
 */
async function openEmmett(writers: number, batch: number) {
  const db = await scratchDatabase();
  // Emmett gets a pool of its own of 8 connections, which `close` ends.
  const pool = new pg.Pool({ connectionString: db.url, max: 8 });
  pool.on('error', () => undefined);
  const store = getPostgreSQLEventStore(db.url, {
    connectionOptions: { pooled: true, pool },
    schema: { autoMigration: 'CreateOrUpdate' },
  });
  // The first append creates emmett's schema: not part of the timing.
  await store.appendToStream('warm-up', [{ type: 'Warm', data: {} }]);
  const versions = new Map<string, bigint>();
  return {
    async round(round: number): Promise<number> {
      const seconds = await timed(APPENDS / ROUNDS, writers, async (i) => {
        const stream = `em-${round}-${i % 400}`;
        const events = Array.from({ length: batch }, (_, k) => {
          const e = benchEvent(i * batch + k);
          return { type: e.type, data: e.data, metadata: e.metadata };
        });
        const expected = versions.get(stream);
        const r = await store.appendToStream(
          stream,
          events,
          expected === undefined ? {} : { expectedStreamVersion: expected },
        );
        versions.set(stream, r.nextExpectedStreamVersion);
      });
      return rate((APPENDS / ROUNDS) * batch, seconds);
    },
    async close() {
      await store.close();
      await pool.end().catch(() => undefined);
      await db.drop();
    },
  };
}

export async function appendFigures(
  label: string,
  open: () => Promise<{ store: SqlEventStore; done: () => Promise<void> }>,
  withPeer: boolean,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const writers of [1, 8]) {
    for (const batch of [1, 10]) {
      // Three rounds, baseline, ours and the peer alternating, medians compared: fsync-bound
      // figures on a shared disk move by tens of percent from one minute to the next.
      const { store, done } = await open();
      const emmett = withPeer ? await openEmmett(writers, batch) : null;
      const raws: number[] = [];
      const rawLogs: number[] = [];
      const ourRuns: number[] = [];
      const peerRuns: number[] = [];
      try {
        for (let round = 0; round < ROUNDS; round++) {
          const tag = `w${writers}b${batch}r${round}`;
          raws.push(await rawInserts(store.db, writers, tag, APPENDS / ROUNDS));
          if (withPeer && batch === 1) {
            rawLogs.push(await rawLogInserts(store.db, writers, tag, APPENDS / ROUNDS));
          }
          ourRuns.push(await storeAppends(store, writers, batch, tag, APPENDS / ROUNDS));
          if (emmett) peerRuns.push(await emmett.round(round));
        }
      } finally {
        await done();
        await emmett?.close();
      }
      const raw = median(raws);
      const ours = median(ourRuns);
      const what = `${writers} writer${writers > 1 ? 's' : ''}, ${batch} event${batch > 1 ? 's' : ''}/append (events/s)`;
      rows.push({
        figure: `${label} append, ${what}`,
        value: fmt(ours),
        baseline: `raw INSERT ${fmt(raw)} rows/s`,
        ratio: (ours / raw).toFixed(2),
        target: label === 'PostgreSQL' && batch === 1 ? (writers === 8 ? '>= 0.7' : '>= 0.6') : '',
      });
      console.log(rows.at(-1));
      if (rawLogs.length > 0) {
        const rawLog = median(rawLogs);
        rows.push({
          figure: `${label} append, ${what}, against INSERTs into a table shaped like the log`,
          value: fmt(ours),
          baseline: `raw INSERT into a copy of the log's table ${fmt(rawLog)} rows/s (${(rawLog / raw).toFixed(2)}x plain INSERT)`,
          ratio: (ours / rawLog).toFixed(2),
          target: '',
        });
        console.log(rows.at(-1));
      }
      if (emmett) {
        const peer = median(peerRuns);
        rows.push({
          figure: `emmett-postgresql 0.42 append, ${what}`,
          value: fmt(peer),
          baseline: `nwd-hub ${fmt(ours)} events/s`,
          ratio: `nwd-hub ${(ours / peer).toFixed(2)}x emmett`,
          target: writers === 8 && batch === 1 ? 'nwd-hub ahead' : '',
        });
        console.log(rows.at(-1));
      }
    }
  }
  return rows;
}
