import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { READ_DB } from '#platform';
import { day } from '../read-model-dates.js';

export interface HousingOptionView {
  optionId: string;
  kind: string;
  name: string;
  capacity: number;
  occupied: number;
  vacancies: number;
  ageRange: { min: number; max: number };
  approvedOn: string | null;
  ofstedRegistration: string | null;
  moveOnType: string | null;
  suspended: { reason: string; from: string } | null;
}

export class ListHousingOptions extends Query<{ hubId: string; options: HousingOptionView[] }> {
  constructor(readonly hubId: string) {
    super();
  }
}

/** Vacancies across all the hub's options (a suspended one offers none). */
@QueryHandler(ListHousingOptions)
export class ListHousingOptionsHandler implements IQueryHandler<ListHousingOptions> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}
  async execute({ hubId }: ListHousingOptions) {
    const r = await this.db.query<Record<string, never>>(
      `SELECT o.*, (SELECT count(*)::int FROM rm_housing_options.residents r WHERE r.option_id = o.option_id) AS occupied
       FROM rm_housing_options.options o WHERE o.hub_id = $1 ORDER BY o.kind, o.name, o.option_id`,
      [hubId],
    );
    const options = r.rows.map((o: Record<string, unknown>): HousingOptionView => {
      const occupied = Number(o.occupied);
      return {
        optionId: o.option_id as string,
        kind: o.kind as string,
        name: o.name as string,
        capacity: o.capacity as number,
        occupied,
        vacancies: o.suspended_reason ? 0 : Math.max(0, (o.capacity as number) - occupied),
        ageRange: { min: o.min_age as number, max: o.max_age as number },
        approvedOn: day(o.approved_on as string | null),
        ofstedRegistration: (o.ofsted_registration as string | null) ?? null,
        moveOnType: (o.move_on_type as string | null) ?? null,
        suspended: o.suspended_reason
          ? { reason: o.suspended_reason as string, from: day(o.suspended_from as string)! }
          : null,
      };
    });
    return { hubId, options };
  }
}
