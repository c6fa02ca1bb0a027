import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WrongExpectedRevisionError, type EventStore } from '#event-store';
import { EVENT_STORE, newId, type RequestContext } from '#platform';
import { identityStreamId, type IdentityClaimed } from '../young-people.events.js';

/** A name as the register compares it: case and runs of white space do not matter. */
export const asWritten = (name: string) =>
  name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Name and date of birth, normalised: case and runs of white space do not matter. */
export function identityKey(person: {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
}) {
  return `${asWritten(person.givenName)}\n${asWritten(person.familyName)}\n${person.dateOfBirth}`;
}

/**
 * One case per young person, guarded by the event store itself: the first referral for a name
 * and date of birth claims `identity-<hash>` (appended only if the stream does not exist), so two
 * referrals for the same new young person at the same moment cannot open two cases. The stream
 * holds only a hash of the identity and the young person's id.
 */
@Injectable()
export class IdentityRegistry {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The young person this identity belongs to: the one who claimed it first. */
  async claim(key: string, candidate: string, ctx: RequestContext): Promise<string> {
    const streamId = identityStreamId(createHash('sha256').update(key).digest('hex').slice(0, 40));
    const owner = await this.owner(streamId);
    if (owner) return owner;
    const event: IdentityClaimed = { type: 'IdentityClaimed', data: { youngPersonId: candidate } };
    try {
      await this.store.append(
        streamId,
        [
          {
            eventId: newId(ctx, 'identity-claim'),
            ...event,
            metadata: {
              actor: ctx.actor,
              correlationId: ctx.correlationId,
              causationId: ctx.idempotencyKey,
              occurredAt: ctx.now,
              schemaVersion: 1,
            },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
      return candidate;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      return (await this.owner(streamId)) ?? candidate;
    }
  }

  private async owner(streamId: string): Promise<string | null> {
    const [first] = await this.store.readStream(streamId, { toRevision: 0 });
    return first ? (first.data as IdentityClaimed['data']).youngPersonId : null;
  }
}
