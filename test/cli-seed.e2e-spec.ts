import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase } from '#testing/test-database';
import { runNwd } from './faults/processes.js';

const ADMIN_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://nwd_test:nwd_test@127.0.0.1:5432/postgres';

type Db = { url: string; drop: () => Promise<void> };
const rows = async (url: string, sql: string) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await c.end();
  }
};
const LOG = `SELECT event_id::text, stream_id, revision::int, type, data, metadata, recorded_at, hash
               FROM events WHERE stream_id NOT LIKE 'access-%' ORDER BY position`;

/** `nwd seed --hubs --years --seed`, through the handlers and with --fast, on PostgreSQL. */
describe('nwd seed: a synthetic council', () => {
  const dbs: Db[] = [];
  let dir: string;
  const env = (db: Db) => ({ DATABASE_URL: db.url, NWD_KEY_FILE: join(dir, 'key.json') });
  const seed = async (db: Db, ...extra: string[]) => {
    const r = await runNwd(
      ['seed', '--hubs', '1', '--years', '0.2', '--seed', '5', '--no-progress', ...extra],
      env(db),
    );
    expect(r.out).toMatch(/Seeded/);
    expect(r.code).toBe(0);
    return r.out;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nwd-seed-'));
    for (let i = 0; i < 3; i++) dbs.push(await createTestDatabase('nwd_seed', ADMIN_URL));
  });
  afterAll(async () => {
    for (const db of dbs) await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the same log twice for one seed, recorded at the simulated moments', async () => {
    await seed(dbs[0]);
    await seed(dbs[1]);
    const [a, b] = [await rows(dbs[0].url, LOG), await rows(dbs[1].url, LOG)];
    expect(a.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
    const types = new Set(a.map((e) => e.type));
    for (const t of [
      'HubOpened',
      'ReferralReceived',
      'ReferralAccepted',
      'KeyWorkerAllocated',
      'ContactLogged',
      'StaffMemberAdded',
      'DemoUsersRegistered',
    ]) {
      expect(types).toContain(t);
    }
    // The hub's manager and key workers are on its staff list and on the sign-in page.
    const data = (e: Record<string, unknown>) => e.data as Record<string, unknown>;
    const staff = a.filter((e) => e.type === 'StaffMemberAdded').map((e) => data(e).signIn);
    const allocated = new Set(
      a.filter((e) => e.type === 'KeyWorkerAllocated').map((e) => data(e).workerId),
    );
    expect([...allocated].every((id) => staff.includes(id))).toBe(true);
    const users = data(a.find((e) => e.type === 'DemoUsersRegistered')!).users as {
      id: string;
      group: string;
    }[];
    expect(users.map((u) => u.id).sort()).toEqual([...staff].sort());
    expect(new Set(users.map((u) => u.group))).toEqual(new Set(['Generated Hub 1']));
    // Recorded in simulated time, ending by default in the week before today; never late.
    const recorded = a.map((e) => new Date(e.recorded_at as string).getTime());
    expect(Math.max(...recorded)).toBeLessThan(Date.now());
    expect(Math.max(...recorded)).toBeGreaterThan(Date.now() - 14 * 86_400_000);
    const late = a.filter(
      (e) => e.type === 'ContactLogged' && (e.data as { lateRecorded: boolean }).lateRecorded,
    );
    expect(late).toHaveLength(0);
  }, 120_000);

  it('--fast copies the handlers’ events: same shapes, new ids, chains that verify', async () => {
    const out = await seed(dbs[2], '--fast', '--hubs', '3');
    expect(out).toMatch(/3 hub-years/);
    // The copies are the hubs' events; the sign-in page's users are the generator's own.
    const template = (await rows(dbs[0].url, LOG)).filter((e) => e.stream_id !== 'demo-users');
    const fast = await rows(dbs[2].url, LOG);
    expect(fast).toHaveLength(template.length * 3);
    const shape = (e: Record<string, unknown>) =>
      `${e.type as string}:${Object.keys(e.data as object)
        .sort()
        .join(',')}`;
    expect(new Set(fast.map(shape))).toEqual(new Set(template.map(shape)));
    expect(new Set(fast.map((e) => e.event_id)).size).toBe(fast.length);
    const hubs = await rows(
      dbs[2].url,
      "SELECT DISTINCT data->>'hubId' AS hub FROM events WHERE type = 'HubOpened'",
    );
    expect(hubs).toHaveLength(3);
    // The hash chain computed in Node for the copies is the one the database computes.
    const verify = await runNwd(['verify'], env(dbs[2]));
    expect(verify.out).toMatch(/every link holds/);
    expect(verify.code).toBe(0);
  }, 120_000);
});
