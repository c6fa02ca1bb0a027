import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '../../../libs/event-store/src/index.js';
import { decodeCursor, READ_DB, toPage, type Page } from '../../../libs/platform/src/index.js';
import { scopeSql, type AccessScope } from '../../access/index.js';

export interface CaseloadEntry {
  youngPersonId: string;
  hubId: string;
  category: string;
  youngPerson: { givenName: string; familyName: string; dateOfBirth: string };
  keyWorkerSince: string;
}

export class GetCaseload extends Query<Page<CaseloadEntry>> {
  constructor(
    readonly workerId: string,
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
  category: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  allocated_at: string | Date;
}

/** A key worker's current cases, by family name. */
@QueryHandler(GetCaseload)
export class GetCaseloadHandler implements IQueryHandler<GetCaseload> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute(q: GetCaseload): Promise<Page<CaseloadEntry>> {
    const after = decodeCursor(q.cursor, 3);
    const scope = scopeSql(q.access, { hub: 'hub_id', keyWorker: 'worker_id' }, 6);
    const r = await this.db.query<Row>(
      `SELECT young_person_id, hub_id, category, given_name, family_name,
         date_of_birth::text AS date_of_birth, allocated_at
       FROM rm_caseloads.cases
       WHERE worker_id = $1 AND status = 'accepted'
         AND ($2::text IS NULL
              OR (family_name, given_name, young_person_id) > ($2::text, $3::text, $4::uuid))
         AND ${scope.sql}
       ORDER BY family_name, given_name, young_person_id LIMIT $5`,
      [
        q.workerId,
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
      (row) => ({
        youngPersonId: row.young_person_id,
        hubId: row.hub_id,
        category: row.category,
        youngPerson: {
          givenName: row.given_name,
          familyName: row.family_name,
          dateOfBirth: row.date_of_birth,
        },
        keyWorkerSince: new Date(row.allocated_at).toISOString(),
      }),
    );
  }
}
