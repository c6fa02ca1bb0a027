import { Inject, Injectable } from '@nestjs/common';
import type { SqlDatabase } from '#event-store';
import { READ_DB } from '#platform';
import type { BaselineFact, Fact, PersonFact } from './facts.js';

export interface PersonDetails extends PersonFact {
  sex: string | null;
  ethnicity: string | null;
  homePostcode: string | null;
}

export interface OutcomeFactsRead {
  people: PersonDetails[];
  facts: Fact[];
  /** The year before each young person's referral, as last recorded by then. */
  baselines: Map<string, BaselineFact>;
}

/**
 * The outcomes read model for some hubs (null: every hub) as known at an instant: what was
 * recorded after it is left out. What the indicators and the extract are both counted from.
 */
@Injectable()
export class OutcomeFacts {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async read(hubIds: readonly string[] | null, asOf: string): Promise<OutcomeFactsRead> {
    const hubs = hubIds === null ? '' : 'AND p.hub_id::text = ANY($2::text[])';
    const args = hubIds === null ? [asOf] : [asOf, [...hubIds]];
    const people = await this.db.query<{
      young_person_id: string;
      hub_id: string;
      dob: string;
      sex: string | null;
      ethnicity: string | null;
      home_postcode: string | null;
    }>(
      `SELECT young_person_id, hub_id, date_of_birth::text AS dob, sex, ethnicity, home_postcode
       FROM rm_outcomes.people p WHERE recorded_at <= $1 ${hubs}`,
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
      people: people.rows.map((r) => ({
        youngPersonId: r.young_person_id,
        hubId: r.hub_id,
        dateOfBirth: r.dob,
        sex: r.sex,
        ethnicity: r.ethnicity,
        homePostcode: r.home_postcode,
      })),
      facts: facts.rows.map((r) => ({
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
    };
  }
}
