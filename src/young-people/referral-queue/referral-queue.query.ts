import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { decodeCursor, READ_DB, toPage, type Page } from '#platform';
import { scopeSql, type AccessScope } from '../../access/index.js';

export const REFERRAL_STATUSES = ['referred', 'accepted', 'declined'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export interface QueuedReferral {
  youngPersonId: string;
  hubId: string;
  status: ReferralStatus;
  category: string;
  youngPerson: { givenName: string; familyName: string; dateOfBirth: string };
  socialWorker: { name: string; team: string };
  reason: string;
  referredAt: string;
  decidedAt: string | null;
  declineReason: string | null;
  /** Whole days since the referral, while it awaits a decision. */
  waitingDays: number | null;
  /** A referral matched this case by name and date of birth: the manager confirms or rejects. */
  possibleDuplicate: boolean;
}

export class GetReferralQueue extends Query<Page<QueuedReferral>> {
  constructor(
    readonly hubId: string,
    readonly status: ReferralStatus | undefined,
    readonly limit: number,
    readonly cursor: string | undefined,
    readonly access: AccessScope,
  ) {
    super();
  }
}

interface Row {
  young_person_id: string;
  hub_id: string;
  status: ReferralStatus;
  category: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | Date;
  social_worker_name: string;
  social_worker_team: string;
  reason: string;
  referred_at: string | Date;
  decided_at: string | Date | null;
  decline_reason: string | null;
  possible_duplicate: boolean;
  waiting_days: number;
}

/** Oldest referral first: the queue is worked in the order referrals arrived. */
@QueryHandler(GetReferralQueue)
export class GetReferralQueueHandler implements IQueryHandler<GetReferralQueue> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute(q: GetReferralQueue): Promise<Page<QueuedReferral>> {
    const after = decodeCursor(q.cursor, 2);
    const scope = scopeSql(q.access, { hub: 'hub_id' }, 6);
    const r = await this.db.query<Row>(
      `SELECT young_person_id, hub_id, status, category, given_name, family_name,
         date_of_birth::text AS date_of_birth, social_worker_name, social_worker_team, reason,
         referred_at, decided_at, decline_reason, possible_duplicate,
         floor(extract(epoch FROM now() - referred_at) / 86400)::int AS waiting_days
       FROM rm_referral_queue.referrals
       WHERE hub_id = $1
         AND ($2::text IS NULL OR status = $2 OR ($2 = 'referred' AND possible_duplicate))
         AND ($3::timestamptz IS NULL OR (referred_at, young_person_id) > ($3::timestamptz, $4::uuid))
         AND ${scope.sql}
       ORDER BY referred_at, young_person_id LIMIT $5`,
      [
        q.hubId,
        q.status ?? null,
        after?.[0] ?? null,
        after?.[1] ?? null,
        q.limit + 1,
        ...scope.params,
      ],
    );
    return toPage(
      r.rows,
      q.limit,
      (row) => [new Date(row.referred_at).toISOString(), row.young_person_id],
      (row) => ({
        youngPersonId: row.young_person_id,
        hubId: row.hub_id,
        status: row.status,
        category: row.category,
        youngPerson: {
          givenName: row.given_name,
          familyName: row.family_name,
          dateOfBirth: String(row.date_of_birth),
        },
        socialWorker: { name: row.social_worker_name, team: row.social_worker_team },
        reason: row.reason,
        referredAt: new Date(row.referred_at).toISOString(),
        decidedAt:
          row.status !== 'referred' && row.decided_at
            ? new Date(row.decided_at).toISOString()
            : null,
        declineReason: row.status === 'declined' ? row.decline_reason : null,
        waitingDays: row.status === 'referred' ? row.waiting_days : null,
        possibleDuplicate: row.possible_duplicate,
      }),
    );
  }
}
