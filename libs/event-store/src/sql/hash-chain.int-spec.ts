import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sqlStores } from '#testing/sql-stores';
import { newEvent } from '#testing/event-store-contract';
import { migrate } from './migrator.js';
import { eventLogMigration } from './migrations/0001-event-log.js';
import { PgliteDatabase } from './pglite-database.js';
import { SqlEventStore } from './sql-event-store.js';
import { verifyChains } from './verify-chain.js';
import { eventHash } from './bulk-load.js';

const adapters = sqlStores();

async function tamper(store: SqlEventStore, sql: string, params: unknown[]) {
  await store.db.exec('ALTER TABLE events DISABLE TRIGGER events_no_update');
  try {
    await store.db.query(sql, params);
  } finally {
    await store.db.exec('ALTER TABLE events ENABLE TRIGGER events_no_update');
  }
}

describe.each(adapters)('the hash chain on %s', (_name, open) => {
  let store: SqlEventStore;
  let done: () => Promise<void>;
  beforeAll(async () => {
    ({ store, done } = await open());
  });
  afterAll(() => done());

  it('links every event to the one before it in its stream, and verify finds the first broken link', async () => {
    await store.append('chain-a', [newEvent('A', { n: 1 }), newEvent('A', { n: 2 })], {
      expectedRevision: 'no_stream',
    });
    await store.append('chain-b', [newEvent('B', { n: 1 })], { expectedRevision: 'no_stream' });
    await store.append('chain-a', [newEvent('A', { n: 3 })], { expectedRevision: 1 });
    const hashes = (
      await store.db.query<{ hash: string }>(
        `SELECT hash FROM events WHERE stream_id = 'chain-a' ORDER BY revision`,
      )
    ).rows;
    expect(new Set(hashes.map((h) => h.hash)).size).toBe(3);
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h.hash))).toBe(true);
    expect(await verifyChains(store.db)).toMatchObject({
      streams: 2,
      events: 4,
      brokenLinks: 0,
      firstBroken: null,
    });

    await tamper(
      store,
      `UPDATE events SET data = jsonb_set(data, '{n}', '99') WHERE stream_id = 'chain-a' AND revision = 1`,
      [],
    );
    const report = await verifyChains(store.db);
    expect(report.firstBroken).toMatchObject({ streamId: 'chain-a', revision: 1, reason: 'hash' });

    // Rewriting the tampered event's hash too only moves the break to the next link.
    await tamper(
      store,
      `UPDATE events SET hash = nwd_event_hash((SELECT hash FROM events WHERE stream_id = 'chain-a' AND revision = 0),
         event_id, stream_id, revision, type, data, metadata, recorded_at)
       WHERE stream_id = 'chain-a' AND revision = 1`,
      [],
    );
    expect((await verifyChains(store.db)).firstBroken).toMatchObject({
      streamId: 'chain-a',
      revision: 2,
      reason: 'hash',
    });
  });

  it('hashes the same bytes whether an append carries one event or several', async () => {
    // One-event appends take their own path in nwd_append (migration 0005); both must give the
    // hash computed in Node over the same content.
    await store.append('same-1', [newEvent('S', { n: 1, s: 'é"<' })], {
      expectedRevision: 'no_stream',
    });
    await store.append('same-1', [newEvent('S', { n: 2 }), newEvent('S', { n: 3 })], {
      expectedRevision: 0,
    });
    await store.append('same-1', [newEvent('S', { n: 4 })], { expectedRevision: 2 });
    const rows = (
      await store.db.query<{
        event_id: string;
        revision: number | string;
        type: string;
        data: Record<string, unknown>;
        metadata: Record<string, unknown>;
        recorded_at: Date | string;
        hash: string;
      }>(
        `SELECT event_id::text, revision, type, data, metadata, recorded_at, hash
           FROM events WHERE stream_id = 'same-1' ORDER BY revision`,
      )
    ).rows;
    expect(rows).toHaveLength(4);
    let prev: string | null = null;
    for (const r of rows) {
      const expected = eventHash(prev, {
        eventId: r.event_id,
        streamId: 'same-1',
        revision: Number(r.revision),
        type: r.type,
        data: r.data,
        metadata: r.metadata,
        recordedAt: new Date(r.recorded_at).toISOString(),
      });
      expect(r.hash).toBe(expected);
      prev = r.hash;
    }
  });
});

describe('upgrading a log written before the hash chain', () => {
  it('hashes the existing events in stream order, and new appends continue the chain', async () => {
    const db = await PgliteDatabase.open();
    try {
      await migrate(db, [eventLogMigration]);
      const old = new SqlEventStore(db);
      await db.query(`SELECT * FROM nwd_append('old', 'no_stream', $1::jsonb)`, [
        JSON.stringify([newEvent('Old', { n: 1 }), newEvent('Old', { n: 2 })]),
      ]);
      await old.migrate();
      await old.append('old', [newEvent('New', { n: 3 })], { expectedRevision: 1 });
      expect(await verifyChains(db)).toMatchObject({ events: 3, firstBroken: null });
    } finally {
      await db.close();
    }
  });
});
