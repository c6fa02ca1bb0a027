import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase } from '#testing/test-database';
import { apiClient, hubWithPeople, type Call } from './hub-fixture.js';
import { freePort, kill, runNwd, sleep, startNwd, type NwdProcess } from './processes.js';

const ADMIN_URL =
  process.env.TEST_DATABASE_URL ?? 'postgresql://nwd_test:nwd_test@127.0.0.1:5432/postgres';
type Phase = 'before' | 'down' | 'after' | 'transition';
const CLUSTER = process.env.PG_CLUSTER ?? '15 main';

/** The PostgreSQL the tests use is the local Debian cluster: root can stop and start it. */
const canRestart =
  process.getuid?.() === 0 &&
  existsSync('/usr/bin/pg_ctlcluster') &&
  !process.env.DATABASE_IS_REMOTE;
const cluster = (action: 'stop' | 'start') =>
  execFileSync(
    'pg_ctlcluster',
    [
      '--skip-systemctl-redirect',
      ...CLUSTER.split(' '),
      action,
      ...(action === 'stop' ? ['-m', 'fast'] : []),
    ],
    { stdio: 'ignore' },
  );

if (!canRestart) {
  console.log('database restart test skipped: needs root and the local Debian PostgreSQL cluster');
}

/**
 * PostgreSQL is stopped for several seconds in the middle of a load of writes and reads, then
 * started again. While it is down every request answers 503 problem+json at once (no hang, no
 * 500); afterwards the same API process serves again without a restart, every write retried with
 * its key is stored once, and the read models equal a rebuild.
 */
(canRestart ? describe : describe.skip)('database restart under load', () => {
  let db: { url: string; drop: () => Promise<void> };
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let api: NwdProcess;

  beforeAll(async () => {
    db = await createTestDatabase('nwd_restart', ADMIN_URL);
    dir = mkdtempSync(join(tmpdir(), 'nwd-restart-'));
    env = {
      DATABASE_URL: db.url,
      NWD_KEY_FILE: join(dir, 'key.json'),
      PORT: String(await freePort()),
    };
    api = await startNwd('start', env);
  });

  afterAll(async () => {
    if (api.child.exitCode === null) await kill(api, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('answers 503 problem+json while it is down and recovers without a restart', async () => {
    const client = await apiClient(`http://127.0.0.1:${env.PORT}`, env.NWD_KEY_FILE!);
    const { worker, people } = await hubWithPeople(client, 'Restart', 4);
    let phase = 'before' as Phase;
    const seen: (Call & { phase: Phase; what: string })[] = [];
    const acknowledged = new Map<string, string>();
    let stop = false;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const key = `restart-${w}-${i}`;
        const body = {
          occurredAt: '2026-01-05T10:00:00Z',
          kind: 'phone',
          notes: `restart load ${key}`,
        };
        for (;;) {
          const at = phase;
          const r = await client.post(worker, `/api/young-people/${people[w]}/contacts`, body, key);
          seen.push({ ...r, phase: at === phase ? at : 'transition', what: 'write' });
          if (r.status === 201 || r.status === 200) {
            acknowledged.set(key, r.body.contactId);
            break;
          }
          await sleep(100);
        }
      }
    });
    const reader = (async () => {
      while (!stop) {
        const at = phase;
        const r = await client.get(worker, `/api/caseloads/${worker.id}`);
        seen.push({ ...r, phase: at === phase ? at : 'transition', what: 'read' });
        await sleep(50);
      }
    })();
    await sleep(1500);
    cluster('stop');
    phase = 'down';
    await sleep(4000);
    const health = await fetch(`http://127.0.0.1:${env.PORT}/health`);
    expect(health.status).toBe(503);
    cluster('start');
    phase = 'after';
    const back = Date.now();
    let recovered = 0;
    while (Date.now() - back < 30_000) {
      const r = await client.get(worker, `/api/caseloads/${worker.id}`);
      if (r.status === 200) {
        recovered = Date.now() - back;
        break;
      }
      await sleep(100);
    }
    await sleep(1500);
    stop = true;
    await Promise.all([...writers, reader]);

    const down = seen.filter((c) => c.phase === 'down');
    expect(down.length).toBeGreaterThan(10);
    expect(down.every((c) => c.status === 503)).toBe(true);
    expect(down.every((c) => c.contentType.startsWith('application/problem+json'))).toBe(true);
    expect(down.every((c) => c.body.code === 'STORAGE.UNAVAILABLE')).toBe(true);
    expect(Math.max(...down.map((c) => c.ms))).toBeLessThan(3500);
    expect(seen.filter((c) => c.status >= 500 && c.status !== 503)).toEqual([]);
    expect(recovered).toBeGreaterThan(0);
    expect(seen.filter((c) => c.phase === 'after' && c.status === 201).length).toBeGreaterThan(0);

    const sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    try {
      const rows = (
        await sql.query<{ note: string; n: string }>(
          `SELECT data->>'notes' AS note, count(*) AS n FROM events
            WHERE type = 'ContactLogged' GROUP BY 1`,
        )
      ).rows;
      expect(rows.every((r) => r.n === '1')).toBe(true);
      expect(rows).toHaveLength(acknowledged.size);
    } finally {
      await sql.end();
    }
    const verify = await runNwd(['verify'], env);
    expect(verify.out).toContain('Verified: no fault found.');
    console.log(
      `database restart: ${down.length} requests while down, all 503 in at most ${Math.max(...down.map((c) => c.ms)).toFixed(0)} ms; served again ${recovered} ms after the start; ${acknowledged.size} writes stored once`,
    );
  }, 180_000);
});
