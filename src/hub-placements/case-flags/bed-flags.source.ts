import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { SqlDatabase } from '#event-store';
import { READ_DB } from '#platform';
import { CaseFlags, type CaseBadge, type CaseFlagSource } from '../../young-people/index.js';
import { plural } from '../../web/index.js';

/** The beds' flags: in a hub bed (for how long), past the hub's stay threshold or planned end. */
@Injectable()
export class BedFlagSource implements CaseFlagSource, OnModuleInit {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly flags: CaseFlags,
  ) {}

  onModuleInit() {
    this.flags.register(this);
  }

  async flagsOf(hubId: string, ids: readonly string[] | null) {
    const r = await this.db.query<{
      occupant_id: string;
      days: number;
      threshold_days: number;
      past_end: boolean;
    }>(
      `SELECT b.occupant_id, (current_date - b.since)::int AS days,
         h.stay_threshold_weeks * 7 AS threshold_days,
         coalesce(b.planned_end < current_date, false) AS past_end
       FROM rm_bed_board.beds b JOIN rm_bed_board.hubs h USING (hub_id)
       WHERE b.hub_id = $1 AND b.occupant_id IS NOT NULL
         ${ids === null ? '' : 'AND b.occupant_id::text = ANY($2::text[])'}`,
      ids === null ? [hubId] : [hubId, [...ids]],
    );
    const out = new Map<string, CaseBadge[]>();
    for (const row of r.rows) {
      const days = Number(row.days);
      const over = days > Number(row.threshold_days);
      const badges: CaseBadge[] = [
        {
          keys: over ? ['in_hub_bed', 'over_threshold'] : ['in_hub_bed'],
          text: `In a hub bed: ${days === 0 ? 'since today' : plural(days, 'day', 'days')}${over ? ', over the threshold' : ''}`,
          classes: over ? 'moj-badge--red' : 'moj-badge--blue',
        },
      ];
      if (row.past_end)
        badges.push({
          keys: ['in_hub_bed'],
          text: 'Past the planned end of the stay',
          classes: 'moj-badge--black',
        });
      out.set(row.occupant_id, badges);
    }
    return out;
  }
}
