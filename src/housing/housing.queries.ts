import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { READ_DB } from '#platform';

const day = (v: Date | string | null) =>
  v === null ? null : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);

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

export interface AccommodationEntry {
  on: string;
  accommodation: string;
  optionId: string | null;
  description: string;
  reason: string;
  planned: boolean;
  /** What it replaced (null for the first recorded). */
  from: { accommodation: string; description: string } | null;
}

interface EntryRow {
  on_date: string | Date;
  accommodation: string;
  option_id: string | null;
  description: string;
  reason: string;
  planned: boolean;
  prev_accommodation: string | null;
  prev_description: string | null;
}

const ENTRIES = `
  SELECT on_date, accommodation, option_id, description, reason, planned,
    lag(accommodation) OVER w AS prev_accommodation, lag(description) OVER w AS prev_description
  FROM rm_housing_pathway.entries WHERE young_person_id = $1
  WINDOW w AS (ORDER BY on_date, position)
  ORDER BY on_date, position`;

const toEntry = (r: EntryRow): AccommodationEntry => ({
  on: day(r.on_date)!,
  accommodation: r.accommodation,
  optionId: r.option_id,
  description: r.description,
  reason: r.reason,
  planned: r.planned,
  from: r.prev_accommodation
    ? { accommodation: r.prev_accommodation, description: r.prev_description ?? '' }
    : null,
});

export class GetHousingPathway extends Query<unknown> {
  constructor(readonly youngPersonId: string) {
    super();
  }
}

/** Every accommodation in order with reasons, the plan, tenancies and OC3 records. */
@QueryHandler(GetHousingPathway)
export class GetHousingPathwayHandler implements IQueryHandler<GetHousingPathway> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}
  async execute({ youngPersonId }: GetHousingPathway) {
    const entries = (await this.db.query<EntryRow>(ENTRIES, [youngPersonId])).rows.map(toEntry);
    const plan = (
      await this.db.query<{
        target_moves: { to: string; by: string }[];
        notes: string;
        set_on: string | Date;
      }>(
        `SELECT target_moves, notes, set_on FROM rm_housing_pathway.plans WHERE young_person_id = $1`,
        [youngPersonId],
      )
    ).rows[0];
    const tenancies = await this.db.query<Record<string, unknown>>(
      `SELECT * FROM rm_housing_pathway.tenancies WHERE young_person_id = $1 ORDER BY start, tenancy_id`,
      [youngPersonId],
    );
    const records = await this.db.query<Record<string, unknown>>(
      `SELECT * FROM rm_housing_pathway.care_leaver_records WHERE young_person_id = $1 ORDER BY age`,
      [youngPersonId],
    );
    return {
      youngPersonId,
      current: entries[entries.length - 1] ?? null,
      accommodations: entries,
      plan: plan
        ? { targetMoves: plan.target_moves, notes: plan.notes, setOn: day(plan.set_on) }
        : null,
      tenancies: tenancies.rows.map((t) => ({
        tenancyId: t.tenancy_id,
        landlordType: t.landlord_type,
        start: day(t.start as string),
        weeklyRent: Number(t.weekly_rent),
        address: t.address,
        openConcerns: t.concerns,
        history: t.history,
        ended: t.ended_on ? { on: day(t.ended_on as string), reason: t.end_reason } : null,
      })),
      careLeaverRecords: records.rows.map((r) => ({
        age: r.age,
        birthday: day(r.birthday as string),
        inTouch: r.in_touch,
        activ: r.activ,
        accom: r.accom,
        recordedOn: day(r.recorded_on as string),
      })),
    };
  }
}

export class GetHousingWatch extends Query<unknown> {
  constructor(readonly hubId: string) {
    super();
  }
}

/** Upcoming planned moves (overdue, or due within 90 days) and live tenancies with concerns. */
@QueryHandler(GetHousingWatch)
export class GetHousingWatchHandler implements IQueryHandler<GetHousingWatch> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}
  async execute({ hubId }: GetHousingWatch) {
    const moves = await this.db.query<{
      young_person_id: string;
      given_name: string | null;
      family_name: string | null;
      to: string;
      by: string;
    }>(
      `SELECT p.young_person_id, c.given_name, c.family_name, m.to, m.by
       FROM rm_housing_pathway.plans p
       CROSS JOIN jsonb_to_recordset(p.target_moves) AS m("to" text, by text)
       LEFT JOIN rm_caseloads.cases c USING (young_person_id)
       WHERE p.hub_id = $1 AND m.by::date <= current_date + 90
       ORDER BY m.by, p.young_person_id`,
      [hubId],
    );
    const risk = await this.db.query<Record<string, unknown>>(
      `SELECT t.*, c.given_name, c.family_name FROM rm_housing_pathway.tenancies t
       LEFT JOIN rm_caseloads.cases c USING (young_person_id)
       WHERE t.hub_id = $1 AND t.ended_on IS NULL AND jsonb_array_length(t.concerns) > 0
       ORDER BY t.start, t.tenancy_id`,
      [hubId],
    );
    const today = new Date().toISOString().slice(0, 10);
    return {
      hubId,
      upcomingMoves: moves.rows.map((m) => ({
        youngPersonId: m.young_person_id,
        youngPerson: m.given_name ? { givenName: m.given_name, familyName: m.family_name } : null,
        to: m.to,
        by: m.by,
        overdue: m.by < today,
      })),
      tenanciesAtRisk: risk.rows.map((t) => ({
        tenancyId: t.tenancy_id,
        youngPersonId: t.young_person_id,
        youngPerson: t.given_name ? { givenName: t.given_name, familyName: t.family_name } : null,
        landlordType: t.landlord_type,
        address: t.address,
        openConcerns: t.concerns,
      })),
    };
  }
}

export class GetStability extends Query<unknown> {
  constructor(
    readonly youngPersonId: string,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}

/** Accommodation stability: moves (changes after the first recorded home) within the period. */
@QueryHandler(GetStability)
export class GetStabilityHandler implements IQueryHandler<GetStability> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}
  async execute({ youngPersonId, from, to }: GetStability) {
    const entries = (await this.db.query<EntryRow>(ENTRIES, [youngPersonId])).rows.map(toEntry);
    const moves = entries.filter((e) => e.from !== null && e.on >= from && e.on < to);
    return {
      youngPersonId,
      period: { from, to },
      moves: moves.length,
      unplannedMoves: moves.filter((m) => !m.planned).length,
      accommodations: moves,
    };
  }
}
