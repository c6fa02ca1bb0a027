import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase } from '#testing/test-database';
import { fc } from './fault-random.js';
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
const WRITERS = 8;
const WRITES_PER_WRITER = Number(process.env.CRASH_WRITES ?? 60);
const KILLS = 4;

/**
 * SIGKILL of the API, and separately of the external projector, at random moments under a load
 * of concurrent writers with idempotency keys. Each writer retries its write with the same key
 * until it gets a 2xx (as the offline queue on a phone does). Afterwards: every key is one
 * contact in the log, every acknowledged contact id is that one, and `nwd verify` finds every
 * chain whole and every read model equal to a rebuild.
 */
describe.each([
  ['the API', 'inline'],
  ['the external projector', 'external'],
] as const)('crash: SIGKILL of %s under load', (victim, projections) => {
  let db: { url: string; drop: () => Promise<void> };
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let port: number;
  let api: NwdProcess;
  let projector: NwdProcess | null = null;

  beforeAll(async () => {
    db = await createTestDatabase('nwd_crash', ADMIN_URL);
    dir = mkdtempSync(join(tmpdir(), 'nwd-crash-'));
    port = await freePort();
    env = {
      DATABASE_URL: db.url,
      NWD_KEY_FILE: join(dir, 'key.json'),
      PORT: String(port),
      PROJECTIONS: projections,
    };
    api = await startNwd('start', env);
    if (projections === 'external') projector = await startNwd('projector', env);
  });

  afterAll(async () => {
    for (const p of [api, projector]) if (p && p.child.exitCode === null) await kill(p, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  it('stores every acknowledged write exactly once, retries once, and read models equal a rebuild', async () => {
    const base = `http://127.0.0.1:${port}`;
    const client = await apiClient(base, env.NWD_KEY_FILE!);
    const { worker, people } = await hubWithPeople(client, 'Crash', 6);

    const acknowledged = new Map<string, string>(); // key -> contactId from a 2xx
    let failures = 0;
    let done = false;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < WRITES_PER_WRITER; i++) {
        const key = `crash-${w}-${i}`;
        const path = `/api/young-people/${people[(w + i) % people.length]}/contacts`;
        const body = {
          occurredAt: '2026-01-05T10:00:00Z',
          kind: 'phone',
          notes: `crash load ${key}`,
        };
        for (;;) {
          try {
            const r = await client.post(worker, path, body, key);
            if (r.status === 201 || r.status === 200) {
              acknowledged.set(key, r.body.contactId);
              break;
            }
            failures++;
            if (r.status !== 409 && r.status < 500)
              throw new Error(`${key}: ${r.status} ${JSON.stringify(r.body)}`);
          } catch (error) {
            if (error instanceof Error && error.message.startsWith(key)) throw error;
            failures++;
          }
          await sleep(50);
        }
      }
    });
    const killer = (async () => {
      const rand = fc(20261124);
      for (let k = 0; k < KILLS && !done; k++) {
        await sleep(300 + Math.floor(rand() * 1500));
        if (victim === 'the API') {
          await kill(api);
          api = await startNwd('start', env);
        } else {
          await kill(projector!);
          projector = await startNwd('projector', env);
        }
      }
    })();
    await Promise.all(writers);
    done = true;
    await killer;

    expect(acknowledged.size).toBe(WRITERS * WRITES_PER_WRITER);
    const sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    try {
      const rows = (
        await sql.query<{ contact: string; n: string; note: string }>(
          `SELECT data->>'contactId' AS contact, count(*) AS n, min(data->>'notes') AS note
             FROM events WHERE type = 'ContactLogged' GROUP BY 1`,
        )
      ).rows;
      expect(rows.every((r) => r.n === '1')).toBe(true);
      expect(rows).toHaveLength(WRITERS * WRITES_PER_WRITER);
      const stored = new Map(rows.map((r) => [r.note.replace('crash load ', ''), r.contact]));
      for (const [key, contactId] of acknowledged) expect(stored.get(key)).toBe(contactId);
    } finally {
      await sql.end();
    }
    // Let the projections reach the head of the log, then compare every read model with a rebuild.
    await untilCaughtUp(base, 100);
    const verify = await runNwd(['verify'], env);
    expect(verify.out).toContain('Verified: no fault found.');
    expect(verify.code).toBe(0);
    console.log(
      `crash (${victim}): ${KILLS} SIGKILLs, ${acknowledged.size} writes acknowledged, ${failures} failed attempts retried`,
    );
  }, 300_000);
});
