import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, sleep } from '../faults/processes.js';

/**
 * A real PostgreSQL cluster on loopback, as councils run one: etcd (the v2 API, which Debian's
 * Patroni speaks through python3-etcd), three Patroni nodes (one primary, two replicas,
 * `synchronous_mode` on, so a commit is acknowledged only once it is on two nodes) and HAProxy in
 * front, sending writes to whichever node Patroni's REST API calls the primary and reads to the
 * replicas. Every program is Debian's package; nothing is mocked.
 */
export interface ClusterPorts {
  etcd: number;
  etcdPeer: number;
  /** HAProxy: the primary (reads and writes). */
  primary: number;
  /** HAProxy: the replicas (read models for queries, READ_DATABASE_URL). */
  replicas: number;
  /** Each node's PostgreSQL and Patroni REST port. */
  nodes: { pg: number; rest: number }[];
}

/** Free loopback ports for everything the cluster listens on. */
export async function clusterPorts(): Promise<ClusterPorts> {
  const take = async () => freePort();
  const ports: number[] = [];
  // freePort releases the port it found: take them one after another, never the same twice.
  while (ports.length < 10) {
    const p = await take();
    if (!ports.includes(p)) ports.push(p);
  }
  const [etcd, etcdPeer, primary, replicas, ...rest] = ports;
  return {
    etcd,
    etcdPeer,
    primary,
    replicas,
    nodes: [0, 1, 2].map((i) => ({ pg: rest[i * 2], rest: rest[i * 2 + 1] })),
  };
}

export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** What the cluster test needs, and whether this machine has it (else it says it was skipped). */
export function clusterMissing(): string | null {
  const need = ['/usr/bin/etcd', '/usr/bin/patroni', '/usr/sbin/haproxy', `${PG_BIN}/postgres`];
  const missing = need.filter((p) => !existsSync(p));
  if (missing.length)
    return `missing ${missing.join(', ')} (apt-get install patroni etcd-server haproxy)`;
  if (process.getuid?.() === 0 && !existsSync('/usr/sbin/runuser')) return 'missing runuser';
  return null;
}

interface Node {
  name: string;
  pg: number;
  rest: number;
  dir: string;
  patroni: ChildProcess | null;
}

export class PgCluster {
  private etcd: ChildProcess | null = null;
  private haproxy: ChildProcess | null = null;
  private readonly nodes: Node[];
  private readonly logs: Record<string, string[]> = {};

  constructor(
    private readonly dir: string,
    readonly ports: ClusterPorts,
  ) {
    this.nodes = ports.nodes.map((p, i) => ({
      name: `node${i + 1}`,
      ...p,
      dir: join(dir, `node${i + 1}`),
      patroni: null,
    }));
  }

  /** The superuser's URL through HAProxy (trust on loopback: the test's own cluster). */
  url(database = 'postgres', user = 'postgres', to: 'primary' | 'replicas' = 'primary') {
    const port = to === 'primary' ? this.ports.primary : this.ports.replicas;
    return `postgresql://${user}:${user}@127.0.0.1:${port}/${database}`;
  }

  async start(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    this.etcd = this.spawnLogged('etcd', 'etcd', [
      '--name=e1',
      `--data-dir=${join(this.dir, 'etcd')}`,
      `--listen-client-urls=http://127.0.0.1:${this.ports.etcd}`,
      `--advertise-client-urls=http://127.0.0.1:${this.ports.etcd}`,
      `--listen-peer-urls=http://127.0.0.1:${this.ports.etcdPeer}`,
      `--initial-advertise-peer-urls=http://127.0.0.1:${this.ports.etcdPeer}`,
      `--initial-cluster=e1=http://127.0.0.1:${this.ports.etcdPeer}`,
      '--enable-v2',
    ]);
    await this.until('etcd', async () => {
      const r = await fetch(`http://127.0.0.1:${this.ports.etcd}/v2/keys`).catch(() => null);
      return r?.ok ?? false;
    });
    writeFileSync(join(this.dir, 'haproxy.cfg'), this.haproxyConfig());
    this.haproxy = this.spawnLogged('haproxy', '/usr/sbin/haproxy', [
      '-db',
      '-f',
      join(this.dir, 'haproxy.cfg'),
    ]);
    // The first node bootstraps the cluster; the others then join it as replicas.
    this.startNode(this.nodes[0]);
    await this.until('a primary', async () => (await this.roles()).primary !== null, 60_000);
    for (const node of this.nodes.slice(1)) this.startNode(node);
    await this.until(
      'two streaming replicas, one synchronous',
      async () => {
        const r = await this.roles();
        return r.replicas.length === 2 && r.sync !== null && r.oneTimeline;
      },
      90_000,
    );
    await this.until('the primary through HAProxy', () => this.answers('primary'), 30_000);
    await this.until('a replica through HAProxy', () => this.answers('replicas'), 30_000);
  }

