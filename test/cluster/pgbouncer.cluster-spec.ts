import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '#testing/test-database';
import { apiClient, hubWithPeople } from '../faults/hub-fixture.js';
import { freePort, kill, runNwd, sleep, startNwd } from '../faults/processes.js';
import { postgresUser } from './pg-cluster.js';

const PGBOUNCER = '/usr/sbin/pgbouncer';
if (!existsSync(PGBOUNCER)) {
  console.log('PgBouncer test skipped: no /usr/sbin/pgbouncer (apt-get install pgbouncer)');
}

/**
 * The API behind PgBouncer in transaction mode, where each transaction may get another server
 * connection: named prepared statements and session locks do not survive that. With
 * DATABASE_POOLING=transaction the API sends statements unprepared and runs no session of its
 * own, and a load of concurrent writes and reads is all answered; with the default it is not.
 */
(existsSync(PGBOUNCER) ? describe : describe.skip)('behind PgBouncer in transaction mode', () => {
  let db: TestDatabase;
  let dir: string;
  let bouncer: ChildProcess;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase('nwd_bouncer');
    dir = mkdtempSync(join(tmpdir(), 'nwd-bouncer-'));
    const port = await freePort();
    const target = new URL(db.url);
    writeFileSync(
      join(dir, 'userlist.txt'),
      `"${decodeURIComponent(target.username)}" "${decodeURIComponent(target.password)}"\n`,
    );
    writeFileSync(
      join(dir, 'pgbouncer.ini'),
      `[databases]
* = host=${target.hostname} port=${target.port || 5432}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = scram-sha-256
auth_file = ${join(dir, 'userlist.txt')}
pool_mode = transaction
default_pool_size = 3
max_client_conn = 200
logfile = ${join(dir, 'pgbouncer.log')}
pidfile = ${join(dir, 'pgbouncer.pid')}
`,
    );
    // PgBouncer refuses to run as root: as root, it runs as the postgres OS user.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      const { uid, gid } = postgresUser();
      for (const f of ['', 'userlist.txt', 'pgbouncer.ini']) chownSync(join(dir, f), uid, gid);
    }
    const ini = join(dir, 'pgbouncer.ini');
    bouncer = asRoot
      ? spawn('/usr/sbin/runuser', ['-u', 'postgres', '--', PGBOUNCER, ini], { stdio: 'ignore' })
      : spawn(PGBOUNCER, [ini], { stdio: 'ignore' });
    for (let t = 0; t < 50 && !existsSync(join(dir, 'pgbouncer.pid')); t++) await sleep(100);
    target.host = `127.0.0.1:${port}`;
    url = target.toString();
  }, 60_000);

  afterAll(async () => {
    bouncer?.kill('SIGKILL');
    const pid = existsSync(join(dir, 'pgbouncer.pid'))
      ? Number(readFileSync(join(dir, 'pgbouncer.pid'), 'utf8'))
      : 0;
    if (pid) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  /** 12 writers x 15 contacts and a reader of its own writes, through the pooler. */
  async function load(pooling: 'session' | 'transaction', tag: string) {
    const env = {
      DATABASE_URL: url,
      // Migrations take a session lock: the owner's connection goes straight to PostgreSQL.
      DATABASE_OWNER_URL: db.url,
      DATABASE_POOLING: pooling,
      NWD_KEY_FILE: join(dir, 'key.json'),
      PORT: String(await freePort()),
    };
    const api = await startNwd('start', env);
    try {
      const client = await apiClient(`http://127.0.0.1:${env.PORT}`, env.NWD_KEY_FILE);
      const statuses: number[] = [];
      let setUp;
      try {
        setUp = await hubWithPeople(client, tag, 4);
      } catch {
        return { statuses: [500], env };
      }
      const { worker, people } = setUp;
      await Promise.all(
        Array.from({ length: 12 }, async (_, w) => {
          for (let i = 0; i < 15; i++) {
            const r = await client.post(worker, `/api/young-people/${people[w % 4]}/contacts`, {
              occurredAt: '2026-01-05T10:00:00Z',
              kind: 'phone',
              notes: `${tag} ${w}-${i}`,
            });
            statuses.push(r.status);
            const read = await client.get(
              worker,
              `/api/young-people/${people[w % 4]}/contacts?after=${r.body.position ?? 0}`,
            );
            statuses.push(read.status);
          }
        }),
      );
      return { statuses, env };
    } finally {
      await kill(api, 'SIGTERM');
    }
  }

  it('with DATABASE_POOLING=transaction every request is answered and the log verifies', async () => {
    const { statuses, env } = await load('transaction', 'Bouncer');
    expect(statuses.filter((s) => s !== 200 && s !== 201)).toEqual([]);
    expect(statuses).toHaveLength(360);
    const verify = await runNwd(['verify'], { ...env, DATABASE_URL: db.url });
    expect(verify.out).toContain('Verified: no fault found.');
  }, 180_000);

  it('without it, prepared statements break behind the pooler (why the setting exists)', async () => {
    const { statuses } = await load('session', 'Unset');
    expect(statuses.filter((s) => s >= 500).length).toBeGreaterThan(0);
  }, 180_000);
});
