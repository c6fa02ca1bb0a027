import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openPostgresEventStore, type SqlEventStore } from '#event-store';
import { REPO_ROOT } from '#testing/build';
import { createTestDatabase, type TestDatabase } from '#testing/test-database';
import { syntheticCase } from '../src/young-people/index.js';

const run = promisify(execFile);

/**
 * Seals signed with a key the database does not hold: what whoever can write the tables cannot
 * hide. Each fault is made as the schema's owner would (triggers off, rows deleted, the streams
 * table patched to match) and `nwd verify` must name it and exit 1.
 */
describe('nwd seal and nwd verify --anchor on PostgreSQL', () => {
  let database: TestDatabase;
  let store: SqlEventStore;
  let env: Record<string, string>;
  let dir: string;
  const cases = [0, 1, 2, 3].map((i) => syntheticCase('33333333-3333-4333-8333-333333333333', i));
  const stream = (i: number) => `young-person-${cases[i].youngPersonId}`;
  const nwd = (args: string[]) =>
    run(process.execPath, [join(REPO_ROOT, 'bin', 'nwd.js'), ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      cwd: REPO_ROOT,
    });
  const failing = (args: string[]) =>
    nwd(args).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
  /** As a database superuser would: edit under the triggers. */
  const behindTheLog = async (sql: string, params: unknown[] = []) => {
    await store.db.exec('ALTER TABLE events DISABLE TRIGGER events_no_update');
    try {
      await store.db.query(sql, params);
    } finally {
      await store.db.exec('ALTER TABLE events ENABLE TRIGGER events_no_update');
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'nwd-seal-'));
    env = {
      DATABASE_URL: database.runtimeUrl ?? database.url,
      DATABASE_OWNER_URL: database.url,
      NWD_SEAL_KEY_FILE: join(dir, 'seal-key.json'),
    };
    store = await openPostgresEventStore(database.url);
    for (const c of cases) {
      await store.append(`young-person-${c.youngPersonId}`, c.events, {
        expectedRevision: 'no_stream',
      });
    }
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seals, writes an anchor, and verifies against both', async () => {
    const sealed = await nwd(['seal', '--out', join(dir, 'anchor-1.json')]);
    expect(sealed.stdout).toMatch(/^Seal 1 of 4 streams/);
    const anchor = JSON.parse(readFileSync(join(dir, 'anchor-1.json'), 'utf8'));
    expect(anchor.heads).toHaveLength(4);
    expect((await nwd(['seal'])).stdout).toMatch(/^Seal 1 of 4 streams/); // nothing changed
    const ok = await nwd(['verify', '--anchor', join(dir, 'anchor-1.json')]);
    expect(ok.stdout).toContain('the log holds every sealed head, and the anchor (seal 1)');
    expect(ok.stdout).toContain('Verified: no fault found.');
  }, 60_000);

  it('finds a truncated tail, though the streams table was patched to match', async () => {
    const last = cases[0].events.length - 1;
    await behindTheLog('DELETE FROM events WHERE stream_id = $1 AND revision = $2', [
      stream(0),
      last,
    ]);
    await store.db.query('UPDATE streams SET revision = revision - 1 WHERE stream_id = $1', [
      stream(0),
    ]);
    const failed = await failing(['verify']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(
      `Seals: FAULT. stream ${stream(0)}: revision ${last}, sealed in the latest seal, is no longer in the log`,
    );
  }, 60_000);

  it('finds a deleted stream', async () => {
    await behindTheLog('DELETE FROM events WHERE stream_id = $1', [stream(1)]);
    await store.db.query('DELETE FROM streams WHERE stream_id = $1', [stream(1)]);
    const failed = await failing(['verify']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`stream ${stream(1)}: revision`);
  }, 60_000);

  it('finds a seal whose signature does not verify', async () => {
    await behindTheLog(
      `UPDATE events SET data = jsonb_set(data, '{streams}', '99') WHERE stream_id = 'nwd-seals'`,
    );
    const failed = await failing(['verify']);
    expect(failed.stdout).toContain('seal 1: its signature does not verify with the seal key');
  }, 60_000);

  it('catches, with the anchor, a superuser deleting events and the seals after them', async () => {
    // A clean log, sealed twice; the council keeps the second anchor.
    await store.db.exec('ALTER TABLE events DISABLE TRIGGER events_no_truncate');
    await store.db.exec('TRUNCATE events');
    await store.db.exec('ALTER TABLE events ENABLE TRIGGER events_no_truncate');
    await store.db.exec('TRUNCATE streams');
    for (const c of cases.slice(0, 2)) {
      await store.append(`young-person-${c.youngPersonId}`, c.events, {
        expectedRevision: 'no_stream',
      });
    }
    await nwd(['seal', '--out', join(dir, 'anchor-a.json')]);
    await store.append(stream(2), cases[2].events, { expectedRevision: 'no_stream' });
    expect((await nwd(['seal', '--out', join(dir, 'anchor-b.json')])).stdout).toMatch(/^Seal 2 /);

    // Erase stream 2 and seal 2, and make the tables consistent again.
    await behindTheLog(
      `DELETE FROM events WHERE stream_id IN ($1, 'nwd-seals') AND NOT (stream_id = 'nwd-seals' AND revision = 0)`,
      [stream(2)],
    );
    await store.db.query(`DELETE FROM streams WHERE stream_id = $1`, [stream(2)]);
    await store.db.query(`UPDATE streams SET revision = 0 WHERE stream_id = 'nwd-seals'`);
    // The log and its remaining seal agree: without the anchor, the seals show nothing wrong.
    const withoutAnchor = await failing(['verify']);
    expect(withoutAnchor.stdout).toMatch(/Seals: 1 seals, .* the log holds every sealed head\./);
    const withAnchor = await failing(['verify', '--anchor', join(dir, 'anchor-b.json')]);
    expect(withAnchor.code).toBe(1);
    expect(withAnchor.stdout).toContain('anchor (seal 2): the log no longer holds seal 2');
    expect(withAnchor.stdout).toContain(`stream ${stream(2)}: revision`);
    // A forged anchor (its heads edited) does not pass either.
    const forged = JSON.parse(readFileSync(join(dir, 'anchor-a.json'), 'utf8'));
    forged.heads[0][2] = 'f'.repeat(64);
    writeFileSync(join(dir, 'forged.json'), JSON.stringify(forged));
    const withForged = await failing(['verify', '--anchor', join(dir, 'forged.json')]);
    expect(withForged.stdout).toContain('anchor (seal 1): its heads do not match its root');
  }, 90_000);
});