  /** The members as Patroni sees them: the primary, the replicas streaming, the sync standby. */
  async roles(): Promise<{
    primary: string | null;
    replicas: string[];
    sync: string | null;
    /** Every member up is on the primary's timeline (a replica left on an old one is stuck). */
    oneTimeline: boolean;
  }> {
    for (const node of this.nodes) {
      const r = await fetch(`http://127.0.0.1:${node.rest}/cluster`, {
        signal: AbortSignal.timeout(1000),
      }).catch(() => null);
      if (!r?.ok) continue;
      const { members } = (await r.json()) as {
        members: { name: string; role: string; state: string; timeline?: number }[];
      };
      // Patroni 3.0 says `running` of a replica that streams (later versions: `streaming`).
      const up = members.filter((m) => m.state === 'running' || m.state === 'streaming');
      return {
        primary: up.find((m) => m.role === 'leader')?.name ?? null,
        replicas: up.filter((m) => m.role !== 'leader').map((m) => m.name),
        sync: up.find((m) => m.role === 'sync_standby')?.name ?? null,
        oneTimeline: new Set(up.map((m) => m.timeline)).size === 1,
      };
    }
    return { primary: null, replicas: [], sync: null, oneTimeline: false };
  }

  /**
   * SIGKILL of the primary's PostgreSQL: the postmaster and every backend (as when the server
   * process is killed outright); Patroni on that node lives on.
   */
  async killPrimaryPostgres(): Promise<string> {
    const node = await this.primaryNode();
    killTree(this.postmasterOf(node));
    return node.name;
  }

  /** SIGKILL of the primary's whole node: Patroni and every PostgreSQL process, as a lost machine. */
  async killPrimaryNode(): Promise<string> {
    const node = await this.primaryNode();
    const postmaster = this.postmasterOf(node);
    for (const pid of pgrep(['-f', `patroni ${join(node.dir, 'patroni.yml')}`])) killQuietly(pid);
    node.patroni?.kill('SIGKILL');
    killTree(postmaster);
    node.patroni = null;
    return node.name;
  }

  private postmasterOf(node: Node): number {
    const pid = Number(
      readFileSync(join(node.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    if (!existsSync(`/proc/${pid}`)) {
      throw new Error(`${node.name}'s postmaster ${pid} is not running\n${this.tail()}`);
    }
    return pid;
  }

  /** Starts a node killed before; it rejoins as a replica (pg_rewind when needed). */
  restartNode(name: string): void {
    const node = this.nodes.find((n) => n.name === name)!;
    if (node.patroni === null) this.startNode(node);
  }

  async stop(): Promise<void> {
    for (const node of this.nodes) {
      node.patroni?.kill('SIGTERM');
    }
    await sleep(3000);
    for (const node of this.nodes) {
      node.patroni?.kill('SIGKILL');
      const pidFile = join(node.dir, 'data', 'postmaster.pid');
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone already
        }
      }
    }
    this.haproxy?.kill('SIGKILL');
    this.etcd?.kill('SIGKILL');
  }

  /** The superuser's URL straight to each replica Patroni reports (not through HAProxy). */
  async replicaUrls(database = 'postgres'): Promise<string[]> {
    const { replicas } = await this.roles();
    return this.nodes
      .filter((n) => replicas.includes(n.name))
      .map((n) => `postgresql://postgres:postgres@127.0.0.1:${n.pg}/${database}`);
  }

  /** Sets (null: removes) a PostgreSQL parameter cluster-wide through Patroni's REST API. */
  async setParameter(name: string, value: string | null): Promise<void> {
    const node = this.nodes.find((n) => n.patroni !== null)!;
    const r = await fetch(`http://127.0.0.1:${node.rest}/config`, {
      method: 'PATCH',
      body: JSON.stringify({ postgresql: { parameters: { [name]: value } } }),
    });
    if (!r.ok) throw new Error(`PATCH /config: ${r.status} ${await r.text()}`);
  }

  /** Removes the cluster's folder (after `stop`). */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** The last lines each program printed (for a failure's message). */
  tail(lines = 30): string {
    return Object.entries(this.logs)
      .map(([name, out]) => `--- ${name}\n${out.join('').split('\n').slice(-lines).join('\n')}`)
      .join('\n');
  }

  private async primaryNode(): Promise<Node> {
    const { primary } = await this.roles();
    const node = this.nodes.find((n) => n.name === primary);
    if (!node) throw new Error(`no primary to kill\n${this.tail()}`);
    return node;
  }

  private async answers(to: 'primary' | 'replicas'): Promise<boolean> {
    const c = new pg.Client({ connectionString: this.url('postgres', 'postgres', to) });
    try {
      await c.connect();
      await c.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await c.end().catch(() => undefined);
    }
  }

  private startNode(node: Node): void {
    mkdirSync(node.dir, { recursive: true });
    const config = join(node.dir, 'patroni.yml');
    writeFileSync(config, this.patroniConfig(node));
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      // PostgreSQL refuses to run as root: the node runs as the postgres OS user.
      const { uid, gid } = postgresUser();
      for (const p of [this.dir, node.dir, config]) chownSync(p, uid, gid);
    }
    const patroni = asRoot
      ? this.spawnLogged(node.name, '/usr/sbin/runuser', [
          '-u',
          'postgres',
          '--',
          'patroni',
          config,
        ])
      : this.spawnLogged(node.name, 'patroni', [config]);
    patroni.on('exit', (code, signal) => {
      this.logs[node.name].push(`\n[patroni exited: ${code ?? signal}]\n`);
      if (node.patroni === patroni) node.patroni = null;
    });
    node.patroni = patroni;
  }

  private spawnLogged(name: string, command: string, args: string[]): ChildProcess {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: this.dir });
    const log: string[] = [];
    this.logs[name] = log;
    const keep = (chunk: Buffer) => {
      log.push(chunk.toString());
      if (log.length > 400) log.splice(0, log.length - 400);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    return child;
  }

