import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { SqlDatabase } from '#event-store';
import { READ_DB } from '#platform';
import { CaseFlags, type CaseBadge, type CaseFlagSource } from '../../young-people/index.js';
import { ukDateTime } from '../../web/index.js';

/**
 * Outreach's flags: missing now, a return home interview due or overdue (returned, and the
 * interview not yet completed or declined), a Reg 40 notification owed.
 */
@Injectable()
export class OutreachFlagSource implements CaseFlagSource, OnModuleInit {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly flags: CaseFlags,
  ) {}

  onModuleInit() {
    this.flags.register(this);
  }

  async flagsOf(hubId: string, ids: readonly string[] | null) {
    const some = ids === null ? '' : `AND young_person_id::text = ANY($2::text[])`;
    const params = ids === null ? [hubId] : [hubId, [...ids]];
    const missing = await this.db.query<{
      young_person_id: string;
      returned_at: Date | string | null;
      interview_due_by: Date | string | null;
      overdue: boolean;
    }>(
      `SELECT young_person_id, returned_at, interview_due_by,
         (interview_offered_at IS NULL AND interview_due_by < now()) AS overdue
       FROM rm_missing_board.episodes
       WHERE hub_id = $1 ${some}
         AND (returned_at IS NULL OR interview_state IN ('due', 'offered', 'accepted'))
       ORDER BY started_at`,
      params,
    );
    const owed = await this.db.query<{ young_person_id: string; n: number }>(
      `SELECT young_person_id, count(*)::int AS n FROM rm_incidents.notifications
       WHERE hub_id = $1 ${some} AND notified_at IS NULL GROUP BY young_person_id`,
      params,
    );
    const out = new Map<string, CaseBadge[]>();
    const add = (id: string, badge: CaseBadge) => out.set(id, [...(out.get(id) ?? []), badge]);
    for (const r of missing.rows) {
      if (r.returned_at === null) {
        add(r.young_person_id, {
          keys: ['missing_now'],
          text: 'Missing now',
          classes: 'moj-badge--red',
        });
      } else if (r.interview_due_by) {
        const by = ukDateTime(new Date(r.interview_due_by).toISOString());
        add(r.young_person_id, {
          keys: ['return_interview'],
          text: r.overdue
            ? `Return interview overdue since ${by}`
            : `Return interview due by ${by}`,
          classes: r.overdue ? 'moj-badge--red' : 'moj-badge--blue',
        });
      }
    }
    for (const r of owed.rows) {
      const n = Number(r.n);
      add(r.young_person_id, {
        keys: ['reg40_owed'],
        text: n === 1 ? 'Reg 40 notification owed' : `${n} Reg 40 notifications owed`,
        classes: 'moj-badge--red',
      });
    }
    return out;
  }
}
