import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { NWD_MODEL } from '../apps/composition/composition.js';
import { loadConfig, openInfrastructure, type Infrastructure } from '#platform';
import { createTestDatabase, type TestDatabase } from '#testing/test-database';

const event = (type = 'Noted') => ({
  eventId: randomUUID(),
  type,
  data: { note: 'x' },
  metadata: {
    actor: { id: 't' },
    correlationId: 'c',
    causationId: null,
    occurredAt: 'x',
    schemaVersion: 1,
  },
});

/**
 * The application's role cannot rewrite the log: the schema's owner migrates and owns the
 * tables, triggers and functions; the runtime role reads and appends through the functions only,
 * and never chooses `recorded_at`.
 */
describe('who may change the log (PostgreSQL, two roles)', () => {
  let database: TestDatabase;
  let infra: Infrastructure;
  let runtime: pg.Client;
  let owner: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    if (!database.runtimeUrl) {
      throw new Error(
        'The runtime role (TEST_RUNTIME_ROLE, default nwd_app) does not exist: run .ci/run once',
      );
    }
    infra = await openInfrastructure(
      { ...loadConfig({}), databaseUrl: database.runtimeUrl, databaseOwnerUrl: database.url },
      NWD_MODEL,
    );
    await infra.runner.prepare();
    runtime = new pg.Client({ connectionString: database.runtimeUrl });
    owner = new pg.Client({ connectionString: database.url });
    await runtime.connect();
    await owner.connect();
    await infra.store.append('note-1', [event()], { expectedRevision: 'no_stream' });
  }, 60_000);
  afterAll(async () => {
    await runtime?.end();
    await owner?.end();
    await infra?.close();
    await database?.drop();
  });

  const refusal = (sql: string, params: unknown[] = []) =>
    runtime.query(sql, params).then(
      () => 'allowed',
      (e: { code?: string }) => e.code ?? 'error',
    );

  it('starts without the single-role warning, and the application really is another role', async () => {
    expect(infra.warnings).toEqual([]);
    expect((await runtime.query('SELECT current_user AS u')).rows[0].u).not.toBe(
      (await owner.query('SELECT current_user AS u')).rows[0].u,
    );
  });

  it('refuses every way the runtime role could rewrite history', async () => {
    const attempts = {
      update: await refusal(`UPDATE events SET data = '{"note":"rewritten"}'`),
      delete: await refusal('DELETE FROM events'),
      truncate: await refusal('TRUNCATE events'),
      insert: await refusal(
        `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at, hash)
         VALUES (gen_random_uuid(), 'forged', 0, 'X', '{}', '{}', now(), 'h')`,
      ),
      streams: await refusal('UPDATE streams SET revision = 0'),
      disableTrigger: await refusal('ALTER TABLE events DISABLE TRIGGER events_no_update'),
      dropTrigger: await refusal('DROP TRIGGER events_no_update ON events'),
      replaceGuard: await refusal(
        `CREATE OR REPLACE FUNCTION nwd_forbid_change() RETURNS trigger LANGUAGE plpgsql
         AS $$ BEGIN RETURN NEW; END $$`,
      ),
      replaceAppend: await refusal(
        `CREATE OR REPLACE FUNCTION nwd_append(p_stream text, p_expected text, p_events jsonb,
           p_now timestamptz DEFAULT NULL)
         RETURNS TABLE (out_revision bigint, out_position bigint, out_duplicate boolean)
         LANGUAGE sql AS $$ SELECT 0::bigint, 0::bigint, false $$`,
      ),
      dropTable: await refusal('DROP TABLE events'),
    };
    expect(attempts).toEqual({
      update: '42501',
      delete: '42501',
      truncate: '42501',
      insert: '42501',
      streams: '42501',
      disableTrigger: '42501',
      dropTrigger: '42501',
      replaceGuard: '42501',
      replaceAppend: '42501',
      dropTable: '42501',
    });
  });

  it('lets only the owner set recorded_at (p_now, nwd.now)', async () => {
    const args = (at: string | null) => ['note-2', 'any', JSON.stringify([event()]), at];
    expect(
      await refusal(
        'SELECT * FROM nwd_append($1, $2, $3::jsonb, $4)',
        args('2020-01-01T00:00:00Z'),
      ),
    ).toBe('NWD02');
    await runtime.query(`SET nwd.now = '2020-01-01T00:00:00Z'`);
    expect(await refusal('SELECT * FROM nwd_append($1, $2, $3::jsonb, $4)', args(null))).toBe(
      'NWD02',
    );
    await runtime.query('RESET nwd.now');
    expect(await refusal('SELECT * FROM nwd_append($1, $2, $3::jsonb, $4)', args(null))).toBe(
      'allowed',
    );
    const set = await owner.query(
      'SELECT * FROM nwd_append($1, $2, $3::jsonb, $4)',
      args('2020-01-01T00:00:00Z'),
    );
    expect(set.rowCount).toBe(1);
  });

  it('never stamps a later revision of a stream before an earlier one', async () => {
    const at = async (iso: string) =>
      owner.query('SELECT * FROM nwd_append($1, $2, $3::jsonb, $4)', [
        'clock-1',
        'any',
        JSON.stringify([event()]),
        iso,
      ]);
    await at('2025-06-01T12:00:00Z');
    await at('2025-06-01T11:00:00Z'); // a clock (or a transaction) that started earlier
    const rows = (
      await owner.query(
        `SELECT revision, recorded_at FROM events WHERE stream_id = 'clock-1' ORDER BY revision`,
      )
    ).rows as { revision: string; recorded_at: Date }[];
    expect(rows.map((r) => r.recorded_at.toISOString())).toEqual([
      '2025-06-01T12:00:00.000Z',
      '2025-06-01T12:00:00.000Z',
    ]);
    // An as-of read at the first instant sees both revisions, never the second without the first.
    const asOf = await infra.store.readStream('clock-1');
    expect(asOf.map((e) => e.revision)).toEqual([0, 1]);
  });

  it('folds a stream without holes as of every instant it was recorded at, under grouped appends', async () => {
    // 40 appends at once to one stream go through grouped statements: revision n+1 may be in a
    // transaction that started before revision n's.
    await Promise.all(
      Array.from({ length: 40 }, () =>
        infra.store.append('burst-1', [event('Burst')], { expectedRevision: 'any' }),
      ),
    );
    const all = await infra.store.readStream('burst-1');
    expect(all.map((e) => e.revision)).toEqual([...Array(40).keys()]);
    for (const e of all) {
      const asOf = await infra.store.readStream('burst-1', { recordedUpTo: e.recordedAt });
      const revisions = asOf.map((x) => x.revision);
      expect(revisions).toEqual([...Array(revisions.length).keys()]);
      expect(revisions.length).toBeGreaterThan(e.revision);
    }
  });

  it('warns at start when the application runs as the owner', async () => {
    const single = await openInfrastructure(
      { ...loadConfig({}), databaseUrl: database.url, databaseOwnerUrl: null },
      { projections: [], upcasters: [], logTags: [] },
    );
    try {
      expect(single.warnings).toEqual([expect.stringContaining('only as safe as that role')]);
    } finally {
      await single.close();
    }
  });
});
