import { Inject, Injectable } from '@nestjs/common';
import type { SqlDatabase } from '#event-store';
import { READ_DB } from '#platform';

export interface YoungPersonName {
  givenName: string;
  familyName: string;
}

export interface OpenCase extends YoungPersonName {
  youngPersonId: string;
  dateOfBirth: string;
}

export interface HubCase extends YoungPersonName {
  youngPersonId: string;
  hubId: string;
}

export interface CasePastRetention {
  youngPersonId: string;
  hubId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  /** The day the record may be destroyed: the 75th birthday. */
  retention: string;
}

/**
 * What other capabilities may ask of the cases the hub holds, answered from the caseload read
 * model. They ask here, never join its tables: the tables are the caseload's own to change.
 */
@Injectable()
export class CaseDirectory {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  /** Every case of these hubs, whatever its status (a return covers the closed ones too). */
  async casesOfHubs(hubIds: readonly string[]): Promise<HubCase[]> {
    if (hubIds.length === 0) return [];
    const r = await this.db.query<{
      id: string;
      hub_id: string;
      given_name: string;
      family_name: string;
    }>(
      `SELECT young_person_id::text AS id, hub_id::text, given_name, family_name
       FROM rm_caseloads.cases WHERE hub_id::text = ANY($1::text[])
       ORDER BY family_name, given_name, young_person_id`,
      [[...hubIds]],
    );
    return r.rows.map((row) => ({
      youngPersonId: row.id,
      hubId: row.hub_id,
      givenName: row.given_name,
      familyName: row.family_name,
    }));
  }

  /** The names of these young people; an id the caseload does not know is left out. */
  async namesOf(youngPersonIds: readonly string[]): Promise<Map<string, YoungPersonName>> {
    const ids = [...new Set(youngPersonIds)];
    if (ids.length === 0) return new Map();
    const r = await this.db.query<{ id: string; given_name: string; family_name: string }>(
      `SELECT young_person_id AS id, given_name, family_name FROM rm_caseloads.cases
       WHERE young_person_id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      r.rows.map((row) => [row.id, { givenName: row.given_name, familyName: row.family_name }]),
    );
  }

  /**
   * The hub's open (accepted) cases by name: who a bed, a family or a home can be offered to.
   * A hub works with about 40 young people at a time; all of them are returned.
   */
  async openCasesOf(hubId: string): Promise<OpenCase[]> {
    const r = await this.db.query<{
      young_person_id: string;
      given_name: string;
      family_name: string;
      date_of_birth: string;
    }>(
      `SELECT young_person_id, given_name, family_name, date_of_birth::text FROM rm_caseloads.cases
       WHERE hub_id = $1 AND status = 'accepted'
       ORDER BY lower(family_name), lower(given_name), young_person_id`,
      [hubId],
    );
    return r.rows.map((row) => ({
      youngPersonId: row.young_person_id,
      givenName: row.given_name,
      familyName: row.family_name,
      dateOfBirth: row.date_of_birth,
    }));
  }

  /** Cases whose young person is 75 or older today (the oldest 1,000), for the retention report. */
  async pastRetention(): Promise<CasePastRetention[]> {
    const r = await this.db.query<{
      young_person_id: string;
      hub_id: string;
      given_name: string;
      family_name: string;
      date_of_birth: string;
      retention: string;
    }>(
      `SELECT young_person_id, hub_id, given_name, family_name, date_of_birth::text,
         (date_of_birth + interval '75 years')::date::text AS retention
       FROM rm_caseloads.cases WHERE date_of_birth + interval '75 years' <= current_date
       ORDER BY date_of_birth, young_person_id LIMIT 1000`,
    );
    return r.rows.map((row) => ({
      youngPersonId: row.young_person_id,
      hubId: row.hub_id,
      givenName: row.given_name,
      familyName: row.family_name,
      dateOfBirth: row.date_of_birth,
      retention: row.retention,
    }));
  }
}
