import { Injectable } from '@nestjs/common';
import { readOncePerRequest, StreamFolds, type RequestMemo } from '#platform';
import type { CaseFacts, CaseFactsSource } from '../access/index.js';
import { youngPersonStreamId, type YoungPersonEvent } from './young-people.events.js';
import { evolveCase, initialCase, type YoungPersonCase } from './young-person-case.state.js';
import { currentKeyWorker } from './case-rules.state.js';

const CASE_FOLD = { evolve: evolveCase, initialState: initialCase };

/** Access control's view of a case, folded from the case's own stream. */
@Injectable()
export class CaseFactsFromStreams implements CaseFactsSource {
  constructor(private readonly folds: StreamFolds) {}

  find(youngPersonId: string, memo?: RequestMemo): Promise<CaseFacts | null> {
    return readOncePerRequest(memo, `case-facts:${youngPersonId}`, () => this.read(youngPersonId));
  }

  private async read(youngPersonId: string): Promise<CaseFacts | null> {
    return this.folds.withState<YoungPersonEvent, YoungPersonCase, CaseFacts | null>(
      youngPersonStreamId(youngPersonId),
      CASE_FOLD,
      (state) => (state.status === 'none' ? null : facts(state)),
    );
  }
}

function facts(state: Exclude<YoungPersonCase, { status: 'none' }>): CaseFacts {
  return {
    status: state.status,
    hubId: state.referral.hubId,
    category: state.referral.category,
    dateOfBirth: state.referral.youngPerson.dateOfBirth,
    keyWorkerId: currentKeyWorker(state)?.workerId ?? null,
    consentedVisitorIds: state.consents.map((c) => c.visitorId),
  };
}
