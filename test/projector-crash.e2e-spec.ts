import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openPostgresEventStore, type SqlEventStore } from '../libs/event-store/src/index.js';
import { appendSyntheticCases } from '../src/young-people/index.js';
import { ProjectionRunner, readCheckpoints } from '../libs/projections/src/index.js';
import { built } from '../libs/testing/src/build.js';
import { createTestDatabase, type TestDatabase } from '../libs/testing/src/test-database.js';
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

  it('resumes after SIGKILL and its tables equal a rebuild from scratch', async () => {
    const head = (await store.head()).position;
    expect(head).toBe(CASES * 3);

    const first = startProjector(database.url);
    // Wait until it is part way through, then kill it without warning.
    for (;;) {
      const cps = await readCheckpoints(store.db).catch(() => []);
      if (cps.some((c) => c.checkpoint.position > 0)) break;
      await sleep(5);
    }
    await sleep(40);
    first.kill('SIGKILL');
    await exited(first);
    const atKill = await readCheckpoints(store.db);
    expect(atKill.some((c) => c.checkpoint.position < head)).toBe(true);

    const second = startProjector(database.url);
    for (;;) {
      const cps = await readCheckpoints(store.db);
      if (cps.length === ALL_PROJECTIONS.length && cps.every((c) => c.checkpoint.position === head))
        break;
      await sleep(50);
    }
    second.kill('SIGTERM');
    await exited(second);

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
