import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ALL_PROJECTIONS } from '../../apps/composition/composition.js';
import type { AuthenticatedUser } from '../../src/access/index.js';
import { hubWithPeople, apiClient } from '../faults/hub-fixture.js';
import {
  freePort,
  kill,
  runNwd,
  sleep,
  startNwd,
  tokenSigner,
  untilCaughtUp,
  type NwdProcess,
} from '../faults/processes.js';
import { clusterMissing, clusterPorts, PgCluster } from './pg-cluster.js';

const missing = clusterMissing();
if (missing) console.log(`cluster test skipped: ${missing}`);

const WRITERS = 6;
/** No request may take longer than this, whatever the cluster is doing. */
const BOUND_MS = 8000;
const METRICS_TOKEN = 'cluster-test-metrics-token';

interface Seen {
  what: 'write' | 'read';
  api: number;
  status: number;
  code: string | null;
  retryAfter: string | null;
  ms: number;
  at: number;
  error?: string;
  path?: string;
}

/**
 * nwd-hub on a three-node Patroni cluster behind HAProxy, with two API processes and two
 * projectors, under a load of idempotent writes and reads of one's own writes from a replica.
 * Round 1 kills the primary's PostgreSQL, round 2 the primary's whole node, round 3 one API and
 * one projector. Afterwards every acknowledged write is in the log exactly once, `nwd verify`
 * finds every chain whole and every read model equal to a rebuild, and one projector leads every
 * projection.
 */
