import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '#testing/test-database';
import { ALL_PROJECTIONS } from '../apps/composition/composition.js';
import type { AuthenticatedUser } from '../src/access/index.js';
import { apiClient, hubWithPeople } from './faults/hub-fixture.js';
import { freePort, kill, sleep, startNwd, type NwdProcess } from './faults/processes.js';

const METRICS_TOKEN = 'many-processes-metrics-token';
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/**
 * Two `nwd start` processes on one PostgreSQL, each keeping its own folded stream states, grouped
 * statements and prepared statements, writing one young person's stream at once. The database
 * decides: a kept state is never served stale, a race has one winner, nothing is lost. Then the
 * service's operating surface: `/metrics`, liveness and readiness, and a graceful SIGTERM.
 */
describe('several API processes on one database', () => {
  let db: TestDatabase;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const apis: { process: NwdProcess; base: string }[] = [];
  let clients: Awaited<ReturnType<typeof apiClient>>[];
  let worker: AuthenticatedUser;
  let people: string[];

  beforeAll(async () => {
    db = await createTestDatabase('nwd_many');
    dir = mkdtempSync(join(tmpdir(), 'nwd-many-'));
    env = {
      DATABASE_URL: db.runtimeUrl ?? db.url,
      DATABASE_OWNER_URL: db.url,
      NWD_KEY_FILE: join(dir, 'key.json'),
      METRICS_TOKEN,
      SHUTDOWN_DELAY_MS: '1500',
    };
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      apis.push({
        process: await startNwd('start', { ...env, PORT: String(port) }),
        base: `http://127.0.0.1:${port}`,
      });
    }
    clients = await Promise.all(apis.map((a) => apiClient(a.base, env.NWD_KEY_FILE!)));
    ({ worker, people } = (await hubWithPeople(clients[0], 'Many', 3)) as {
      worker: AuthenticatedUser;
      people: string[];
    });
  }, 120_000);

  afterAll(async () => {
    for (const a of apis) if (a.process.child.exitCode === null) await kill(a.process, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  const report = (api: number, id: string, startedAt: string) =>
    clients[api].post(worker, `/api/young-people/${id}/missing-episodes`, {
      category: 'M',
      startedAt,
      policeInformed: false,
      circumstances: 'Did not come back',
    });
  const back = (api: number, id: string, episodeId: string, returnedAt: string) =>
    clients[api].post(worker, `/api/young-people/${id}/missing-episodes/${episodeId}/return`, {
      returnedAt,
      whereFound: 'At home',
    });

  it('each process folds in what the other appended before it decides (a kept state is never stale)', async () => {
    const id = people[0];
    // Each step depends on the last, and the two processes take turns: a process deciding on
    // a state it kept from before the other's write would refuse (or allow) the wrong thing.
    for (let k = 0; k < 8; k++) {
      const reported = await report(k % 2, id, hoursAgo(200 - k * 10));
      expect([reported.status, reported.body.code]).toEqual([201, undefined]);
      const twice = await report((k + 1) % 2, id, hoursAgo(199 - k * 10));
      expect([twice.status, twice.body.code]).toEqual([409, 'MISSING.EPISODE_OPEN']);
      const returned = await back((k + 1) % 2, id, reported.body.episodeId, hoursAgo(198 - k * 10));
      expect(returned.status).toBe(200);
    }
  });

  it('two processes reporting the same young person missing at once: one wins, one is refused', async () => {
    const id = people[1];
    for (let k = 0; k < 8; k++) {
      const both = await Promise.all([0, 1].map((api) => report(api, id, hoursAgo(200 - k * 10))));
      const statuses = both.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409]);
      const won = both.find((r) => r.status === 201)!;
      const lost = both.find((r) => r.status === 409)!;
      expect(['MISSING.EPISODE_OPEN', 'MISSING.OVERLAPS']).toContain(lost.body.code);
      expect((await back(k % 2, id, won.body.episodeId, hoursAgo(198 - k * 10))).status).toBe(200);
    }
  });

  it('contacts written to one stream by both processes at once are all kept, one revision each', async () => {
    const id = people[2];
    const writes = await Promise.all(
      Array.from({ length: 32 }, (_, i) =>
        clients[i % 2].post(worker, `/api/young-people/${id}/contacts`, {
          occurredAt: hoursAgo(5),
          kind: 'phone',
          notes: `both processes ${i}`,
        }),
      ),
    );
    expect(writes.map((w) => w.status).filter((s) => s !== 201)).toEqual([]);
    const sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    try {
      const r = await sql.query<{ n: string; revisions: string; distinct_ids: string }>(
        `SELECT count(*) AS n, count(DISTINCT revision) AS revisions,
                count(DISTINCT data->>'contactId') AS distinct_ids
           FROM events WHERE stream_id = $1 AND type = 'ContactLogged'`,
        [`outreach-${id}`],
      );
      expect(r.rows[0]).toEqual({ n: '32', revisions: '32', distinct_ids: '32' });
      const ids = new Set(writes.map((w) => w.body.contactId));
      expect(ids.size).toBe(32);
    } finally {
      await sql.end();
    }
  });

  it('serves /metrics to the scraper alone, in Prometheus format', async () => {
    const none = await fetch(`${apis[0].base}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const wrong = await fetch(`${apis[0].base}/metrics`, {
      headers: { authorization: 'Bearer not-the-metrics-token' },
    });
    expect(wrong.status).toBe(401);
    const res = await fetch(`${apis[0].base}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0.0.4/);
    const text = await res.text();
    // Requests by route pattern (never an id), with latency.
    expect(text).toMatch(
      /nwd_http_requests_total\{method="POST",route="\/api\/young-people\/:id\/contacts",status="201"\} \d+/,
    );
    expect(text).toMatch(/nwd_http_request_duration_seconds_bucket\{le="0.005",method="POST"/);
    expect(text).not.toMatch(new RegExp(people[0]));
    // Appends, conflicts, projections, the database, seals and kept states.
    expect(text).toMatch(/nwd_appends_total\{outcome="ok"\} [1-9]/);
    expect(text).toMatch(/nwd_append_duration_seconds_count [1-9]/);
    expect(text).toMatch(/nwd_concurrency_conflicts_total \d+/);
    expect(text).toMatch(/nwd_projection_lag_events\{projection="caseloads"\} \d+/);
    expect(text).toMatch(/nwd_projection_state\{projection="caseloads",state="failed"\} 0/);
    expect(text).toMatch(/nwd_oldest_open_transaction_seconds \d/);
    expect(text).toMatch(/nwd_kept_states\{measure="states"\} [1-9]/);
    expect(text).toMatch(/nwd_refused_requests_total\{status="401"\} [1-9]/);
    expect(text).toMatch(/process_resident_memory_bytes \d+/);
    // Between the two processes, every projection is led exactly once.
    const led = new Map<string, number>();
    for (const a of apis) {
      const t = await (
        await fetch(`${a.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
      ).text();
      for (const m of t.matchAll(/nwd_projection_led\{projection="(\w+)"\} (\d)/g)) {
        led.set(m[1], (led.get(m[1]) ?? 0) + Number(m[2]));
      }
    }
    expect([...led.keys()].sort()).toEqual(ALL_PROJECTIONS.map((p) => p.name).sort());
    expect([...led.values()].every((n) => n === 1)).toBe(true);
  });

  it('is live and ready; on SIGTERM it answers not-ready, finishes what is in flight and hands its projections over', async () => {
    for (const a of apis) {
      expect((await fetch(`${a.base}/health/live`)).status).toBe(200);
      const ready = await fetch(`${a.base}/health/ready`);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { status: string }).status).toBe('ok');
    }
    const [, leaving] = apis;
    const outcomes: string[] = [];
    let stop = false;
    // The clients behave as a load balancer does: they send to the leaving process until its
    // readiness fails, then to the other.
    let leavingReady = true;
    const watch = (async () => {
      while (leavingReady && !stop) {
        const r = await fetch(`${leaving.base}/health/ready`).catch(() => null);
        if (r?.status !== 200) leavingReady = false;
        await sleep(100);
      }
    })();
    const load = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const to = leavingReady ? 1 : 0;
        try {
          const r = await clients[to].post(worker, `/api/young-people/${people[w % 3]}/contacts`, {
            occurredAt: hoursAgo(2),
            kind: 'phone',
            notes: `shutdown ${w}-${i}`,
          });
          outcomes.push(`${to}:${r.status}`);
        } catch (error) {
          const cause = (error as { cause?: { code?: string } }).cause;
          outcomes.push(`${to}:${cause?.code ?? String(error)}`);
        }
      }
    });
    await sleep(500);
    leaving.process.child.kill('SIGTERM');
    await sleep(300);
    const draining = await fetch(`${leaving.base}/health/ready`);
    expect(draining.status).toBe(503);
    expect(((await draining.json()) as { error: object }).error).toEqual({
      process: { status: 'down', message: 'shutting down' },
    });
    expect(await leaving.process.exited).toBe(0);
    await sleep(300);
    stop = true;
    await Promise.all([...load, watch]);
    // Every request was answered in full, by the leaving process until it was not ready, then
    // by the other one.
    expect(outcomes.filter((o) => !o.endsWith(':201'))).toEqual([]);
    expect(outcomes.filter((o) => o === '1:201').length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === '0:201').length).toBeGreaterThan(0);
    // The process left its projections to the other one.
    const sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    try {
      let leaders: { pid: number; n: string }[] = [];
      for (let t = 0; t < 40; t++) {
        leaders = (
          await sql.query<{ pid: number; n: string }>(
            `SELECT pid, count(*) AS n FROM pg_locks
              WHERE locktype = 'advisory' AND granted AND database = (
                SELECT oid FROM pg_database WHERE datname = current_database())
                AND objid::int = ANY (SELECT hashtext('lead:' || n) FROM unnest($1::text[]) AS n)
              GROUP BY pid`,
            [ALL_PROJECTIONS.map((p) => p.name)],
          )
        ).rows;
        if (leaders.length === 1 && Number(leaders[0].n) === ALL_PROJECTIONS.length) break;
        await sleep(100);
      }
      expect(leaders).toHaveLength(1);
      expect(Number(leaders[0].n)).toBe(ALL_PROJECTIONS.length);
    } finally {
      await sql.end();
    }
    expect((await fetch(`${apis[0].base}/health/ready`)).status).toBe(200);
  });
});
