import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sqlStores } from '#testing/sql-stores';
import { createTestDatabase } from '#testing/test-database';
import {
  ident,
  openPostgresEventStore,
  type SqlEventStore,
  type SqlExecutor,
  type StoredEvent,
} from '#event-store';
import { newEvent } from '#testing/event-store-contract';
import { ProjectionRunner } from './projection-runner.js';
import { eventByEvent, schemaOf, type Projection } from './projection.js';

/**
 * Rows keyed by (stream, revision), and a committed counter of applications (not idempotent on
 * purpose) that shows any batch applied twice.
 */
function tally(version = 1): Projection {
  return {
    name: 'tally',
    version,
    handles: ['Counted'],
    async setup(db: SqlExecutor, schema: string) {
      await db.exec(`CREATE TABLE ${ident(schema)}.counted (
        stream_id text, revision bigint, amount int, PRIMARY KEY (stream_id, revision));
        CREATE TABLE ${ident(schema)}.applications (n int NOT NULL);
        INSERT INTO ${ident(schema)}.applications VALUES (0);`);
    },
    applyBatch: eventByEvent(async (db: SqlExecutor, e: StoredEvent, schema: string) => {
      await db.query(`UPDATE ${ident(schema)}.applications SET n = n + 1`);
      await db.query(
        `INSERT INTO ${ident(schema)}.counted VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [e.streamId, e.revision, e.data.amount],
      );
    }),
  };
}

/** Throws on any event marked poison, like a read model with a bug for one kind of data. */
function fragile(fixed = false): Projection {
  return {
    name: 'fragile',
    version: 1,
    handles: ['Counted'],
    async setup(db: SqlExecutor, schema: string) {
      await db.exec(`CREATE TABLE ${ident(schema)}.seen (position bigint PRIMARY KEY)`);
    },
    applyBatch: eventByEvent(async (db: SqlExecutor, e: StoredEvent, schema: string) => {
      if (e.data.poison && !fixed) throw new Error('cannot handle this event');
      await db.query(`INSERT INTO ${ident(schema)}.seen VALUES ($1) ON CONFLICT DO NOTHING`, [
        e.position,
      ]);
    }),
  };
}

async function rows(store: SqlEventStore) {
  const r = await store.db.query<{ stream_id: string; revision: string; amount: number }>(
    `SELECT stream_id, revision::text, amount FROM ${schemaOf('tally')}.counted ORDER BY 1, 2`,
  );
  return r.rows;
}

const adapters = sqlStores({ poolMax: 16 });

describe.each(adapters)('the projection runner on %s', (name, open) => {
  let store: SqlEventStore;
  let done: () => Promise<void>;
  beforeAll(async () => ({ store, done } = await open()));
  afterAll(() => done());

  async function appendCounted(stream: string, amounts: number[]) {
    await store.append(
      stream,
      amounts.map((amount) => newEvent('Counted', { amount })),
      { expectedRevision: 'any' },
    );
  }

  it('applies the log, then applying the same events again leaves the same rows', async () => {
    const p = tally();
    const runner = new ProjectionRunner(store, store.db, [p], { batchSize: 7 });
    await runner.prepare();
    await appendCounted('a', [1, 2, 3]);
    await store.append('other', [newEvent('Ignored')], { expectedRevision: 'any' });
    await appendCounted('b', [10]);
    expect(await runner.catchUp()).toBe(5);
    const first = await rows(store);
    expect(first.map((r) => r.amount)).toEqual([1, 2, 3, 10]);

    // Replay everything over the existing rows: same rows.
    await store.db.query(`UPDATE projection_checkpoints SET transaction_id = '0', position = 0`);
    await runner.catchUp();
    expect(await rows(store)).toEqual(first);
    const [status] = await runner.status();
    expect(status.lag).toBe(0);
  });

  it('rebuilds into a fresh schema and swaps it in when the version changes', async () => {
    await appendCounted('c', [7]);
    const bumped = tally(2);
    const runner = new ProjectionRunner(store, store.db, [bumped]);
    const progress: number[] = [];
    await runner.prepare(() => (applied) => progress.push(applied));
    expect((await rows(store)).map((r) => r.amount)).toEqual([1, 2, 3, 10, 7]);
    expect(progress.length).toBeGreaterThan(0);
    const [status] = await runner.status();
    expect(status.version).toBe(2);
    const schemas = await store.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_namespace WHERE nspname LIKE 'rm_tally%'`,
    );
    expect(schemas.rows[0].n).toBe(1);
  });

  it('lets a query wait for its read model to pass a position', async () => {
    const runner = new ProjectionRunner(store, store.db, [tally(2)], { idleMs: 5 });
    await runner.prepare();
    const r = await store.append('d', [newEvent('Counted', { amount: 4 })], {
      expectedRevision: 'any',
    });
    expect(await runner.waitFor(['tally'], r.position, 50)).toBe('timeout');
    expect(await runner.waitFor(['tally'], r.position + 1000, 50)).toBe('unknown-position');
    runner.start();
    expect(await runner.waitFor(['tally'], r.position, 2000)).toBe('caught-up');
    await runner.stop();
    expect((await rows(store)).some((x) => x.stream_id === 'd')).toBe(true);
  });

  it('keeps the other read models going when one fails, and leaves the failed one where it was', async () => {
    const broken: Projection = {
      name: 'broken',
      version: 1,
      handles: ['Counted'],
      setup: async () => undefined,
      applyBatch: async () => {
        throw new Error('bad projection');
      },
    };
    const runner = new ProjectionRunner(store, store.db, [tally(2), broken]);
    await runner.prepare();
    await appendCounted('e', [9]);
    await expect(runner.runBatch()).rejects.toMatchObject({ projection: 'broken' });
    const status = await runner.status();
    expect(status.find((s) => s.name === 'tally')?.lag).toBe(0);
    expect(status.find((s) => s.name === 'broken')?.checkpoint.position).toBe(0);
    expect((await rows(store)).some((x) => x.stream_id === 'e')).toBe(true);
  });

  if (name === 'PostgreSQL') {
    it('never applies a batch twice when two runners race', async () => {
      const a = tally(2);
      const b = tally(2);
      const ra = new ProjectionRunner(store, store.db, [a], { batchSize: 13, idleMs: 1 });
      const rb = new ProjectionRunner(store, store.db, [b], { batchSize: 13, idleMs: 1 });
      await ra.prepare();
      const applications = async () =>
        (await store.db.query<{ n: number }>(`SELECT n FROM rm_tally.applications`)).rows[0].n;
      const before = (await rows(store)).length;
      const appliedBefore = await applications();
      for (let i = 0; i < 20; i++) await appendCounted(`race-${i}`, [1, 2, 3, 4, 5]);
      // Catch-up reads only below the cluster's oldest open transaction, and other suites'
      // transactions (xids are cluster-wide) can hold it back for a moment: race until all is in.
      for (let round = 0; round < 200; round++) {
        await Promise.all([ra.catchUp(), rb.catchUp()]);
        if ((await applications()) - appliedBefore >= 100) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect((await applications()) - appliedBefore).toBe(100);
      expect((await rows(store)).length).toBe(before + 100);
    });
  }

  it('stops a poison event where it is, backs off, says so, and resumes when fixed', async () => {
    const errors: string[] = [];
    const runner = new ProjectionRunner(store, store.db, [tally(2), fragile()], {
      idleMs: 5,
      maxBackoffMs: 400,
      onError: (_e, p) => errors.push(p),
    });
    await runner.prepare();
    await runner.catchUp().catch(() => undefined);
    const seen = async () =>
      Number(
        (await store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM rm_fragile.seen`))
          .rows[0].n,
      );
    const before = await seen();
    await appendCounted('p-good', [1, 2, 3]);
    const poison = await store.append('p-bad', [newEvent('Counted', { amount: 0, poison: true })], {
      expectedRevision: 'any',
    });
    await appendCounted('p-after', [4, 5]);
    runner.start();
    await new Promise((r) => setTimeout(r, 1500));
    await runner.stop();
    const status = await runner.status();
    const stuck = status.find((x) => x.name === 'fragile')!;
    expect(stuck.state).toBe('failed');
    expect(stuck.failure).toMatchObject({
      position: poison.position,
      type: 'Counted',
      error: 'cannot handle this event',
    });
    const [stored] = await store.readStream('p-bad');
    expect(stuck.failure!.eventId).toBe(stored.eventId);
    // Every event before the poison applied; nothing after it, nothing skipped.
    expect((await seen()) - before).toBe(3);
    // Backed off: a handful of tries in 1.5 s, not one every 5 ms.
    expect(errors.filter((p) => p === 'fragile').length).toBeGreaterThanOrEqual(2);
    expect(errors.filter((p) => p === 'fragile').length).toBeLessThanOrEqual(8);
    // The other read model went on.
    expect(status.find((x) => x.name === 'tally')).toMatchObject({ state: 'running', lag: 0 });

    // A process with the fixed code picks up from the poison event, at once.
    const fixed = new ProjectionRunner(store, store.db, [tally(2), fragile(true)]);
    await fixed.catchUp();
    expect((await seen()) - before).toBe(6);
    expect((await fixed.status()).find((x) => x.name === 'fragile')).toMatchObject({
      state: 'running',
      failure: null,
      lag: 0,
    });
  });
});

describe('several processes on one PostgreSQL database', () => {
  let url: string;
  let drop: () => Promise<void>;
  const stores: SqlEventStore[] = [];
  const open = async () => {
    const s = await openPostgresEventStore(url, { max: 6 });
    stores.push(s);
    return s;
  };
  beforeAll(async () => ({ url, drop } = await createTestDatabase()));
  afterAll(async () => {
    for (const s of stores) await s.close();
    await drop();
  });

  it('rebuilds a bumped version once, however many processes start together', async () => {
    const first = await open();
    await new ProjectionRunner(first, first.db, [tally(1)]).prepare();
    for (let i = 0; i < 30; i++)
      await first.append(
        `r-${i}`,
        [1, 2, 3, 4, 5].map((amount) => newEvent('Counted', { amount })),
        {
          expectedRevision: 'any',
        },
      );
    const starting = await Promise.all([open(), open(), open()]);
    await Promise.all(
      starting.map((s) => new ProjectionRunner(s, s.db, [tally(2)], { batchSize: 7 }).prepare()),
    );
    const applications = await first.db.query<{ n: number }>(`SELECT n FROM rm_tally.applications`);
    expect(applications.rows[0].n).toBe(150);
    expect(await rows(first)).toHaveLength(150);
  });

  it('runs each projection in one process at a time, and another takes over when it goes', async () => {
    const a = await open();
    const b = await open();
    const ra = new ProjectionRunner(a, a.db, [tally(2), fragile(true)], { leadershipCheckMs: 100 });
    const rb = new ProjectionRunner(b, b.db, [tally(2), fragile(true)], { leadershipCheckMs: 100 });
    await ra.prepare();
    await rb.prepare();
    try {
      ra.start();
      await new Promise((r) => setTimeout(r, 300));
      rb.start();
      await new Promise((r) => setTimeout(r, 300));
      expect(await ra.leading()).toEqual(['tally', 'fragile']);
      expect(await rb.leading()).toEqual([]);
      await ra.stop(); // its leadership ends with it
      await new Promise((r) => setTimeout(r, 400));
      expect(await rb.leading()).toEqual(['tally', 'fragile']);
      const r = await b.append('lead-1', [newEvent('Counted', { amount: 1 })], {
        expectedRevision: 'any',
      });
      expect(await rb.waitFor(['tally'], r.position, 3000)).toBe('caught-up');
    } finally {
      await ra.stop();
      await rb.stop();
    }
  });
});
