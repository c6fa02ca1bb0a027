import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { decodeCursor, READ_DB, toPage, type Page } from '#platform';
import { scopeSql, type AccessScope } from '../../access/index.js';
import { pathwayDueSql, pathwayReviewState } from './pathway-review.sql.js';

/** Flags within this many days of the young person's 25th birthday. */
export const TURNING_25_WINDOW_DAYS = 90;
export { REVIEW_DUE_WINDOW_DAYS } from './pathway-review.sql.js';

export interface CaseloadEntry {
  youngPersonId: string;
  hubId: string;
  status: 'accepted' | 'stepped_away';
  category: string;
  youngPerson: { givenName: string; familyName: string; dateOfBirth: string };
  /** Age today (the database's date). */
  age: number;
  keyWorker: { workerId: string; workerName: string; since: string } | null;
  /** Kept for the first version's clients: when the current key worker took the case. */
  keyWorkerSince: string | null;
  /** Set within 90 days of the 25th birthday: the case closes at 25, on the manager's command. */
  turning25On: string | null;
  /** Care leavers: the pathway plan review date, and whether it is due soon or overdue. */
  pathwayReview: { due: string; state: 'ok' | 'due' | 'overdue' } | null;
  /** Whole days (UK dates) since the last contact that reached the young person; null: none yet. */
  daysSinceLastContact: number | null;
  /**
   * Care leavers: the SSDA903 OC3 record due now (from 3 months before to 1 month after a
   * birthday from 17 to 21) and not yet made.
   */
  careLeaverRecordDue: { age: number; birthday: string; by: string } | null;
}

/** One key worker's caseload, or all open cases of one hub. */
export type CaseloadOf = { workerId: string } | { hubId: string };

export class GetCaseload extends Query<Page<CaseloadEntry>> {
  constructor(
    readonly of: CaseloadOf,
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
  status: 'accepted' | 'stepped_away';
  category: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  worker_id: string | null;
  worker_name: string | null;
  allocated_at: string | Date | null;
  age: number;
  turns_25_on: string;
  days_to_25: number;
  pathway_due: string | null;
  pathway_days: number | null;
  days_since_contact: number | null;
  oc3_age: number | null;
  oc3_birthday: string | null;
  oc3_by: string | null;
}

@QueryHandler(GetCaseload)
export class GetCaseloadHandler implements IQueryHandler<GetCaseload> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute(q: GetCaseload): Promise<Page<CaseloadEntry>> {
    const after = decodeCursor(q.cursor, 3);
    const scope = scopeSql(q.access, { hub: 'hub_id', keyWorker: 'worker_id' }, 6);
    const byWorker = 'workerId' in q.of;
    const r = await this.db.query<Row>(
      `SELECT young_person_id, hub_id, status, category, given_name, family_name,
         date_of_birth::text AS date_of_birth, worker_id, worker_name, allocated_at,
         date_part('year', age(current_date, date_of_birth))::int AS age,
         (date_of_birth + interval '25 years')::date::text AS turns_25_on,
         ((date_of_birth + interval '25 years')::date - current_date) AS days_to_25,
         (${pathwayDueSql()})::text AS pathway_due,
         (${pathwayDueSql()}) - current_date AS pathway_days,
         (now() AT TIME ZONE 'Europe/London')::date - (
           SELECT (max(k.occurred_at) AT TIME ZONE 'Europe/London')::date
           FROM rm_caseloads.contacts k
           WHERE k.young_person_id = cases.young_person_id AND k.reached
         ) AS days_since_contact,
         oc3.age AS oc3_age, oc3.birthday::text AS oc3_birthday, oc3.by::text AS oc3_by
       FROM rm_caseloads.cases
       LEFT JOIN LATERAL (
         SELECT a AS age, (date_of_birth + make_interval(years => a))::date AS birthday,
           (date_of_birth + make_interval(years => a) + interval '1 month')::date AS by
         FROM generate_series(17, 21) a
         WHERE cases.category = 'care_leaver'
           AND current_date BETWEEN (date_of_birth + make_interval(years => a) - interval '3 months')::date
                                AND (date_of_birth + make_interval(years => a) + interval '1 month')::date
           AND NOT EXISTS (SELECT 1 FROM rm_caseloads.care_leaver_records r
                           WHERE r.young_person_id = cases.young_person_id AND r.age = a)
         ORDER BY a LIMIT 1
       ) oc3 ON TRUE
       WHERE ${byWorker ? `worker_id = $1 AND status = 'accepted'` : `hub_id::text = $1 AND status IN ('accepted', 'stepped_away')`}
         AND ($2::text IS NULL
              OR (family_name, given_name, young_person_id) > ($2::text, $3::text, $4::uuid))
         AND ${scope.sql}
       ORDER BY family_name, given_name, young_person_id LIMIT $5`,
      [
        'workerId' in q.of ? q.of.workerId : q.of.hubId,
        after?.[0] ?? null,
        after?.[1] ?? null,
        after?.[2] ?? null,
        q.limit + 1,
        ...scope.params,
      ],
    );
    return toPage(
      r.rows,
      q.limit,
      (row) => [row.family_name, row.given_name, row.young_person_id],
      toEntry,
    );
  }
}

function toEntry(row: Row): CaseloadEntry {
  const since = row.allocated_at ? new Date(row.allocated_at).toISOString() : null;
  const days = row.pathway_days === null ? null : Number(row.pathway_days);
  return {
    youngPersonId: row.young_person_id,
    hubId: row.hub_id,
    status: row.status,
    category: row.category,
    youngPerson: {
      givenName: row.given_name,
      familyName: row.family_name,
      dateOfBirth: row.date_of_birth,
    },
    age: Number(row.age),
    keyWorker:
      row.worker_id && since
        ? { workerId: row.worker_id, workerName: row.worker_name ?? row.worker_id, since }
        : null,
    keyWorkerSince: since,
    turning25On: Number(row.days_to_25) <= TURNING_25_WINDOW_DAYS ? row.turns_25_on : null,
    pathwayReview:
      row.pathway_due === null || days === null
        ? null
        : {
            due: row.pathway_due,
            state: pathwayReviewState(days),
          },
    daysSinceLastContact: row.days_since_contact === null ? null : Number(row.days_since_contact),
    careLeaverRecordDue:
      row.oc3_age === null
        ? null
        : { age: Number(row.oc3_age), birthday: row.oc3_birthday!, by: row.oc3_by! },
  };
}