(missing ? describe.skip : describe)('a Patroni cluster that fails over', () => {
  let cluster: PgCluster;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const apis: { process: NwdProcess; base: string; alive: boolean }[] = [];
  const projectors: NwdProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nwd-cluster-'));
    // A folder of its own: the nodes run as the postgres OS user, who must be able to reach it.
    cluster = new PgCluster(mkdtempSync(join(tmpdir(), 'nwd-pg-')), await clusterPorts());
    const t0 = Date.now();
    await cluster.start();
    console.log(`cluster up in ${Date.now() - t0} ms: ${JSON.stringify(await cluster.roles())}`);
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query(`CREATE ROLE nwd_owner LOGIN PASSWORD 'owner'`);
    await admin.query(`CREATE ROLE nwd_app LOGIN PASSWORD 'app'`);
    await admin.query(`CREATE DATABASE nwd OWNER nwd_owner`);
    await admin.end();
    env = {
      DATABASE_URL: cluster.url('nwd', 'nwd_app'),
      READ_DATABASE_URL: cluster.url('nwd', 'nwd_app', 'replicas'),
      NWD_KEY_FILE: join(dir, 'key.json'),
      PROJECTIONS: 'external',
      METRICS_TOKEN,
      SEAL_INTERVAL_MINUTES: '0',
      READ_WAIT_MS: '3000',
    };
    const migrated = await runNwd(['migrate'], {
      ...env,
      DATABASE_OWNER_URL: cluster.url('nwd', 'nwd_owner'),
    });
    if (migrated.code !== 0) throw new Error(migrated.out);
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const process = await startNwd('start', { ...env, PORT: String(port) });
      apis.push({ process, base: `http://127.0.0.1:${port}`, alive: true });
    }
    for (let i = 0; i < 2; i++) projectors.push(await startNwd('projector', env));
  }, 240_000);

  afterAll(async () => {
    for (const p of [...apis.map((a) => a.process), ...projectors]) {
      if (p.child.exitCode === null && p.child.signalCode === null) await kill(p, 'SIGKILL');
    }
    await cluster?.stop();
    cluster?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads from a replica, and a read given ?after= waits until the replica has replayed the write', async () => {
    const setup = await apiClient(apis[0].base, env.NWD_KEY_FILE!);
    const { worker, people } = await hubWithPeople(setup, 'Replica', 1);
    const replicas = await Promise.all(
      (await cluster.replicaUrls('nwd')).map(async (url) => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        return c;
      }),
    );
    // Patroni sets the replicas' apply delay (it would undo an ALTER SYSTEM or a paused replay);
    // wait until both replicas have it.
    const delay = async (value: string | null) => {
      await cluster.setParameter('recovery_min_apply_delay', value);
      let shown: string[] = [];
      for (let t = 0; t < 60; t++) {
        shown = await Promise.all(
          replicas.map(
            async (r) =>
              (
                await r.query<{ d: string }>(
                  `SELECT current_setting('recovery_min_apply_delay') AS d`,
                )
              ).rows[0].d,
          ),
        );
        if (shown.every((d) => d === (value ?? '0'))) return;
        await sleep(250);
      }
      throw new Error(
        `the replicas did not take recovery_min_apply_delay = ${value}: ${shown.join(', ')}`,
      );
    };
    try {
      expect(replicas).toHaveLength(2);
      // Both replicas hold each commit back 30 s before replaying it; they still receive and
      // flush WAL at once, so commits are still acknowledged by them (synchronous_commit = on
      // waits for the flush).
      await delay('30s');
      const written = await setup.post(worker, `/api/young-people/${people[0]}/contacts`, {
        occurredAt: '2026-01-05T10:00:00Z',
        kind: 'phone',
        notes: 'replica: written while replay is paused',
      });
      expect([written.status, written.body.code]).toEqual([201, undefined]);
      const path = `/api/young-people/${people[0]}/contacts?after=${written.body.position}`;
      const waiting = await setup.get(worker, path);
      expect([waiting.status, waiting.body.code]).toEqual([503, 'READ_MODEL.NOT_CAUGHT_UP']);
      expect(waiting.ms).toBeGreaterThanOrEqual(2900); // READ_WAIT_MS: 3000
      // The write is on the primary all along: only the replica, where queries read, lags.
      const sql = new pg.Client({ connectionString: cluster.url('nwd') });
      await sql.connect();
      const onPrimary = await sql.query(`SELECT 1 FROM events WHERE position = $1`, [
        Number(written.body.position),
      ]);
      await sql.end();
      expect(onPrimary.rowCount).toBe(1);
      const reading = setup.get(worker, path);
      await sleep(300);
      await delay(null);
      const read = await reading;
      expect(read.status).toBe(200);
      expect(JSON.stringify(read.body)).toContain('replica: written while replay is paused');
    } finally {
      await delay(null).catch(() => undefined);
      for (const r of replicas) await r.end();
    }
  });

  it('keeps every acknowledged write through two failovers and the loss of an API and a projector', async () => {
    const setup = await apiClient(apis[0].base, env.NWD_KEY_FILE!);
    const { worker, people } = await hubWithPeople(setup, 'Cluster', WRITERS);
    const sign = await tokenSigner(env.NWD_KEY_FILE!);
    const token = await sign(worker as AuthenticatedUser);
    const seen: Seen[] = [];
    const acknowledged = new Map<string, string>(); // key -> contactId
    let lastPosition = 0;
    let stop = false;

    const call = async (
      api: number,
      what: Seen['what'],
      path: string,
      init: RequestInit = {},
    ): Promise<{ seen: Seen; body: Record<string, unknown> }> => {
      const t0 = performance.now();
      try {
        const res = await fetch(apis[api].base + path, {
          ...init,
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            ...init.headers,
          },
          signal: AbortSignal.timeout(BOUND_MS * 2),
        });
        const text = await res.text();
        const body = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
        const s: Seen = {
          what,
          api,
          status: res.status,
          code: typeof body.code === 'string' ? body.code : null,
          retryAfter: res.headers.get('retry-after'),
          ms: performance.now() - t0,
          at: Date.now(),
          path,
        };
        seen.push(s);
        return { seen: s, body };
      } catch (error) {
        // The API process itself is gone (round 3): the client goes to the other one.
        const s: Seen = {
          what,
          api,
          status: 0,
          code: null,
          retryAfter: null,
          ms: performance.now() - t0,
          at: Date.now(),
          error: String((error as { cause?: unknown }).cause ?? error),
        };
        seen.push(s);
        return { seen: s, body: {} };
      }
    };
    const pick = (n: number) => {
      const alive = apis.map((a, i) => (a.alive ? i : -1)).filter((i) => i >= 0);
      return alive[n % alive.length];
    };

    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const key = `cluster-${w}-${i}`;
        const body = JSON.stringify({
          occurredAt: '2026-01-05T10:00:00Z',
          kind: 'phone',
          notes: `cluster load ${key}`,
        });
        for (let attempt = 0; !stop; attempt++) {
          const { seen: s, body: answer } = await call(
            pick(w + i + attempt),
            'write',
            `/api/young-people/${people[w]}/contacts`,
            { method: 'POST', body, headers: { 'idempotency-key': key } },
          );
          if (s.status === 201 || s.status === 200) {
            acknowledged.set(key, String(answer.contactId));
            lastPosition = Math.max(lastPosition, Number(answer.position ?? 0));
            break;
          }
          await sleep(s.status === 0 ? 50 : 200);
        }
      }
    });
    const reader = (async () => {
      for (let n = 0; !stop; n++) {
        const after = lastPosition > 0 ? `?after=${lastPosition}` : '';
        await call(pick(n), 'read', `/api/caseloads/${worker.id}${after}`);
        await sleep(100);
      }
    })();

    // What Patroni reports, each change with when it was seen (printed at the end).
    const transitions: string[] = [];
    const t0 = Date.now();
    const watcher = (async () => {
      let last = '';
      while (!stop) {
        const r = JSON.stringify(await cluster.roles());
        if (r !== last) transitions.push(`${((Date.now() - t0) / 1000).toFixed(1)} s ${r}`);
        last = r;
        await sleep(250);
      }
    })();

    /** After a fault at `at`: how long until a write started after it was acknowledged. */
    const servedAgain = async (at: number) => {
      for (;;) {
        const ok = seen.find((s) => s.what === 'write' && s.at - s.ms >= at && s.status < 300);
        if (ok) return ok.at - at;
        if (Date.now() - at > 120_000) throw new Error(`not served again\n${cluster.tail()}`);
        await sleep(50);
      }
    };
    /** Patroni has promoted another node than the one killed. */
    const failedOver = async (killed: string) => {
      for (let t = 0; t < 240; t++) {
        const r = await cluster.roles();
        if (r.primary && r.primary !== killed) return;
        await sleep(250);
      }
      throw new Error(`no failover from ${killed}\n${cluster.tail()}`);
    };
    const healed = async () => {
      for (let t = 0; t < 240; t++) {
        const r = await cluster.roles();
        if (r.primary && r.replicas.length === 2 && r.sync && r.oneTimeline) return;
        await sleep(500);
      }
      throw new Error(`the cluster did not heal\n${cluster.tail()}`);
    };

    const rounds: { fault: string; node: string; promotedMs: number; servedAgainMs: number }[] = [];
    try {
      await sleep(3000);
      for (const [fault, killIt] of [
        ["SIGKILL of the primary's PostgreSQL", () => cluster.killPrimaryPostgres()],
        [
          "SIGKILL of the primary's whole node (Patroni and PostgreSQL)",
          () => cluster.killPrimaryNode(),
        ],
      ] as const) {
        const at = Date.now();
        const node = await killIt();
        await failedOver(node);
        const promotedMs = Date.now() - at;
        // Served again: the first write acknowledged that was sent once the new primary was up.
        const servedAgainMs = promotedMs + (await servedAgain(Date.now()));
        rounds.push({ fault, node, promotedMs, servedAgainMs });
        cluster.restartNode(node);
        await healed();
        await sleep(2000);
      }

      apis[1].alive = false;
      await kill(apis[1].process, 'SIGKILL');
      await kill(projectors[0], 'SIGKILL');
      await sleep(4000);
    } finally {
      stop = true;
      await Promise.all([...writers, reader, watcher]);
      console.log(`roles seen:\n${transitions.join('\n')}`);
    }
    await untilCaughtUp(apis[0].base, 300);

    // Every acknowledged write is in the log exactly once, with the id it was acknowledged with.
    const sql = new pg.Client({ connectionString: cluster.url('nwd') });
    await sql.connect();
    try {
      const rows = (
        await sql.query<{ note: string; ids: string[] }>(
          `SELECT data->>'notes' AS note, array_agg(data->>'contactId') AS ids FROM events
            WHERE type = 'ContactLogged' AND data->>'notes' LIKE 'cluster load %' GROUP BY 1`,
        )
      ).rows;
      const byKey = new Map(rows.map((r) => [r.note.replace('cluster load ', ''), r.ids]));
      expect(rows.filter((r) => r.ids.length !== 1)).toEqual([]);
      expect(rows.length).toBe(acknowledged.size);
      for (const [key, id] of acknowledged) expect(byKey.get(key)).toEqual([id]);
      // The projector left alive leads every projection (one session advisory lock each).
      const leaders = (
        await sql.query<{ pid: number; n: string }>(
          `SELECT pid, count(*) AS n FROM pg_locks l
            WHERE locktype = 'advisory' AND granted
              AND objid::int = ANY (SELECT hashtext('lead:' || n) FROM unnest($1::text[]) AS n)
            GROUP BY pid`,
          [ALL_PROJECTIONS.map((p) => p.name)],
        )
      ).rows;
      expect(leaders).toHaveLength(1);
      expect(Number(leaders[0].n)).toBe(ALL_PROJECTIONS.length);
    } finally {
      await sql.end();
    }
    // Every answer was a success or a 503 with Retry-After, in bounded time.
    const answered = seen.filter((s) => s.status !== 0);
    const unexpected = answered.filter((s) => s.status >= 300 && s.status !== 503);
    expect(unexpected.slice(0, 5)).toEqual([]);
    const unavailable = answered.filter((s) => s.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((s) => s.retryAfter !== null)).toBe(true);
    expect(
      unavailable.every((s) =>
        ['STORAGE.UNAVAILABLE', 'READ_MODEL.NOT_CAUGHT_UP'].includes(s.code ?? ''),
      ),
    ).toBe(true);
    const slowest = Math.max(...answered.map((s) => s.ms));
    expect(slowest).toBeLessThan(BOUND_MS);
    // The only requests that got no answer at all went to the API killed in round 3.
    expect(seen.filter((s) => s.status === 0 && s.api !== 1)).toEqual([]);

    const verify = await runNwd(['verify'], env);
    expect(verify.out).toContain('Verified: no fault found.');

    // The surviving API counted the unavailability it answered.
    const metrics = await (
      await fetch(`${apis[0].base}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      })
    ).text();
    expect(metrics).toMatch(/nwd_problems_total\{status="503",code="STORAGE.UNAVAILABLE"\} [1-9]/);
    expect(metrics).toMatch(/nwd_appends_total\{outcome="ok"\} [1-9]/);

    const writes = answered.filter((s) => s.what === 'write' && s.status < 300).map((s) => s.ms);
    writes.sort((a, b) => a - b);
    const p99 = writes[Math.floor(writes.length * 0.99)];
    const figures = {
      acknowledgedWrites: acknowledged.size,
      answers503: unavailable.length,
      rounds,
      writeP99Ms: Math.round(p99),
      slowestAnswerMs: Math.round(slowest),
    };
    console.log(`cluster figures: ${JSON.stringify(figures, null, 2)}`);
  }, 600_000);
});
