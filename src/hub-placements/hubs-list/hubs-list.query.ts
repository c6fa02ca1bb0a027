import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { decodeCursor, DEFAULT_PAGE_SIZE, READ_DB, toPage, type Page } from '#platform';

export interface HubView {
  hubId: string;
  name: string;
  council: string;
  plannedBeds: number;
  emergencyBeds: number;
  openedAt: string;
}

export class ListHubs extends Query<Page<HubView>> {
  constructor(
    readonly limit = DEFAULT_PAGE_SIZE,
    readonly cursor?: string,
  ) {
    super();
  }
}

interface Row {
  hub_id: string;
  name: string;
  council: string;
  planned_beds: number;
  emergency_beds: number;
  opened_at: Date | string;
}

@QueryHandler(ListHubs)
export class ListHubsHandler implements IQueryHandler<ListHubs> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute({ limit, cursor }: ListHubs): Promise<Page<HubView>> {
    const after = decodeCursor(cursor, 2);
    const r = await this.db.query<Row>(
      `SELECT * FROM rm_hubs_list.hubs
       WHERE $1::text IS NULL OR (name, hub_id) > ($1::text, $2::uuid)
       ORDER BY name, hub_id LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return toPage(r.rows, limit, (row) => [row.name, row.hub_id], toHubView);
  }
}

export function toHubView(row: Row): HubView {
  return {
    hubId: row.hub_id,
    name: row.name,
    council: row.council,
    plannedBeds: row.planned_beds,
    emergencyBeds: row.emergency_beds,
    openedAt: new Date(row.opened_at).toISOString(),
  };
}
