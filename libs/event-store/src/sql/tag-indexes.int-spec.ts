import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sqlStores } from '#testing/sql-stores';
import { newEvent } from '#testing/event-store-contract';
import { migrate } from './migrator.js';
import { SqlEventStore } from './sql-event-store.js';
import { tagIndexMigrations, tagName } from './tag-indexes.js';

const indexesOn = async (store: SqlEventStore, field: string) =>
  (
    await store.db.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'events' AND indexdef LIKE $1`,
      [`%(data ->> '${field}'::text)%`],
    )
  ).rows.map((r) => r.indexname);

describe.each(sqlStores())('tags the log is read by, on %s', (_name, open) => {
  let store: SqlEventStore;
  let done: () => Promise<void>;
  beforeAll(async () => ({ store, done } = await open()));
  afterAll(() => done());

  it('indexes each declared tag once, and reads by it through the index', async () => {
    const tagged = new SqlEventStore(store.db, { tags: ['caseId'] });
    await tagged.migrate();
    expect(await indexesOn(store, 'caseId')).toEqual(['events_tag_caseid']);
    await tagged.append('t-1', [newEvent('A', { caseId: 'c-1' })], {
      expectedRevision: 'no_stream',
    });
    const plan = await store.db.transaction(async (tx) => {
      await tx.exec('SET LOCAL enable_seqscan = off');
      const r = await tx.query<Record<string, string>>(
        `EXPLAIN SELECT position FROM events WHERE data ? 'caseId' AND data->>'caseId' = 'c-1'`,
      );
      return r.rows.map((row) => Object.values(row)[0]).join('\n');
    });
    expect(plan).toContain('events_tag_caseid');
    expect((await tagged.readByTag('caseId', 'c-1')).map((e) => e.type)).toEqual(['A']);
  });

  it('adds no second index where one on the same field was made before tags were declared', async () => {
    await store.db.exec(
      `CREATE INDEX events_made_by_hand ON events ((data->>'ownerId'), position) WHERE data ? 'ownerId'`,
    );
    expect(await migrate(store.db, tagIndexMigrations(['ownerId']))).toEqual([
      'event-store/tag/ownerId',
    ]);
    expect(await indexesOn(store, 'ownerId')).toEqual(['events_made_by_hand']);
  });

  it('refuses a tag that is not a plain field name (it is written into SQL)', async () => {
    expect(() => tagName("x' OR '1'='1")).toThrow('plain field name');
    await expect(store.readByTag('a b', 'x')).rejects.toThrow('plain field name');
  });
});
