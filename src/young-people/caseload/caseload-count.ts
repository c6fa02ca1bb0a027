import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, SqlDatabase } from '#event-store';
import type { ProjectionRunner } from '#projections';
import { EVENT_STORE, NWD_CONFIG, PROJECTION_RUNNER, READ_DB, type NwdConfig } from '#platform';
import { YOUNG_PEOPLE_SETTINGS, type YoungPeopleSettings } from '../young-people.settings.js';

/**
 * How many active cases a key worker holds, from the caseload read model once it has caught up
 * with the log as it stands now. Two allocations to one worker decided at the same instant can
 * both see the same count (the limit is a per-worker rule across streams); the caseload shows it.
 */
@Injectable()
export class CaseloadCount {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(NWD_CONFIG) private readonly config: NwdConfig,
    @Inject(YOUNG_PEOPLE_SETTINGS) private readonly settings: YoungPeopleSettings,
  ) {}

  get limit(): number {
    return this.settings.keyWorkerCaseloadLimit;
  }

  async of(workerId: string): Promise<number> {
    const head = await this.store.head();
    if (head.position > 0) {
      await this.runner.waitFor(['caseloads'], head.position, this.config.readWaitMs);
    }
    const r = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM rm_caseloads.cases WHERE worker_id = $1 AND status = 'accepted'`,
      [workerId],
    );
    return r.rows[0].n;
  }

  /**
   * The key workers of a hub's accepted cases with how many each holds, fewest first (as the
   * read model has it: a manager choosing a worker sees the counts the limit is checked against).
   */
  async byWorkerInHub(hubId: string): Promise<{ workerId: string; name: string; count: number }[]> {
    const r = await this.db.query<{ worker_id: string; name: string; n: number }>(
      `SELECT worker_id, max(worker_name) AS name, count(*)::int AS n FROM rm_caseloads.cases
       WHERE hub_id = $1 AND status = 'accepted' AND worker_id IS NOT NULL
       GROUP BY worker_id ORDER BY n, worker_id`,
      [hubId],
    );
    return r.rows.map((row) => ({ workerId: row.worker_id, name: row.name, count: Number(row.n) }));
  }
}
