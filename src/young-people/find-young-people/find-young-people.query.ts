import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { READ_DB } from '#platform';
import { ConsentFilter, scopeSql, type AccessScope } from '../../access/index.js';
import {
  pathwayDueSql,
  pathwayReviewState,
  REVIEW_DUE_WINDOW_DAYS,
} from '../caseload/pathway-review.sql.js';
import { containsPattern, foldName, foldNameSql } from './name-search.js';

/** The tabs of the hub's young people, in the order a case moves through them. */
export const CASE_STATUSES = [
  'referred',
  'accepted',
  'stepped_away',
  'closed',
  'declined',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const SORTS = {
  name: 'c.family_name, c.given_name',
  born: 'c.date_of_birth',
  referred: 'q.referred_at',
  worker: 'c.worker_name',
} as const;
export type SortKey = keyof typeof SORTS;

export interface YoungPeopleFilter {
  status: CaseStatus;
  /** Part of a name, as typed. */
  name?: string;
  /** YYYY-MM-DD. */
  bornOn?: string;
  workerId?: string;
  category?: string;
  /** Only those with this flag: the case's own flags are read here. */
  attention?: 'no_key_worker' | 'possible_duplicate' | 'pathway_review';
  /** Only these young people (those another capability flags); empty finds no one. */
  onlyIds?: readonly string[];
  sort: SortKey;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export type CaseFlag =
  'no_key_worker' | 'possible_duplicate' | 'pathway_review_due' | 'pathway_review_overdue';

export interface FoundYoungPerson {
  youngPersonId: string;
  hubId: string;
  youngPerson: { givenName: string; familyName: string; dateOfBirth: string };
  age: number;
  status: CaseStatus;
  category: string;
  keyWorker: { workerId: string; workerName: string } | null;
  referredAt: string | null;
  flags: CaseFlag[];
}

export interface FoundYoungPeople {
  items: FoundYoungPerson[];
  /** How many match in the chosen tab; the page shows `items` of them. */
  total: number;
  page: number;
  pages: number;
  /** How many match in each tab (the same search, every status). */
  counts: Record<CaseStatus, number>;
}

export class FindYoungPeople extends Query<FoundYoungPeople> {
  constructor(
    /** One hub's, or (null) every hub the caller may see: an auditor's list. */
    readonly hubId: string | null,
    readonly filter: YoungPeopleFilter,
    readonly access: AccessScope,
  ) {
    super();
  }
}

interface Row {
  young_person_id: string;
  hub_id: string;
  status: CaseStatus;
  category: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  age: number;
  worker_id: string | null;
  worker_name: string | null;
  referred_at: string | Date | null;
  possible_duplicate: boolean | null;
  pathway_days: number | null;
}

/**
 * The young people of one hub, as the manager finds them: every status (declined referrals
 * stay findable), searched by part of a name and by date of birth, filtered by key worker,
 * sorted, and paged with the total, never cut off without a word.
 */
@QueryHandler(FindYoungPeople)
export class FindYoungPeopleHandler implements IQueryHandler<FindYoungPeople> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly consent: ConsentFilter,
  ) {}

  async execute({ hubId, filter, access }: FindYoungPeople): Promise<FoundYoungPeople> {
    const params: unknown[] = [hubId];
    const add = (value: unknown) => `$${params.push(value)}`;
    const where = ['($1::text IS NULL OR c.hub_id::text = $1)'];
    const name = filter.name ? foldName(filter.name) : '';
    if (name) {
      where.push(
        `${foldNameSql(`c.given_name || ' ' || c.family_name`)} LIKE ${add(containsPattern(name))}`,
      );
    }
    if (filter.bornOn) where.push(`c.date_of_birth = ${add(filter.bornOn)}::date`);
    if (filter.workerId) where.push(`c.worker_id = ${add(filter.workerId)}`);
    if (filter.category) where.push(`c.category = ${add(filter.category)}`);
    if (filter.onlyIds)
      where.push(`c.young_person_id::text = ANY(${add([...filter.onlyIds])}::text[])`);
    if (filter.attention === 'no_key_worker')
      where.push(`c.status = 'accepted' AND c.worker_id IS NULL`);
    if (filter.attention === 'possible_duplicate')
      where.push(`c.status = 'referred' AND coalesce(q.possible_duplicate, false)`);
    if (filter.attention === 'pathway_review')
      where.push(
        `c.status = 'accepted' AND (${pathwayDueSql('c.')}) - current_date <= ${REVIEW_DUE_WINDOW_DAYS}`,
      );
    const scope = scopeSql(
      access,
      { hub: 'c.hub_id', keyWorker: 'c.worker_id' },
      params.length + 1,
    );
    params.push(...scope.params);
    where.push(scope.sql);
    const joined = `FROM rm_caseloads.cases c
      LEFT JOIN rm_referral_queue.referrals q USING (young_person_id)`;
    // A visitor finds only the young people who consented to them: the list, its counts and its
    // pages are made from those alone, so no count gives the others away.
    if (access.scope === 'consented') {
      const matching = await this.db.query<{ id: string }>(
        `SELECT c.young_person_id AS id ${joined} WHERE ${where.join(' AND ')}`,
        params,
      );
      const allowed = await this.consent.allowed(
        access,
        matching.rows.map((r) => r.id),
      );
      where.push(`c.young_person_id::text = ANY(${add([...allowed])}::text[])`);
    }
    const from = `${joined} WHERE ${where.join(' AND ')}`;

    const counted = await this.db.query<{ status: CaseStatus; n: number }>(
      `SELECT c.status, count(*)::int AS n ${from} GROUP BY c.status`,
      params,
    );
    const counts = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<
      CaseStatus,
      number
    >;
    for (const row of counted.rows) counts[row.status] = Number(row.n);
    const total = counts[filter.status];
    const pages = Math.max(1, Math.ceil(total / filter.pageSize));
    const page = Math.min(Math.max(1, filter.page), pages);

    const direction = filter.order === 'desc' ? 'DESC' : 'ASC';
    const order = SORTS[filter.sort]
      .split(', ')
      .map((column) => `${column} ${direction} NULLS LAST`)
      .join(', ');
    const r = await this.db.query<Row>(
      `SELECT c.young_person_id, c.hub_id::text AS hub_id, c.status, c.category, c.given_name, c.family_name,
         c.date_of_birth::text AS date_of_birth, c.worker_id, c.worker_name, q.referred_at,
         q.possible_duplicate,
         date_part('year', age(current_date, c.date_of_birth))::int AS age,
         (${pathwayDueSql('c.')}) - current_date AS pathway_days
       ${from} AND c.status = ${add(filter.status)}
       ORDER BY ${order}, c.young_person_id
       LIMIT ${add(filter.pageSize)} OFFSET ${add((page - 1) * filter.pageSize)}`,
      params,
    );
    return { items: r.rows.map(toFound), total, page, pages, counts };
  }
}

function toFound(row: Row): FoundYoungPerson {
  const flags: CaseFlag[] = [];
  if (row.status === 'accepted' && !row.worker_id) flags.push('no_key_worker');
  if (row.possible_duplicate && row.status === 'referred') flags.push('possible_duplicate');
  const days = row.pathway_days === null ? null : Number(row.pathway_days);
  const review = days === null || row.status !== 'accepted' ? 'ok' : pathwayReviewState(days);
  if (review === 'overdue') flags.push('pathway_review_overdue');
  if (review === 'due') flags.push('pathway_review_due');
  return {
    youngPersonId: row.young_person_id,
    hubId: row.hub_id,
    youngPerson: {
      givenName: row.given_name,
      familyName: row.family_name,
      dateOfBirth: row.date_of_birth,
    },
    age: Number(row.age),
    status: row.status,
    category: row.category,
    keyWorker:
      row.worker_id && row.worker_name
        ? { workerId: row.worker_id, workerName: row.worker_name }
        : null,
    referredAt: row.referred_at === null ? null : new Date(row.referred_at).toISOString(),
    flags,
  };
}
