import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { decodeCursor, READ_DB, toPage, type Page } from '#platform';

export interface AccessEntry {
  entryId: string;
  youngPersonId: string;
  user: { id: string; name: string; roles: string[] };
  view: string;
  path: string;
  reason: string | null;
  viewedAt: string;
}

export interface AccessLogFilter {
  youngPersonId?: string;
  userId?: string;
  from?: string;
  to?: string;
}

/** Newest first. */
export class GetAccessLog extends Query<Page<AccessEntry>> {
  constructor(
    readonly filter: AccessLogFilter,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}

interface Row {
  entry_id: string;
  young_person_id: string;
  user_id: string;
  user_name: string;
  roles: string;
  view: string;
  path: string;
  reason: string | null;
  viewed_at: string | Date;
}

@QueryHandler(GetAccessLog)
export class GetAccessLogHandler implements IQueryHandler<GetAccessLog> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute({ filter, limit, cursor }: GetAccessLog): Promise<Page<AccessEntry>> {
    const after = decodeCursor(cursor, 3);
    const r = await this.db.query<Row>(
      `SELECT * FROM rm_access_log.entries
       WHERE ($1::uuid IS NULL OR young_person_id = $1::uuid)
         AND ($2::text IS NULL OR user_id = $2)
         AND ($3::timestamptz IS NULL OR viewed_at >= $3::timestamptz)
         AND ($4::timestamptz IS NULL OR viewed_at < $4::timestamptz)
         AND ($5::timestamptz IS NULL
              OR (viewed_at, entry_id, young_person_id) < ($5::timestamptz, $6::uuid, $7::uuid))
       ORDER BY viewed_at DESC, entry_id DESC, young_person_id DESC LIMIT $8`,
      [
        filter.youngPersonId ?? null,
        filter.userId ?? null,
        filter.from ?? null,
        filter.to ?? null,
        after?.[0] ?? null,
        after?.[1] ?? null,
        after?.[2] ?? null,
        limit + 1,
      ],
    );
    return toPage(
      r.rows,
      limit,
      (row) => [new Date(row.viewed_at).toISOString(), row.entry_id, row.young_person_id],
      (row) => ({
        entryId: row.entry_id,
        youngPersonId: row.young_person_id,
        user: { id: row.user_id, name: row.user_name, roles: row.roles.split(',').filter(Boolean) },
        view: row.view,
        path: row.path,
        reason: row.reason,
        viewedAt: new Date(row.viewed_at).toISOString(),
      }),
    );
  }
}

/** Who looked at young people's records, and which young people were looked at: the auditor's filters. */
export class FindLooks extends Query<{
  youngPersonIds: string[];
  people: { id: string; name: string }[];
}> {
  constructor(readonly filter: { userId?: string; from?: string; to?: string }) {
    super();
  }
}

@QueryHandler(FindLooks)
export class FindLooksHandler implements IQueryHandler<FindLooks> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute({ filter }: FindLooks) {
    const ids = await this.db.query<{ young_person_id: string }>(
      `SELECT DISTINCT young_person_id::text FROM rm_access_log.entries
       WHERE ($1::text IS NULL OR user_id = $1)
         AND ($2::timestamptz IS NULL OR viewed_at >= $2::timestamptz)
         AND ($3::timestamptz IS NULL OR viewed_at < $3::timestamptz)`,
      [filter.userId ?? null, filter.from ?? null, filter.to ?? null],
    );
    const people = await this.db.query<{ user_id: string; user_name: string }>(
      `SELECT user_id, max(user_name) AS user_name FROM rm_access_log.entries
       GROUP BY user_id ORDER BY max(user_name)`,
    );
    return {
      youngPersonIds: ids.rows.map((r) => r.young_person_id),
      people: people.rows.map((r) => ({ id: r.user_id, name: r.user_name })),
    };
  }
}

/** One look as the person made it: a list page seen once is one look naming everyone it showed. */
export interface Look {
  entryId: string;
  user: { id: string; name: string };
  view: string;
  path: string;
  reason: string | null;
  viewedAt: string;
  youngPersonIds: string[];
}

export interface LooksFilter {
  userId?: string;
  youngPersonId?: string;
  from?: string;
  to?: string;
  /** The kind of look: the page or route's name ("chronology page"). */
  view?: string;
}

/** The access log a look at a time, newest first, filtered, a page at a time with the total. */
export class GetLooks extends Query<{ looks: Look[]; total: number; views: string[] }> {
  constructor(
    readonly filter: LooksFilter,
    readonly page: number,
    readonly pageSize: number,
  ) {
    super();
  }
}

@QueryHandler(GetLooks)
export class GetLooksHandler implements IQueryHandler<GetLooks> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute({ filter, page, pageSize }: GetLooks) {
    const where = `($1::text IS NULL OR user_id = $1)
         AND ($2::timestamptz IS NULL OR viewed_at >= $2::timestamptz)
         AND ($3::timestamptz IS NULL OR viewed_at < $3::timestamptz)
         AND ($4::text IS NULL OR view = $4)
         AND ($5::uuid IS NULL OR entry_id IN
              (SELECT entry_id FROM rm_access_log.entries WHERE young_person_id = $5::uuid))`;
    const params = [
      filter.userId ?? null,
      filter.from ?? null,
      filter.to ?? null,
      filter.view ?? null,
      filter.youngPersonId ?? null,
    ];
    const total = await this.db.query<{ n: number }>(
      `SELECT count(DISTINCT entry_id)::int AS n FROM rm_access_log.entries WHERE ${where}`,
      params,
    );
    const r = await this.db.query<{
      entry_id: string;
      user_id: string;
      user_name: string;
      view: string;
      path: string;
      reason: string | null;
      viewed_at: string | Date;
      ids: string[];
    }>(
      `SELECT entry_id::text, user_id, max(user_name) AS user_name, max(view) AS view,
         max(path) AS path, max(reason) AS reason, max(viewed_at) AS viewed_at,
         array_agg(young_person_id::text ORDER BY young_person_id) AS ids
       FROM rm_access_log.entries WHERE ${where}
       GROUP BY entry_id, user_id ORDER BY max(viewed_at) DESC, entry_id DESC
       LIMIT $6 OFFSET $7`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    const views = await this.db.query<{ view: string }>(
      `SELECT DISTINCT view FROM rm_access_log.entries ORDER BY view`,
    );
    return {
      total: Number(total.rows[0]?.n ?? 0),
      views: views.rows.map((v) => v.view),
      looks: r.rows.map((row) => ({
        entryId: row.entry_id,
        user: { id: row.user_id, name: row.user_name },
        view: row.view,
        path: row.path,
        reason: row.reason,
        viewedAt: new Date(row.viewed_at).toISOString(),
        youngPersonIds: row.ids,
      })),
    };
  }
}
