import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { READ_DB } from '#platform';
import { scopeSql, type AccessScope } from '../../access/index.js';
import { foldName, foldNameSql } from './name-search.js';
import { asWritten } from '../receive-referral/identity-registry.js';

/** The identity register's comparison of a name, in SQL (see `asWritten`). */
const written = (column: string) => `lower(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`;

export interface PossibleMatch {
  youngPersonId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  status: string;
  /**
   * The same name (as written, case and spacing aside) and date of birth: a referral with these
   * details joins that case, as a possible duplicate, whatever the manager answers.
   */
  exact: boolean;
}

/**
 * Young people of the hub a new referral may be about, before it is saved: the same date of birth
 * with the same given or family name, or the same whole name (accents and case aside), whatever
 * the status of their case. At most 10, exact matches first; only those the asker may see.
 */
export class FindPossibleMatches extends Query<PossibleMatch[]> {
  constructor(
    readonly hubId: string,
    readonly person: { givenName: string; familyName: string; dateOfBirth: string },
    readonly access: AccessScope,
  ) {
    super();
  }
}

@QueryHandler(FindPossibleMatches)
export class FindPossibleMatchesHandler implements IQueryHandler<FindPossibleMatches> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute({ hubId, person, access }: FindPossibleMatches): Promise<PossibleMatch[]> {
    const given = foldNameSql('c.given_name');
    const family = foldNameSql('c.family_name');
    const params: unknown[] = [
      hubId,
      foldName(person.givenName),
      foldName(person.familyName),
      person.dateOfBirth,
      asWritten(person.givenName),
      asWritten(person.familyName),
    ];
    const scope = scopeSql(access, { hub: 'c.hub_id', keyWorker: 'c.worker_id' }, 7);
    params.push(...scope.params);
    const r = await this.db.query<{
      young_person_id: string;
      given_name: string;
      family_name: string;
      date_of_birth: string;
      status: string;
      exact: boolean;
    }>(
      `SELECT c.young_person_id, c.given_name, c.family_name, c.date_of_birth::text, c.status,
         (${written('c.given_name')} = $5 AND ${written('c.family_name')} = $6
           AND c.date_of_birth = $4::date) AS exact
       FROM rm_caseloads.cases c
       WHERE c.hub_id::text = $1 AND ${scope.sql}
         AND ((c.date_of_birth = $4::date AND (${given} = $2 OR ${family} = $3))
           OR (${given} = $2 AND ${family} = $3))
       ORDER BY exact DESC, c.family_name, c.given_name, c.young_person_id
       LIMIT 10`,
      params,
    );
    return r.rows.map((row) => ({
      youngPersonId: row.young_person_id,
      givenName: row.given_name,
      familyName: row.family_name,
      dateOfBirth: row.date_of_birth,
      status: row.status,
      exact: row.exact,
    }));
  }
}
