import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadOrCreateLocalKeys, signLocalToken } from '../src/access/index.js';
import type { AuthenticatedUser } from '../src/access/index.js';
import { readFileSync } from 'node:fs';
import { PostgresDatabase } from '#event-store';
import { rawInserts } from './append.js';
import { fmt, ms, scratchDatabase, type BenchRow } from './bench-support.js';

const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 8);
const WORKERS = 50;
const PROJECTIONS = process.env.BENCH_HTTP_PROJECTIONS ?? 'inline';
const CASELOAD = 4;
/** BENCH_HTTP_CONNECTIONS=1 measures one concurrency (for a profile of it); the default, all three. */
const CONNECTIONS = (process.env.BENCH_HTTP_CONNECTIONS ?? '1,10,50').split(',').map(Number);

/** Starts a server process and resolves with its port once it says it listens. */
function server(
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<{ port: number; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        // BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API process.
        ...(script.endsWith('main.js')
          ? (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean)
          : []),
        script,
        ...(script.endsWith('main.js') ? ['start'] : []),
      ],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\d+)|running at http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) resolve({ port: Number(m[1] ?? m[2]), child });
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}: ${out}`)));
  });
}

/** A process's name and CPU time (user + system, ms) so far, from /proc (ticks of 10 ms). */
function statOf(pid: number | string): { name: string; cpuMs: number } {
  const line = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = line.slice(line.lastIndexOf(') ') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command's name.
  const name = line.slice(line.indexOf('(') + 1, line.lastIndexOf(') '));
  return { name, cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 };
}

const cpuMsOf = (pid: number) => statOf(pid).cpuMs;

/**
 * CPU time used so far by each process of the PostgreSQL on this machine (its backends, WAL
 * writer, checkpointer, autovacuum), by pid; empty when there is none here (a remote
 * BENCH_DATABASE_URL).
 */
function postgresCpu(): Map<string, number> {
  const byPid = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const { name, cpuMs } = statOf(pid);
      if (name === 'postgres') byPid.set(pid, cpuMs);
    } catch {
      // The process ended while the list was read.
    }
  }
  return byPid;
}

/**
 * PostgreSQL's CPU between two readings: what each process running at the end used since the
 * start (all of it if it started since). A process that ended meanwhile (an autovacuum worker)
 * takes its time with it; the servers keep their pools open through a load. NaN without one.
 */
function postgresCpuSince(before: Map<string, number>): number {
  const after = postgresCpu();
  if (after.size === 0) return NaN;
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** A load, and the CPU the server process and PostgreSQL spent per request while it ran. */
async function load(
  url: string,
  connections: number,
  opts: Partial<autocannon.Options>,
  serverPid: number,
  seconds = SECONDS,
) {
  const [cpu0, pg0] = [cpuMsOf(serverPid), postgresCpu()];
  const r = await autocannon({ url, connections, duration: seconds, ...opts });
  const cpuMs = (cpuMsOf(serverPid) - cpu0) / r.requests.total;
  const pgMs = postgresCpuSince(pg0) / r.requests.total;
  const bad = r.non2xx + r.errors + r.timeouts;
  if (bad > 0) throw new Error(`${url}: ${bad} of ${r.requests.total} requests failed`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, cpuMs, pgMs };
}

/** The server's CPU per request, and PostgreSQL's where it runs on this machine. */
const cpu = (x: { cpuMs: number; pgMs: number }) =>
  `${x.cpuMs.toFixed(2)} ms CPU/request` +
  (Number.isNaN(x.pgMs) ? '' : ` + PostgreSQL ${x.pgMs.toFixed(2)} ms`);

/**
 * HTTP end to end on the real API process (PostgreSQL, projections inline): a key worker logs a
 * contact (validate, authorise, read, decide, append, access log) and reads their caseload,
 * against a bare Nest route in another process on the same machine, at 1, 10 and 50 connections.
 */
export async function httpFigures(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const db = await scratchDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'nwd-bench-http-'));
  const keyFile = join(dir, 'key.json');
  const api = await server('dist/apps/cli/main.js', {
    DATABASE_URL: db.url,
    NWD_KEY_FILE: keyFile,
    PORT: '0',
    LOG_LEVEL: 'warn',
    // BENCH_HTTP_PROJECTIONS=external: read models in their own process (docker-compose's shape).
    PROJECTIONS: PROJECTIONS,
  });
  const projector =
    PROJECTIONS === 'external'
      ? spawn(process.execPath, ['dist/apps/cli/main.js', 'projector'], {
          env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
          stdio: 'ignore',
        })
      : null;
  const bare = await server('dist/bench/bare-app.js', { PORT: '0', DATABASE_URL: db.url });
  try {
    const base = `http://127.0.0.1:${api.port}`;
    const keys = await loadOrCreateLocalKeys(keyFile);
    const token = (u: AuthenticatedUser) => signLocalToken(keys, u, '60m');
    const call = async (u: AuthenticatedUser, path: string, body?: unknown) => {
      const res = await fetch(base + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${await token(u)}`, 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, string>;
    };
    const admin = {
      id: 'bench-admin',
      name: 'Admin',
      roles: ['admin'],
      hubs: [],
    } as AuthenticatedUser;
    const { hubId } = await call(admin, '/api/hubs', {
      name: 'Bench Hub',
      council: 'Bench Council',
      plannedBeds: 4,
      emergencyBeds: 2,
    });
    const manager = {
      id: 'bench-mgr',
      name: 'Manager',
      roles: ['hub_manager'],
      hubs: [hubId],
    } as AuthenticatedUser;
    // Each connection is a different key worker with a caseload of their own, as in a hub:
    // one user's requests append to one access-log stream, and so queue behind each other.
    const workers: { user: AuthenticatedUser; auth: string; people: string[] }[] = [];
    for (let w = 0; w < WORKERS; w++) {
      const user = {
        id: `bench-kw-${w}`,
        name: `Key Worker ${w}`,
        roles: ['key_worker'],
        hubs: [hubId],
      } as AuthenticatedUser;
      const people: string[] = [];
      for (let i = 0; i < CASELOAD; i++) {
        const { youngPersonId } = await call(manager, '/api/referrals', {
          hubId,
          category: 'edge_of_care',
          youngPerson: {
            givenName: `Given${w}x${i}`,
            familyName: 'Generated',
            dateOfBirth: '2010-03-04',
          },
          socialWorker: { name: 'Generated Social Worker', team: 'Team A' },
          reason: 'generated for the benchmark',
        });
        await call(manager, `/api/young-people/${youngPersonId}/accept`);
        await call(manager, `/api/young-people/${youngPersonId}/key-worker`, {
          workerId: user.id,
          workerName: user.name,
        });
        people.push(youngPersonId);
      }
      workers.push({ user, auth: `Bearer ${await token(user)}`, people });
    }
    let nextClient = 0;
    const asWorker = (client: autocannon.Client) => {
      const w = workers[nextClient++ % WORKERS];
      let n = 0;
      client.setHeaders({ authorization: w.auth, 'content-type': 'application/json' });
      return { w, next: () => w.people[n++ % CASELOAD] };
    };
    const contact = JSON.stringify({
      occurredAt: '2026-01-05T10:00:00Z',
      kind: 'phone',
      notes: 'Generated: a check-in call',
    });
    // The commit floor: single-row INSERTs from one writer on the same database, this run.
    const floorDb = new PostgresDatabase(db.url);
    const floor = await rawInserts(floorDb, 1, 'http_floor', 3000).finally(() => floorDb.close());
    const [apiPid, barePid] = [api.child.pid!, bare.child.pid!];
    const bareUrl = `http://127.0.0.1:${bare.port}`;
    const post: Partial<autocannon.Options> = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: contact,
    };
    /** Each load of a round, by name: its server and what its connections send. */
    const loads = {
      bareWrite: (c: number, s?: number) => load(`${bareUrl}/bare`, c, post, barePid, s),
      write: (c: number, s?: number) =>
        load(
          base,
          c,
          {
            setupClient: (client) => {
              const { next } = asWorker(client);
              client.setRequests([
                {
                  method: 'POST',
                  body: contact,
                  setupRequest: (req) => ({ ...req, path: `/api/young-people/${next()}/contacts` }),
                },
              ]);
            },
          },
          apiPid,
          s,
        ),
      bareRead: (c: number, s?: number) => load(`${bareUrl}/bare`, c, {}, barePid, s),
      // The same bare routes making the request's round trips to PostgreSQL (bench/bare-app.ts).
      bareDbWrite: (c: number, s?: number) => load(`${bareUrl}/bare/db`, c, post, barePid, s),
      bareDbRead: (c: number, s?: number) => load(`${bareUrl}/bare/db`, c, {}, barePid, s),
      read: (c: number, s?: number) =>
        load(
          base,
          c,
          {
            setupClient: (client) => {
              const { w } = asWorker(client);
              client.setRequests([{ method: 'GET', path: `/api/caseloads/${w.user.id}` }]);
            },
          },
          apiPid,
          s,
        ),
    };
    // Every route is warmed up first (V8 compiles what runs often), so the first figures
    // measured are not its warm-up: 2 s of each at 10 connections, not reported.
    for (const warm of Object.values(loads)) await warm(10, 2);
    for (const connections of CONNECTIONS) {
      const bareWrite = await loads.bareWrite(connections);
      const write = await loads.write(connections);
      const bareRead = await loads.bareRead(connections);
      const bareDbWrite = await loads.bareDbWrite(connections);
      const bareDbRead = await loads.bareDbRead(connections);
      const read = await loads.read(connections);
      const where = `${PROJECTIONS === 'external' ? ', projector in its own process' : ''}, ${connections} connection${connections > 1 ? 's' : ''}`;
      for (const [what, ours, baseline, target] of [
        ['log a contact (POST)', write, bareWrite, connections === 50 ? '>= 0.5, p99 < 40 ms' : ''],
        ['read a caseload (GET)', read, bareRead, connections === 50 ? '>= 0.5' : ''],
      ] as const) {
        rows.push({
          figure: `HTTP ${what}${where} (requests/s; p50/p99; CPU per request: the API's + PostgreSQL's)`,
          value: `${fmt(ours.rps)}; ${ms(ours.p50)} / ${ms(ours.p99)}; ${cpu(ours)}`,
          baseline: `bare Nest route ${fmt(baseline.rps)}; ${ms(baseline.p50)} / ${ms(baseline.p99)}; ${cpu(baseline)}`,
          ratio: (ours.rps / baseline.rps).toFixed(2),
          target,
        });
        console.log(rows.at(-1));
      }
      for (const [what, ours, baseline, trips] of [
        ['log a contact (POST)', write, bareDbWrite, 'two reads and an INSERT'],
        ['read a caseload (GET)', read, bareDbRead, 'a read and an INSERT'],
      ] as const) {
        rows.push({
          figure: `HTTP ${what}${where}, against a bare route making its round trips (requests/s)`,
          value: fmt(ours.rps),
          baseline: `bare Nest route with ${trips}: ${fmt(baseline.rps)}; ${ms(baseline.p50)} / ${ms(baseline.p99)}; ${cpu(baseline)}`,
          ratio: (ours.rps / baseline.rps).toFixed(2),
          target: '',
        });
        console.log(rows.at(-1));
      }
      if (connections === 1) {
        // A write's floor is one durable commit: one connection against one raw INSERT writer.
        rows.push({
          figure: `HTTP log a contact (POST)${where}, against the commit floor (requests/s)`,
          value: fmt(write.rps),
          baseline: `raw INSERT, 1 writer, ${fmt(floor)} rows/s`,
          ratio: (write.rps / floor).toFixed(2),
          target: '>= 0.5',
        });
        // What the target leaves: the bare route making the same round trips, against the floor.
        rows.push({
          figure: `HTTP bare Nest route with a contact's round trips${where}, against the commit floor (requests/s)`,
          value: fmt(bareDbWrite.rps),
          baseline: `raw INSERT, 1 writer, ${fmt(floor)} rows/s`,
          ratio: (bareDbWrite.rps / floor).toFixed(2),
          target: '',
        });
        console.log(rows.at(-1));
      }
    }
  } finally {
    api.child.kill('SIGTERM');
    bare.child.kill('SIGTERM');
    projector?.kill('SIGTERM');
    await new Promise((r) => api.child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  }
  return rows;
}
