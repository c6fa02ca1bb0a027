import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { decodeCursor, READ_DB, toPage, type Page } from '#platform';

export interface CommunityFamilyView {
  familyId: string;
  name: string;
  approvedOn: string;
  capacity: number;
  ageRange: { min: number; max: number };
  placed: number;
  vacancies: number;
}

export class ListCommunityFamilies extends Query<Page<CommunityFamilyView>> {
  constructor(
    readonly hubId: string,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}

interface Row {
  family_id: string;
  name: string;
  approved_on: string;
  capacity: number;
  min_age: number;
  max_age: number;
  placed: number;
}

@QueryHandler(ListCommunityFamilies)
export class ListCommunityFamiliesHandler implements IQueryHandler<ListCommunityFamilies> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute({
    hubId,
    limit,
    cursor,
  }: ListCommunityFamilies): Promise<Page<CommunityFamilyView>> {
    const after = decodeCursor(cursor, 2);
    const r = await this.db.query<Row>(
      `SELECT family_id, name, approved_on::text AS approved_on, capacity, min_age, max_age, placed
       FROM rm_community_families.families
       WHERE hub_id = $1 AND ($2::text IS NULL OR (name, family_id) > ($2::text, $3::uuid))
       ORDER BY name, family_id LIMIT $4`,
      [hubId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return toPage(
      r.rows,
      limit,
      (row) => [row.name, row.family_id],
      (row) => ({
        familyId: row.family_id,
        name: row.name,
        approvedOn: row.approved_on,
        capacity: row.capacity,
        ageRange: { min: row.min_age, max: row.max_age },
        placed: row.placed,
        vacancies: Math.max(0, row.capacity - row.placed),
      }),
    );
  }
}
