import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { NWD_MODEL } from '../apps/composition/composition.js';
import { START_OF_LOG } from '#event-store';
import { loadConfig, openInfrastructure } from '#platform';
import { createTestDatabase, type TestDatabase } from '#testing/test-database';
import { syntheticCase } from '../src/young-people/index.js';
import { freePort, sleep } from './faults/processes.js';

const BIN = '/usr/lib/postgresql/15/bin';
const root = process.getuid?.() === 0;
/** initdb and postgres refuse to run as root: as root, run them as the postgres user. */
const asPostgres = (cmd: string, args: string[]) =>
  root ? ['su', ['postgres', '-c', [cmd, ...args].map((a) => `'${a}'`).join(' ')]] : [cmd, args];

const available = existsSync(join(BIN, 'initdb'));

/**
 * A log dumped with pg_dump and restored into a fresh PostgreSQL cluster (its own initdb, its own
 * transaction counter far below the one the dump came from) reads again: start re-bases the
 * stored transaction ids, every event is read, and the projections see the events written after.
 */
(available ? describe : describe.skip)('a log restored into another cluster (PostgreSQL)', () => {
  let source: TestDatabase;
  let dir: string;
  let port: number;
  let server: ChildProcess;
  const ids: string[] = [];

  beforeAll(async () => {
    source = await createTestDatabase();
    const infra = await openInfrastructure(
      { ...loadConfig({}), databaseUrl: source.url, databaseOwnerUrl: null },
      NWD_MODEL,
    );
    for (const i of [0, 1, 2]) {
      const c = syntheticCase('44444444-4444-4444-8444-444444444444', i);
      await infra.store.append(`young-person-${c.youngPersonId}`, c.events, {
        expectedRevision: 'no_stream',
      });
      ids.push(c.youngPersonId);
    }
    await infra.runner.prepare();
    await infra.runner.catchUp();
    await infra.close();
    // The source cluster's counter must be ahead of a new one's (a machine's first tests).
    const c = new pg.Client({ connectionString: source.url });
    await c.connect();
    for (let i = 0; i < 1500; i++) await c.query('SELECT pg_current_xact_id()');
    await c.end();

    dir = mkdtempSync(join(tmpdir(), 'nwd-restore-'));
    chmodSync(dir, 0o777);
    port = await freePort();
    const data = join(dir, 'data');
    const [initdb, initArgs] = asPostgres(join(BIN, 'initdb'), [
      '-D',
      data,
      '-A',
      'trust',
      '-U',
      'postgres',
    ]);
    execFileSync(initdb as string, initArgs as string[], { stdio: 'ignore' });
    const [pgBin, pgArgs] = asPostgres(join(BIN, 'postgres'), [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-h',
      '127.0.0.1',
    ]);
    server = spawn(pgBin as string, pgArgs as string[], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      try {
        execFileSync(join(BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], {
          stdio: 'ignore',
        });
        break;
      } catch {
        await sleep(100);
      }
    }
    // The whole database, as a council's nightly pg_dump would have it.
    const dump = execFileSync(join(BIN, 'pg_dump'), [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      source.url,
    ]);
    execFileSync(
      join(BIN, 'psql'),
      [
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        'postgres',
      ],
      {
        input: dump,
        stdio: ['pipe', 'ignore', 'inherit'],
      },
    );
  }, 120_000);

  afterAll(async () => {
    server?.kill('SIGINT');
    await new Promise((r) => (server ? server.once('exit', r) : r(null)));
    if (dir) rmSync(dir, { recursive: true, force: true });
    await source?.drop();
  });

  it('re-bases the restored ids at start, reads every event, and projects what comes after', async () => {
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    const stored = Number((await raw.query('SELECT count(*) AS n FROM events')).rows[0].n);
    // As restored, the readers' horizon is below every stored id: the log reads as empty.
    const hidden = await raw.query(
      'SELECT count(*) AS n FROM events WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())',
    );
    expect(Number(hidden.rows[0].n)).toBe(0);
    await raw.end();

    const infra = await openInfrastructure(
      { ...loadConfig({}), databaseUrl: url, databaseOwnerUrl: null },
      NWD_MODEL,
    );
    try {
      const all = await infra.store.readAll({ after: START_OF_LOG, limit: 10_000 });
      expect(all).toHaveLength(stored);
      const hashes = await infra.store.readStream(`young-person-${ids[0]}`);
      expect(hashes.length).toBeGreaterThan(0);
      await infra.runner.prepare();
      const more = syntheticCase('44444444-4444-4444-8444-444444444444', 7);
      const r = await infra.store.append(`young-person-${more.youngPersonId}`, more.events, {
        expectedRevision: 'no_stream',
      });
      await infra.runner.catchUp();
      expect(await infra.runner.waitFor(['referral_queue'], r.position, 5000)).toBe('caught-up');
      const queued = await infra.readDb.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM rm_referral_queue.referrals',
      );
      expect(queued.rows[0].n).toBe(4);
    } finally {
      await infra.close();
    }
  }, 60_000);
});
