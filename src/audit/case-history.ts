import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, StoredEvent } from '../../libs/event-store/src/index.js';
import { DomainError, EVENT_STORE } from '../../libs/platform/src/index.js';
import { youngPersonStreamId } from '../young-people/young-people.events.js';

/** The moment a view reflects: an instant (what was recorded by then) or a case revision. */
export interface AsOf {
  asOf?: string;
  revision?: number;
}

export interface Reflects {
  /** The instant asked for (events recorded up to it), or null. */
  instant: string | null;
  /** The case stream revision asked for, or null. */
  revision: number | null;
  /** The last event folded: its position and when it was recorded. */
  lastEvent: { position: number; recordedAt: string } | null;
  events: number;
}

/** Reads every event about a young person as it was known at an instant or a case revision. */
@Injectable()
export class CaseHistory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async events(
    youngPersonId: string,
    at: AsOf = {},
  ): Promise<{ events: StoredEvent[]; reflects: Reflects }> {
    let toPosition: number | undefined;
    if (at.revision !== undefined) {
      const [event] = await this.store.readStream(youngPersonStreamId(youngPersonId), {
        fromRevision: at.revision,
        toRevision: at.revision,
      });
      if (!event) {
        throw new DomainError(
          'AUDIT.REVISION_NOT_FOUND',
          `the case has no revision ${at.revision}`,
          404,
          'revision',
        );
      }
      toPosition = event.position;
    }
    const events = await this.store.readAbout(youngPersonId, { recordedUpTo: at.asOf, toPosition });
    const last = events[events.length - 1];
    return {
      events,
      reflects: {
        instant: at.asOf ? new Date(at.asOf).toISOString() : null,
        revision: at.revision ?? null,
        lastEvent: last ? { position: last.position, recordedAt: last.recordedAt } : null,
        events: events.length,
      },
    };
  }
}
