import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { NWD_MODEL } from '../../apps/composition/composition.js';
import { createTestDatabase, type TestDatabase } from '#testing/test-database';
import { apiClient, hubWithPeople } from './hub-fixture.js';
import {
  freePort,
  kill,
  runNwd,
  sleep,
  startNwd,
  untilCaughtUp,
  type NwdProcess,
} from './processes.js';

const ADMIN_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://nwd_test:nwd_test@127.0.0.1:5432/postgres';
const PROJECTIONS = NWD_MODEL.projections.length;

/**
 * Three `nwd projector` processes on one database: each projection is led by exactly one of them
 * at any moment; SIGKILL the leaders one after another under a load of writes and the others take
 * their projections over within seconds; afterwards every read model equals a rebuild.
 */
describe('projection leadership across three projector processes (PostgreSQL)', () => {
  let db: TestDatabase;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let api: NwdProcess;
  const projectors: NwdProcess[] = [];
  let sql: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase('nwd_lead', ADMIN_URL);
    dir = mkdtempSync(join(tmpdir(), 'nwd-lead-'));
    env = {
      DATABASE_URL: db.runtimeUrl ?? db.url,
      DATABASE_OWNER_URL: db.url,
      NWD_KEY_FILE: join(dir, 'key.json'),
      PORT: String(await freePort()),
      PROJECTIONS: 'external',
    };
    api = await startNwd('start', env);
    for (let i = 0; i < 3; i++) projectors.push(await startNwd('projector', env));
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    for (const p of [api, ...projectors])
      if (p && p.child.exitCode === null) await kill(p, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  /** Leadership locks held now: how many, by how many backends. */
  const leaders = async () => {
    const r = await sql.query<{ pid: number; held: string }>(
      `SELECT l.pid, count(*) AS held FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database()
         AND a.application_name LIKE '%-leader'
       GROUP BY l.pid`,
    );
    return {
      locks: r.rows.reduce((n, row) => n + Number(row.held), 0),
      pids: r.rows.map((row) => row.pid),
    };
  };
  const allLedWithin = async (ms: number) => {
    const started = Date.now();
    while (Date.now() - started < ms) {
      const now = await leaders();
      if (now.locks === PROJECTIONS) return { ...now, after: Date.now() - started };
      await sleep(100);
    }
    return { ...(await leaders()), after: ms };
  };

  it('leads each projection once, hands it over on SIGKILL, and loses nothing', async () => {
    const base = `http://127.0.0.1:${env.PORT}`;
    const client = await apiClient(base, env.NWD_KEY_FILE!);
    const { worker, people } = await hubWithPeople(client, 'Lead', 4);
    const first = await allLedWithin(10_000);
    expect(first.locks).toBe(PROJECTIONS);

    let written = 0;
    let done = false;
    const writer = (async () => {
      for (let i = 0; !done; i++) {
        const r = await client
          .post(
            worker,
            `/api/young-people/${people[i % people.length]}/contacts`,
            {
              occurredAt: '2026-01-05T10:00:00Z',
              kind: 'phone',
              notes: `leadership ${i}`,
            },
            `lead-${i}`,
          )
          .catch(() => null);
        if (r && (r.status === 201 || r.status === 200)) written++;
        await sleep(20);
      }
    })();

    const takeovers: number[] = [];
    for (let round = 0; round < 2; round++) {
      // The oldest projector alive: the first one leads every projection to begin with.
      const victims = projectors.filter((p) => p.child.exitCode === null);
      const victim = victims[0];
      await kill(victim);
      const after = await allLedWithin(10_000);
      expect(after.locks).toBe(PROJECTIONS);
      takeovers.push(after.after);
      // Each lock is held once (a lock cannot be granted twice), by the processes still alive.
      expect(after.pids.length).toBeLessThanOrEqual(victims.length - 1);
      await sleep(500);
    }
    done = true;
    await writer;

    // The last projector leads everything and catches up; every read model equals a rebuild.
    await untilCaughtUp(base);
    const verify = await runNwd(['verify'], env);
    expect(verify.out).toContain('Verified: no fault found.');
    expect(written).toBeGreaterThan(20);
    console.log(
      `leadership: ${PROJECTIONS} projections over 3 projectors, 2 SIGKILLs, taken over in ${takeovers.join(' and ')} ms, ${written} writes meanwhile`,
    );
  }, 300_000);
});
