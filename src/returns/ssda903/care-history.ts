import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import { readEventsAbout, type CareHistory } from '../../young-people/index.js';
import { childFacts } from './child-facts.js';
import { episodesOf, oc3DueOn } from './periods-of-care.js';

/**
 * The case's care history as the return reads it, for those who keep OC3 records: the young
 * person's events folded into periods of care, by the same rules the return is derived with.
 */
@Injectable()
export class CareHistoryFromLog implements CareHistory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async careLeaverOn(youngPersonId: string, day: string): Promise<boolean> {
    const facts = childFacts(await readEventsAbout(this.store, youngPersonId));
    return facts.dob !== null && oc3DueOn(episodesOf(facts.spells), facts.dob, day);
  }
}
