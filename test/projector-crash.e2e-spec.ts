import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openPostgresEventStore, type SqlEventStore } from '#event-store';
import { appendSyntheticCases } from '../src/young-people/index.js';
import { ProjectionRunner, readCheckpoints } from '#projections';
import { built } from '#testing/build';
import { createTestDatabase, type TestDatabase } from '#testing/test-database';
import { ALL_PROJECTIONS } from '../apps/composition/composition.js';

const CASES = 3000;

function startProjector(url: string): ChildProcess {
  return spawn(process.execPath, [built('apps/projector/main.js')], {
    env: { ...process.env, DATABASE_URL: url, PROJECTION_BATCH_SIZE: '250', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => child.once('exit', () => resolve()));

describe('the projector killed mid-batch', () => {
  let database: TestDatabase;
  let store: SqlEventStore;
  beforeAll(async () => {
    database = await createTestDatabase();
    store = await openPostgresEventStore(database.url, { max: 8 });
    await appendSyntheticCases(store, CASES);
  }, 120_000);
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  /**
   * Whether every projection has read the whole log. Compared in log order (transaction id,
   * position), not by position: with concurrent writers the last event read need not hold the
   * highest position.
   */
  async function allCaughtUp(): Promise<boolean> {
    const cps = await readCheckpoints(store.db);
    if (cps.length !== ALL_PROJECTIONS.length) return false;
    for (const c of cps) {
      if ((await store.readAll({ after: c.checkpoint, limit: 1 })).length > 0) return false;
    }
    return true;
  }

  it('resumes after SIGKILL and its tables equal a rebuild from scratch', async () => {
    expect((await store.head()).position).toBe(CASES * 3);
    const children: ChildProcess[] = [];
    try {
      const first = startProjector(database.url);
      children.push(first);
      // Wait until it is part way through, then kill it without warning.
      for (;;) {
        const cps = await readCheckpoints(store.db).catch(() => []);
        if (cps.some((c) => c.checkpoint.position > 0)) break;
        await sleep(5);
      }
      await sleep(40);
      first.kill('SIGKILL');
      await exited(first);
      expect(await allCaughtUp()).toBe(false);

      const second = startProjector(database.url);
      children.push(second);
      while (!(await allCaughtUp())) await sleep(50);
      second.kill('SIGTERM');
      await exited(second);
    } finally {
      for (const child of children)
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }

    const runner = new ProjectionRunner(store, store.db, ALL_PROJECTIONS);
    for (const p of ALL_PROJECTIONS) {
      const diff = await runner.compareWithRebuild(p.name);
      expect(diff.length).toBeGreaterThan(0);
      expect(diff.filter((d) => d.differingRows !== 0)).toEqual([]);
    }
    const caseload = await store.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM rm_caseloads.cases WHERE worker_id = 'kw-7'`,
    );
    expect(Number(caseload.rows[0].n)).toBe(CASES / 40);
  }, 120_000);
});
