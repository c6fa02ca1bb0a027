import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openPostgresEventStore, type SqlEventStore } from '#event-store';
import { REPO_ROOT } from '#testing/build';
import { createTestDatabase, type TestDatabase } from '#testing/test-database';
import { syntheticCase } from '../src/young-people/index.js';

const run = promisify(execFile);
const nwd = (args: string[], env: Record<string, string>) =>
  run(process.execPath, [join(REPO_ROOT, 'bin', 'nwd.js'), ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    cwd: REPO_ROOT,
  });

describe('nwd verify and nwd replay on PostgreSQL', () => {
  let database: TestDatabase;
  let store: SqlEventStore;
  let env: Record<string, string>;
  const cases = [0, 1, 2].map((i) => syntheticCase('22222222-2222-4222-8222-222222222222', i));
  beforeAll(async () => {
    database = await createTestDatabase();
    env = { DATABASE_URL: database.url };
    store = await openPostgresEventStore(database.url);
    for (const c of cases) {
      await store.append(`young-person-${c.youngPersonId}`, c.events, {
        expectedRevision: 'no_stream',
      });
    }
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('passes an untouched log, records the result, and replays a case', async () => {
    const { stdout } = await nwd(['verify'], env);
    expect(stdout).toContain('every link holds');
    expect(stdout).toMatch(/caseloads\s+equal/);
    expect(stdout).toContain('Verified: no fault found.');
    const recorded = await store.readStream('integrity-verifications');
    expect(recorded.map((e) => [e.type, e.data.ok])).toEqual([['IntegrityVerified', true]]);

    const replay = await nwd(['replay', cases[1].youngPersonId], env);
    expect(replay.stdout).toContain(`3 events about ${cases[1].youngPersonId}`);
    expect(replay.stdout).toContain('ReferralReceived');
    const json = JSON.parse((await nwd(['replay', cases[1].youngPersonId, '--json'], env)).stdout);
    expect(json.case.summary.status).toBe(
      cases[1].events.some((e) => e.type === 'ReferralAccepted') ? 'accepted' : 'referred',
    );
    const before = JSON.parse(
      (
        await nwd(
          ['replay', cases[1].youngPersonId, '--json', '--as-of', '2000-01-01T00:00:00Z'],
          env,
        )
      ).stdout,
    );
    expect(before.events).toEqual([]);
  }, 60_000);

  it('seeds a demo hub through the API and the demo users, once', async () => {
    const keyEnv = { ...env, NWD_KEY_FILE: join(REPO_ROOT, 'test-results', 'seed-key.json') };
    const first = await nwd(['seed', '--demo'], keyEnv);
    expect(first.stdout).toContain('with 6 generated young people');
    const users = await store.readStream('demo-users');
    expect(users[0].data.users).toHaveLength(4);
    const referrals = await store.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE type = 'ReferralReceived' AND data->'socialWorker'->>'team' = 'Demo Team'`,
    );
    expect(referrals.rows[0].n).toBe(6);
    const again = await nwd(['seed', '--demo'], keyEnv);
    expect(again.stdout).toContain('Nothing added');
  }, 60_000);

  it('finds an event changed in the database behind the log’s back, and exits non-zero', async () => {
    const target = `young-person-${cases[2].youngPersonId}`;
    await store.db.exec('ALTER TABLE events DISABLE TRIGGER events_no_update');
    await store.db.query(
      `UPDATE events SET data = jsonb_set(data, '{reason}', '"rewritten"') WHERE stream_id = $1 AND revision = 0`,
      [target],
    );
    await store.db.exec('ALTER TABLE events ENABLE TRIGGER events_no_update');
    await store.db.query(
      `UPDATE rm_caseloads.cases SET given_name = 'Edited' WHERE young_person_id = $1`,
      [cases[0].youngPersonId],
    );
    const failed = await nwd(['verify'], env).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toContain(`First broken link: stream ${target}, revision 0`);
    expect(failed?.stdout).toMatch(/caseloads\s+DIFFERS: cases/);
    expect(failed?.stdout).toContain('FAULTS FOUND');
    const recorded = await store.readStream('integrity-verifications');
    expect(recorded[recorded.length - 1].data).toMatchObject({
      ok: false,
      chains: { firstBroken: { streamId: target, revision: 0 } },
    });
  }, 60_000);
});