  private async until(what: string, check: () => Promise<boolean>, ms = 20_000) {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await check()) return;
      await sleep(250);
    }
    throw new Error(`the cluster did not come up: no ${what} within ${ms} ms\n${this.tail()}`);
  }

  private patroniConfig(node: Node): string {
    // Short timings so a failover takes seconds: the leader key lives 10 s (ttl), each node's
    // loop runs every second, a crashed primary is failed over at once (primary_start_timeout 0).
    return `scope: nwd-test
name: ${node.name}
restapi:
  listen: 127.0.0.1:${node.rest}
  connect_address: 127.0.0.1:${node.rest}
etcd:
  host: 127.0.0.1:${this.ports.etcd}
bootstrap:
  dcs:
    ttl: 10
    loop_wait: 1
    retry_timeout: 4
    # In synchronous mode the standby Patroni promotes has every acknowledged commit; under
    # load a replica's reported position trails by more than the default 1 MB, which would stop
    # any promotion.
    maximum_lag_on_failover: 1073741824
    synchronous_mode: true
    # Both replicas synchronous: no replica can hold WAL the one promoted lacks (with one sync
    # standby, the other could be ahead of it and then could not follow the new timeline).
    synchronous_node_count: 2
    primary_start_timeout: 0
    master_start_timeout: 0
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        wal_log_hints: 'on'
        max_connections: 200
        wal_keep_size: 256MB
  initdb:
    - encoding: UTF8
    - data-checksums
postgresql:
  listen: 127.0.0.1:${node.pg}
  connect_address: 127.0.0.1:${node.pg}
  data_dir: ${join(node.dir, 'data')}
  bin_dir: ${PG_BIN}
  pgpass: ${join(node.dir, 'pgpass')}
  authentication:
    superuser:
      username: postgres
      password: postgres
    replication:
      username: replicator
      password: replicator
    rewind:
      username: postgres
      password: postgres
  parameters:
    unix_socket_directories: '${node.dir}'
    shared_buffers: 64MB
    fsync: 'on'
  pg_hba:
    - local all all trust
    - host all all 127.0.0.1/32 trust
    - host replication all 127.0.0.1/32 trust
`;
  }

  private haproxyConfig(): string {
    const servers = (check: string) =>
      this.nodes
        .map((n) => `  server ${n.name} 127.0.0.1:${n.pg} maxconn 150 check port ${n.rest}`)
        .join('\n') + `\n  option httpchk GET /${check}\n  http-check expect status 200\n`;
    // A node is taken out after two failed checks half a second apart, and its open connections
    // are cut (on-marked-down shutdown-sessions), so nothing keeps talking to a demoted primary.
    return `global
  maxconn 400
defaults
  mode tcp
  timeout connect 2s
  timeout client 30m
  timeout server 30m
  timeout check 1s
  default-server inter 500ms fall 2 rise 1 on-marked-down shutdown-sessions
listen primary
  bind 127.0.0.1:${this.ports.primary}
${servers('primary')}
listen replicas
  bind 127.0.0.1:${this.ports.replicas}
  balance roundrobin
${servers('replica')}
`;
  }
}

function pgrep(args: string[]): number[] {
  try {
    return execFileSync('pgrep', args, { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return []; // none
  }
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone already
  }
}

/** SIGKILL of a process and its children, the children first stopped with it. */
function killTree(pid: number): void {
  const children = pgrep(['-P', String(pid)]);
  killQuietly(pid);
  for (const child of children) killQuietly(child);
}

/** The postgres OS user (PostgreSQL's and PgBouncer's programs refuse to run as root). */
export function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('no postgres OS user (the PostgreSQL package makes it)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
