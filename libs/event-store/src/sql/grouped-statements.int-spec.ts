import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { newEvent } from '#testing/event-store-contract';
import { sqlStores } from '#testing/sql-stores';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors.js';
import type { SqlDatabase } from './sql-database.js';
import { SqlEventStore } from './sql-event-store.js';
import { verifyChains } from './verify-chain.js';

/** The same database, counting the statements that reach it by their first words. */
function counting(db: SqlDatabase) {
  const counts = new Map<string, number>();
  const counted: SqlDatabase = {
    dialect: db.dialect,
    query: (sql, params) => {
      const key = /nwd_append_group|nwd_append|unnest\(\$1::text\[\], \$2::bigint\[\]\)/.exec(sql);
      if (key) counts.set(key[0], (counts.get(key[0]) ?? 0) + 1);
      return db.query(sql, params);
    },
    exec: (sql) => db.exec(sql),
    transaction: (work) => db.transaction(work),
    close: () => db.close(),
  };
  return { counted, count: (key: string) => counts.get(key) ?? 0 };
}

const stream = () => `grouped-${randomUUID()}`;

describe.each(sqlStores())('concurrent appends and reads grouped on %s', (_name, open) => {
  let base: SqlEventStore;
  let done: () => Promise<void>;
  beforeAll(async () => {
    ({ store: base, done } = await open());
  });
  afterAll(() => done());

  it('appends that arrive together share statements, and each keeps its own outcome', async () => {
    const { counted, count } = counting(base.db);
    const store = new SqlEventStore(counted);
    const streams = Array.from({ length: 40 }, stream);
    for (const s of streams) {
      await store.append(s, [newEvent('Opened')], { expectedRevision: 'no_stream' });
    }
    const lone = count('nwd_append');
    expect(lone).toBe(40);
    expect(count('nwd_append_group')).toBe(0);

    // 40 appends at the right revision, 40 more at a stale one, 10 that open an existing stream,
    // 10 pairs racing to open one new stream, and 5 retries of one append: all at once.
    const retried = [newEvent('Retried'), newEvent('Retried')];
    const racing = Array.from({ length: 10 }, stream);
    const outcomes = await Promise.allSettled([
      ...streams.map((s, i) =>
        store.append(s, [newEvent('Next', { i }), newEvent('Next', { i })], {
          expectedRevision: 0,
        }),
      ),
      ...streams.map((s) => store.append(s, [newEvent('Stale')], { expectedRevision: 0 })),
      ...streams
        .slice(0, 10)
        .map((s) => store.append(s, [newEvent('Again')], { expectedRevision: 'no_stream' })),
      ...racing.flatMap((s) =>
        [1, 2].map(() => store.append(s, [newEvent('Race')], { expectedRevision: 'no_stream' })),
      ),
      ...[1, 2, 3, 4, 5].map(() =>
        store.append(streams[0] + '-retried', retried, { expectedRevision: 'any' }),
      ),
    ]);
    expect(count('nwd_append_group')).toBeGreaterThan(0);
    expect(count('nwd_append') - lone + count('nwd_append_group')).toBeLessThan(outcomes.length);

    // Per stream, exactly one of the two appends at revision 0 won; the other is told the truth.
    for (let i = 0; i < 40; i++) {
      const [next, stale] = [outcomes[i], outcomes[40 + i]];
      const won = [next, stale].filter((o) => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const lost = [next, stale].find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(WrongExpectedRevisionError);
      const events = await store.readStream(streams[i]);
      expect(events.map((e) => e.revision)).toEqual(
        next.status === 'fulfilled' ? [0, 1, 2] : [0, 1],
      );
      expect(lost.reason).toMatchObject({ actual: events.at(-1)!.revision });
    }
    for (const o of outcomes.slice(80, 90)) {
      expect(o.status === 'rejected' && o.reason instanceof WrongExpectedRevisionError).toBe(true);
    }
    for (let r = 0; r < 10; r++) {
      const pair = outcomes.slice(90 + 2 * r, 92 + 2 * r);
      expect(pair.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(await store.readStream(racing[r])).toHaveLength(1);
    }
    // The retries of one append: stored once, every caller told where.
    const retries = outcomes.slice(110) as PromiseFulfilledResult<{ revision: number }>[];
    expect(retries.every((o) => o.status === 'fulfilled' && o.value.revision === 1)).toBe(true);
    expect(await store.readStream(streams[0] + '-retried')).toHaveLength(2);
    // Every chain still links: grouped appends hash exactly as lone ones.
    expect(await verifyChains(base.db)).toMatchObject({ brokenLinks: 0 });
  });

  it('an event id used in another stream fails that append alone', async () => {
    const store = new SqlEventStore(base.db);
    const taken = newEvent('Taken');
    await store.append(stream(), [taken], { expectedRevision: 'no_stream' });
    const others = Array.from({ length: 12 }, stream);
    const outcomes = await Promise.allSettled([
      ...others.map((s) => store.append(s, [newEvent('Fine')], { expectedRevision: 'no_stream' })),
      store.append(stream(), [taken], { expectedRevision: 'no_stream' }),
    ]);
    expect(outcomes.slice(0, 12).every((o) => o.status === 'fulfilled')).toBe(true);
    const clash = outcomes[12] as PromiseRejectedResult;
    expect(clash.reason).toBeInstanceOf(DuplicateEventIdError);
  });

  it('reads of streams that arrive together share statements and each gets its own events', async () => {
    const { counted, count } = counting(base.db);
    const store = new SqlEventStore(counted);
    const streams = Array.from({ length: 30 }, stream);
    for (const [i, s] of streams.entries()) {
      const events = Array.from({ length: i % 5 }, (_, n) => newEvent('E', { i, n }));
      if (events.length) await store.append(s, events, { expectedRevision: 'no_stream' });
    }
    const asked = streams.flatMap((s, i) => [
      { s, from: 0 },
      { s, from: i % 3 },
    ]);
    const alone = await Promise.all(
      asked.map((a) => base.readStream(a.s, { fromRevision: a.from })),
    );
    const together = await Promise.all(
      asked.map((a) => store.readStream(a.s, { fromRevision: a.from })),
    );
    expect(together).toEqual(alone);
    expect(together.flat().length).toBeGreaterThan(0);
    expect(count('unnest($1::text[], $2::bigint[])')).toBeGreaterThan(0);
    expect(count('unnest($1::text[], $2::bigint[])')).toBeLessThan(asked.length);
  });
});
