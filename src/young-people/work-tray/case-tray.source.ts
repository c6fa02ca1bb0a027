import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { SqlDatabase } from '#event-store';
import { READ_DB } from '#platform';
import { scopeSql, type AccessScope } from '../../access/index.js';
import { ukDate } from '../../web/index.js';
import { pathwayDueSql } from '../caseload/pathway-review.sql.js';
import { TRAY_ENTRIES, WorkTray, type TraySection, type WorkTraySource } from './work-tray.js';

/** Pathway reviews due within this many days show in the tray ("this week"), with the overdue. */
const REVIEWS_WITHIN_DAYS = 7;

interface Row {
  young_person_id: string;
  given_name: string;
  family_name: string;
  on_date: string | null;
  days: number | null;
  total: number;
}

/** The case's part of the tray: referrals to screen, open cases with no key worker, reviews due. */
@Injectable()
export class CaseTraySource implements WorkTraySource, OnModuleInit {
  readonly order = 10;

  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly tray: WorkTray,
  ) {}

  onModuleInit() {
    this.tray.register(this);
  }

  async sections(hubId: string, access: AccessScope): Promise<TraySection[]> {
    const list = `/app/hubs/${hubId}/young-people`;
    const referrals = await this.rows(
      hubId,
      access,
      `c.status = 'referred'`,
      `q.referred_at::date::text`,
      'NULL::int',
      'q.referred_at',
    );
    const unallocated = await this.rows(
      hubId,
      access,
      `c.status = 'accepted' AND c.worker_id IS NULL`,
      `c.accepted_at::date::text`,
      'NULL::int',
      'c.accepted_at',
    );
    const due = `(${pathwayDueSql('c.')})`;
    const reviews = await this.rows(
      hubId,
      access,
      `c.status = 'accepted' AND ${due} - current_date <= ${REVIEWS_WITHIN_DAYS}`,
      `${due}::text`,
      `${due} - current_date`,
      due,
    );
    return [
      {
        key: 'referrals',
        title: 'Referrals to screen',
        total: referrals.total,
        moreHref: `${list}?status=referred&sort=referred`,
        entries: referrals.rows.map((r) => ({
          youngPersonId: r.young_person_id,
          name: `${r.given_name} ${r.family_name}`,
          detail: r.on_date ? `Referred ${ukDate(r.on_date)}` : 'Referred',
          overdue: false,
        })),
      },
      {
        key: 'no-key-worker',
        title: 'Open cases without a key worker',
        total: unallocated.total,
        moreHref: `${list}?status=accepted`,
        entries: unallocated.rows.map((r) => ({
          youngPersonId: r.young_person_id,
          name: `${r.given_name} ${r.family_name}`,
          detail: r.on_date ? `Accepted ${ukDate(r.on_date)}` : 'Accepted',
          overdue: false,
        })),
      },
      {
        key: 'pathway-reviews',
        title: 'Pathway plan reviews due this week or overdue',
        total: reviews.total,
        entries: reviews.rows.map((r) => {
          const overdue = (r.days ?? 0) < 0;
          return {
            youngPersonId: r.young_person_id,
            name: `${r.given_name} ${r.family_name}`,
            detail: `${overdue ? 'Was due' : 'Due'} ${ukDate(r.on_date ?? '')}`,
            overdue,
          };
        }),
      },
    ];
  }

  private async rows(
    hubId: string,
    access: AccessScope,
    condition: string,
    on: string,
    days: string,
    order: string,
  ): Promise<{ rows: Row[]; total: number }> {
    const scope = scopeSql(access, { hub: 'c.hub_id', keyWorker: 'c.worker_id' }, 3);
    const r = await this.db.query<Row>(
      `SELECT c.young_person_id, c.given_name, c.family_name, ${on} AS on_date, ${days} AS days,
         count(*) OVER ()::int AS total
       FROM rm_caseloads.cases c
       LEFT JOIN rm_referral_queue.referrals q USING (young_person_id)
       WHERE c.hub_id::text = $1 AND ${condition} AND ${scope.sql}
       ORDER BY ${order} NULLS LAST, c.young_person_id LIMIT $2`,
      [hubId, TRAY_ENTRIES, ...scope.params],
    );
    return { rows: r.rows, total: Number(r.rows[0]?.total ?? 0) };
  }
}
