import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ALL_PROJECTIONS } from '../apps/composition/composition.js';
import { openPostgresEventStore } from '#event-store';
import { newEvent } from '#testing/event-store-contract';
import { REPO_ROOT } from '#testing/build';
import { createTestDatabase, type TestDatabase } from '#testing/test-database';

const run = promisify(execFile);
const NWD = join(REPO_ROOT, 'bin', 'nwd.js');
const nwd = (args: string[], env: Record<string, string>) =>
  run(process.execPath, [NWD, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    cwd: REPO_ROOT,
  });

describe('the nwd command', () => {
  let database: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'nwd-cli-'));
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('explains every command and the environment it reads', async () => {
    const { stdout } = await nwd(['--help'], {});
    for (const word of [
      'start',
      'migrate',
      'rebuild',
      'projector',
      'DATABASE_URL',
      'NWD_DATA_DIR',
      'EVENTSTORE_URL',
      'PROJECTIONS',
      'PORT',
    ]) {
      expect(stdout).toContain(word);
    }
  });

  it('signs tokens no longer than TOKEN_MAX_MINUTES', async () => {
    const env = { NWD_KEY_FILE: join(dir, 'token-key.json') };
    const ok = await nwd(
      ['token', '--user', 'kw-1', '--role', 'key_worker', '--expires', '30m'],
      env,
    );
    const payload = JSON.parse(Buffer.from(ok.stdout.trim().split('.')[1], 'base64url').toString());
    expect(payload.exp - payload.iat).toBe(1800);
    const long = await nwd(
      ['token', '--user', 'kw-1', '--role', 'key_worker', '--expires', '8h'],
      env,
    ).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(long?.code).not.toBe(0);
    expect(long?.stderr).toContain('TOKEN_MAX_MINUTES');
  });

  it('migrates PostgreSQL, and migrating again changes nothing', async () => {
    const env = { DATABASE_URL: database.url };
    const first = await nwd(['migrate'], env);
    for (const p of ALL_PROJECTIONS)
      expect(first.stdout).toContain(`${p.name} v${p.version} at position 0`);
    const store = await openPostgresEventStore(database.url);
    const tables = async () =>
      (await store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM nwd_schema_migrations`))
        .rows[0].n;
    const before = await tables();
    await nwd(['migrate'], env);
    expect(await tables()).toBe(before);
    await store.close();
  }, 60_000);

  it('rebuilds a read model from the log on demand', async () => {
    const store = await openPostgresEventStore(database.url);
    await store.append(
      'hub-x',
      [
        {
          ...newEvent('HubOpened', {
            hubId: '11111111-1111-4111-8111-111111111111',
            name: 'Rebuilt Hub',
            council: 'C',
            plannedBeds: 4,
            emergencyBeds: 2,
            openedAt: '2026-01-01T00:00:00.000Z',
          }),
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const { stdout, stderr } = await nwd(['rebuild', 'hubs_list'], { DATABASE_URL: database.url });
    expect(stdout + stderr).toContain('hubs_list');
    const r = await store.db.query<{ name: string }>('SELECT name FROM rm_hubs_list.hubs');
    expect(r.rows.map((x) => x.name)).toEqual(['Rebuilt Hub']);
    await expect(
      nwd(['rebuild', 'nonsense'], { DATABASE_URL: database.url }),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('no projection named nonsense'),
    });
    await store.close();
  }, 60_000);

  it('starts the whole system on embedded PGlite and refuses a second process on the same folder', async () => {
    const dataDir = join(dir, 'data');
    const port = String(31_000 + Math.floor(Math.random() * 2000));
    const child = spawn(process.execPath, [NWD, 'start'], {
      env: {
        ...process.env,
        NWD_DATA_DIR: dataDir,
        PORT: port,
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      for (let i = 0; i < 300 && !out.includes('running at'); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain(`http://localhost:${port}`);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { database: { dialect: string } }).database.dialect).toBe(
        'pglite',
      );
      await expect(
        nwd(['migrate'], { NWD_DATA_DIR: dataDir, DATABASE_URL: '' }),
      ).rejects.toMatchObject({
        stderr: expect.stringContaining(`in use by process ${child.pid}`),
      });
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    expect(statSync(dataDir).isDirectory()).toBe(true);
  }, 60_000);
});
