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
