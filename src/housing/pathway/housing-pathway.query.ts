import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { READ_DB } from '#platform';
import { CaseDirectory } from '../../young-people/index.js';
import { day } from '../read-model-dates.js';

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
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly cases: CaseDirectory,
  ) {}
  async execute({ hubId }: GetHousingWatch) {
    const moves = await this.db.query<{
      young_person_id: string;
      to: string;
      by: string;
    }>(
      `SELECT p.young_person_id, m.to, m.by
       FROM rm_housing_pathway.plans p
       CROSS JOIN jsonb_to_recordset(p.target_moves) AS m("to" text, by text)
       WHERE p.hub_id = $1 AND m.by::date <= current_date + 90
       ORDER BY m.by, p.young_person_id`,
      [hubId],
    );
    const risk = await this.db.query<Record<string, unknown>>(
      `SELECT t.* FROM rm_housing_pathway.tenancies t
       WHERE t.hub_id = $1 AND t.ended_on IS NULL AND jsonb_array_length(t.concerns) > 0
       ORDER BY t.start, t.tenancy_id`,
      [hubId],
    );
    const names = await this.cases.namesOf(
      [...moves.rows, ...risk.rows].map((r) => r.young_person_id as string),
    );
    const today = new Date().toISOString().slice(0, 10);
    return {
      hubId,
      upcomingMoves: moves.rows.map((m) => ({
        youngPersonId: m.young_person_id,
        youngPerson: names.get(m.young_person_id) ?? null,
        to: m.to,
        by: m.by,
        overdue: m.by < today,
      })),
      tenanciesAtRisk: risk.rows.map((t) => ({
        tenancyId: t.tenancy_id,
        youngPersonId: t.young_person_id,
        youngPerson: names.get(t.young_person_id as string) ?? null,
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
