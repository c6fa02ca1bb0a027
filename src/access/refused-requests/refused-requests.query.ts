import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { decodeCursor, READ_DB, toPage, type Page } from '#platform';
import { refusedRequestsTable } from './refused-requests.js';

export interface RefusedEntry {
  entryId: string;
  /** Null for a request with no valid sign-in (401). */
  user: { id: string; name: string; roles: string[] } | null;
  method: string;
  path: string;
  targetId: string | null;
  status: number;
  code: string;
  refusedAt: string;
}

/** Refused requests, newest first. */
export class GetRefusedRequests extends Query<Page<RefusedEntry>> {
  constructor(
    readonly filter: { userId?: string; targetId?: string; from?: string; to?: string },
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}

interface Row {
  entry_id: string;
  user_id: string | null;
  user_name: string | null;
  roles: string;
  method: string;
  path: string;
  target_id: string | null;
  status: number;
  code: string;
  refused_at: string | Date;
}

@QueryHandler(GetRefusedRequests)
export class GetRefusedRequestsHandler implements IQueryHandler<GetRefusedRequests> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute({ filter, limit, cursor }: GetRefusedRequests): Promise<Page<RefusedEntry>> {
    const after = decodeCursor(cursor, 2);
    await refusedRequestsTable(this.db);
    const r = await this.db.query<Row>(
      `SELECT * FROM nwd_security.refused_requests
       WHERE ($1::text IS NULL OR user_id = $1)
         AND ($2::timestamptz IS NULL OR refused_at >= $2::timestamptz)
         AND ($3::timestamptz IS NULL OR refused_at < $3::timestamptz)
         AND ($4::timestamptz IS NULL OR (refused_at, entry_id) < ($4::timestamptz, $5::uuid))
         AND ($7::text IS NULL OR target_id = $7)
       ORDER BY refused_at DESC, entry_id DESC LIMIT $6`,
      [
        filter.userId ?? null,
        filter.from ?? null,
        filter.to ?? null,
        after?.[0] ?? null,
        after?.[1] ?? null,
        limit + 1,
        filter.targetId ?? null,
      ],
    );
    return toPage(
      r.rows,
      limit,
      (row) => [new Date(row.refused_at).toISOString(), row.entry_id],
      (row) => ({
        entryId: row.entry_id,
        user: row.user_id
          ? {
              id: row.user_id,
              name: row.user_name ?? row.user_id,
              roles: row.roles.split(',').filter(Boolean),
            }
          : null,
        method: row.method,
        path: row.path,
        targetId: row.target_id,
        status: Number(row.status),
        code: row.code,
        refusedAt: new Date(row.refused_at).toISOString(),
      }),
    );
  }
}

/** How many requests were refused since an instant, by status: probing shows as a count. */
export class CountRefusedRequests extends Query<Record<'401' | '403' | '404', number>> {
  constructor(readonly since: string) {
    super();
  }
}

@QueryHandler(CountRefusedRequests)
export class CountRefusedRequestsHandler implements IQueryHandler<CountRefusedRequests> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute({ since }: CountRefusedRequests) {
    await refusedRequestsTable(this.db);
    const r = await this.db.query<{ status: number; n: string | number }>(
      `SELECT status, count(*) AS n FROM nwd_security.refused_requests
       WHERE refused_at >= $1::timestamptz GROUP BY status`,
      [since],
    );
    const counts = { '401': 0, '403': 0, '404': 0 };
    for (const row of r.rows) counts[String(row.status) as '401' | '403' | '404'] = Number(row.n);
    return counts;
  }
}
