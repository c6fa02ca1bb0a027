import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { built } from '#testing/build';
import { DataFolderLockedError } from '../errors.js';
import { PgliteDatabase } from './pglite-database.js';

const opener = (dataDir: string) => `
  const { PgliteDatabase } = await import(${JSON.stringify(built('libs/event-store/src/index.js'))});
  try {
    const db = await PgliteDatabase.open(${JSON.stringify(dataDir)});
    await db.query("CREATE TABLE IF NOT EXISTS t (x int)");
    console.log('opened');
    setInterval(() => {}, 1000);
  } catch (e) {
    console.error(e.message);
    process.exit(3);
  }`;

function startOpener(dataDir: string): {
  child: ChildProcess;
  output: Promise<string>;
  opened: Promise<void>;
} {
  const child = spawn(process.execPath, ['--input-type=module', '-e', opener(dataDir)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const output = new Promise<string>((resolve) => {
    child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
    child.on('exit', () => resolve(text));
  });
  const opened = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', () => text.includes('opened') && resolve());
    child.on('exit', (code) => reject(new Error(`opener exited ${code}: ${text}`)));
  });
  return { child, output, opened };
}

describe('the PGlite data folder lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nwd-lock-'));
  const dataDir = join(dir, 'data');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second process with an error naming the holder, and takes over a stale lock', async () => {
    const first = startOpener(dataDir);
    await first.opened;

    // A second process is refused, and says which process holds the folder.
    const second = startOpener(dataDir);
    second.opened.catch(() => undefined);
    const secondOutput = await second.output;
    expect(second.child.exitCode).toBe(3);
    expect(secondOutput).toContain(`in use by process ${first.child.pid}`);

    // So is this process.
    await expect(PgliteDatabase.open(dataDir)).rejects.toBeInstanceOf(DataFolderLockedError);

    // The holder dies without cleaning up: its lock is stale and the next opener takes it.
    first.child.kill('SIGKILL');
    await first.output;
    const db = await PgliteDatabase.open(dataDir);
    const r = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM t');
    expect(r.rows[0].n).toBe(0);
    await db.close();
  }, 60_000);
});
