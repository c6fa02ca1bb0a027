import { Inject, Injectable } from '@nestjs/common';
import type { SqlDatabase } from '#event-store';
import { READ_DB } from '#platform';
import { OUTCOMES_SETTINGS } from '../outcomes.settings.js';
import {
  computeIndicators,
  trendByQuarter,
  type BaselineFact,
  type Fact,
  type Indicator,
  type IndicatorInput,
  type PersonFact,
  type UnitCosts,
  type Window,
} from './indicators.js';

export interface OutcomesReport {
  window: Window;
  /** The instant the figures are as known at. */
  asOf: string;
  hubIds: readonly string[] | null;
  indicators: Indicator[];
  trend: { quarter: string; what: string; n: number }[];
}

/**
 * The outcomes of the hubs a caller may see, from the outcomes facts as known at an instant: what
 * was recorded after it is left out, so a figure can be shown again exactly as it was.
 */
@Injectable()
export class OutcomeIndicators {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    @Inject(OUTCOMES_SETTINGS) private readonly costs: UnitCosts,
  ) {}

  async report(
    hubIds: readonly string[] | null,
    window: Window,
    asOf: string,
  ): Promise<OutcomesReport> {
    const input = await this.input(hubIds, window, asOf);
    return {
      window,
      asOf,
      hubIds,
      indicators: computeIndicators(input),
      trend: trendByQuarter(input),
    };
  }

  private async input(
    hubIds: readonly string[] | null,
    window: Window,
    asOf: string,
  ): Promise<IndicatorInput> {
    const hubs = hubIds === null ? '' : 'AND p.hub_id::text = ANY($2::text[])';
    const args = hubIds === null ? [asOf] : [asOf, [...hubIds]];
    const people = await this.db.query<{ young_person_id: string; hub_id: string; dob: string }>(
      `SELECT young_person_id, hub_id, date_of_birth::text AS dob FROM rm_outcomes.people p
       WHERE recorded_at <= $1 ${hubs}`,
      args,
    );
    const facts = await this.db.query<{
      young_person_id: string;
      kind: string;
      on_date: string;
      code: string | null;
      code2: string | null;
    }>(
      `SELECT f.young_person_id, f.kind, f.on_date::text AS on_date, f.code, f.code2
       FROM rm_outcomes.facts f JOIN rm_outcomes.people p USING (young_person_id)
       WHERE f.recorded_at <= $1 ${hubs}
       ORDER BY f.position, f.seq`,
      args,
    );
    // The year before as last recorded by then.
    const baselines = await this.db.query<{
      young_person_id: string;
      missing_episodes: number;
      arrests: number;
      placements: number;
      residential_nights: number;
      exclusions: number;
    }>(
      `SELECT DISTINCT ON (b.young_person_id) b.*
       FROM rm_outcomes.baselines b JOIN rm_outcomes.people p USING (young_person_id)
       WHERE b.recorded_at <= $1 ${hubs}
       ORDER BY b.young_person_id, b.position DESC`,
      args,
    );
    return {
      people: people.rows.map((r): PersonFact => ({
        youngPersonId: r.young_person_id,
        hubId: r.hub_id,
        dateOfBirth: r.dob,
      })),
      facts: facts.rows.map((r): Fact => ({
        youngPersonId: r.young_person_id,
        kind: r.kind,
        on: r.on_date,
        code: r.code,
        code2: r.code2,
      })),
      baselines: new Map(
        baselines.rows.map((r): [string, BaselineFact] => [
          r.young_person_id,
          {
            youngPersonId: r.young_person_id,
            missingEpisodes: Number(r.missing_episodes),
            arrests: Number(r.arrests),
            placements: Number(r.placements),
            residentialNights: Number(r.residential_nights),
            exclusions: Number(r.exclusions),
          },
        ]),
      ),
      window,
      asOf: asOf.slice(0, 10),
      costs: this.costs,
    };
  }
}
