import { randomUUID } from 'node:crypto';
import type { NewEvent, SqlEventStore } from '#event-store';
import { syntheticCase, youngPersonStreamId } from '../young-people/index.js';
import { outreachStreamId, type ContactLogged } from './outreach.events.js';

/**
 * Generated cases with many contacts, written straight to the log in the handlers' shapes, for
 * benchmarks and tests of long streams (folds, snapshots). Generated text: no real person.
 */
const DAY = 86_400_000;

/** A case of `n` events: referral, acceptance, allocation, then weekly-ish contacts. */
export async function appendCaseOf(store: SqlEventStore, n: number, hubId: string = randomUUID()) {
  const { youngPersonId, events } = syntheticCase(hubId, n);
  await store.append(youngPersonStreamId(youngPersonId), events, { expectedRevision: 'no_stream' });
  const start = Date.UTC(2020, 0, 1);
  let revision: number | 'no_stream' = 'no_stream';
  const contacts = n - events.length;
  for (let from = 0; from < contacts; from += 500) {
    const batch: NewEvent[] = [];
    for (let i = from; i < Math.min(contacts, from + 500); i++) {
      const occurredAt = new Date(start + i * (DAY / 4)).toISOString();
      const data: ContactLogged['data'] = {
        contactId: randomUUID(),
        youngPersonId,
        hubId,
        workerId: 'kw-1',
        workerName: 'Worker 1',
        occurredAt,
        kind: i % 5 === 0 ? 'phone' : 'face_to_face',
        location: 'Town centre',
        durationMinutes: 30,
        present: [],
        notes: `Generated contact ${i}: talked about the week ahead and college`,
        portfolioAreas: ['education_training_employment'],
        followUps: [],
        recordedAt: occurredAt,
        lateRecorded: false,
      };
      batch.push({
        eventId: randomUUID(),
        type: 'ContactLogged',
        data,
        metadata: {
          actor: { id: 'kw-1' },
          correlationId: randomUUID(),
          causationId: null,
          occurredAt,
          schemaVersion: 1,
        },
      });
    }
    const r = await store.append(outreachStreamId(youngPersonId), batch, {
      expectedRevision: revision,
    });
    revision = r.revision;
  }
  return youngPersonId;
}
