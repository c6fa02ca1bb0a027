import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '../../libs/event-store/src/index.js';
import { EVENT_STORE, fold, readOncePerRequest } from '../../libs/platform/src/index.js';
import type { CaseFacts, CaseFactsSource } from '../access/index.js';
import { youngPersonStreamId, type YoungPersonEvent } from './young-people.events.js';
import {
  currentKeyWorker,
  evolveCase,
  initialCase,
  type YoungPersonCase,
} from './young-person-case.js';

/** Access control's view of a case, folded from the case's own stream. */
@Injectable()
export class CaseFactsFromStreams implements CaseFactsSource {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  find(youngPersonId: string): Promise<CaseFacts | null> {
    return readOncePerRequest(`case-facts:${youngPersonId}`, () => this.read(youngPersonId));
  }

  private async read(youngPersonId: string): Promise<CaseFacts | null> {
    const events = await this.store.readStream(youngPersonStreamId(youngPersonId));
    const state = fold<YoungPersonEvent, YoungPersonCase>(
      { evolve: evolveCase, initialState: initialCase },
      events,
    );
    if (state.status === 'none') return null;
    return {
      status: state.status,
      hubId: state.referral.hubId,
      category: state.referral.category,
      dateOfBirth: state.referral.youngPerson.dateOfBirth,
      keyWorkerId: currentKeyWorker(state)?.workerId ?? null,
      consentedVisitorIds: state.consents.map((c) => c.visitorId),
    };
  }
}
