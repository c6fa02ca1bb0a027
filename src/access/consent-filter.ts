import { Inject, Injectable } from '@nestjs/common';
import { type RequestMemo } from '#platform';
import { DomainError } from '#kernel';
import type { AccessScope } from './access-scope.js';
import { CASE_FACTS, type CaseFactsSource } from './case-facts.js';
import type { RowsAboutYoungPeople } from './access-log/logs-access.decorator.js';
import { inScope } from './policy.js';

/**
 * The `consented` scope on rows: an independent (Reg 44) visitor sees a row about a young person
 * only while that young person's consent for them is in force, read from the case's own stream (a
 * withdrawn consent hides the rows at once). Every other scope passes rows through untouched: the
 * SQL scope filter has already kept them to the caller's hubs or caseload.
 */
@Injectable()
export class ConsentFilter {
  constructor(@Inject(CASE_FACTS) private readonly caseFacts: CaseFactsSource) {}

  /** The young people among `ids` whose rows this caller may see. */
  async allowed(
    access: AccessScope,
    ids: readonly string[],
    memo?: RequestMemo,
  ): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (access.scope !== 'consented') return new Set(unique);
    const judged = await Promise.all(
      unique.map(async (id) => {
        const facts = await this.caseFacts.find(id, memo);
        return facts !== null && inScope('consented', access.user, facts) ? id : null;
      }),
    );
    return new Set(judged.filter((id): id is string => id !== null));
  }

  /**
   * The response with only the rows this caller may see. Rows that cannot be withheld one by one
   * (no `keep`) refuse the whole response rather than show one row too many.
   */
  async keep<R>(
    access: AccessScope,
    response: R,
    rows: RowsAboutYoungPeople,
    memo?: RequestMemo,
  ): Promise<{ response: R; shown: string[] }> {
    const ids = [...new Set(rows.ids(response))];
    if (access.scope !== 'consented' || ids.length === 0) return { response, shown: ids };
    const allowed = await this.allowed(access, ids, memo);
    if (allowed.size === ids.length) return { response, shown: ids };
    if (!rows.keep) {
      throw new DomainError(
        'ACCESS.NO_CONSENT',
        'the young person has not given (or has withdrawn) consent for you to see their record',
        403,
      );
    }
    const kept = rows.keep(response, allowed) as R;
    return { response: kept, shown: rows.ids(kept).filter((id) => allowed.has(id)) };
  }
}
