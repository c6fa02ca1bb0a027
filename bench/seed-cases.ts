import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '../libs/event-store/src/index.js';

/**
 * Appends `cases` generated cases (referral, acceptance, key worker: three events each) in the
 * shapes the young-people handlers produce. Generated data only. Returns the events appended.
 */
export async function seedCases(store: EventStore, cases: number, writers = 8): Promise<number> {
  const hubId = randomUUID();
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let i = next++; i < cases; i = next++) {
        const youngPersonId = randomUUID();
        const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
        const meta = {
          actor: { id: 'seed' },
          correlationId: randomUUID(),
          causationId: null,
          occurredAt: at,
          schemaVersion: 1,
        };
        const events: NewEvent[] = [
          {
            eventId: randomUUID(),
            type: 'ReferralReceived',
            metadata: meta,
            data: {
              youngPersonId,
              hubId,
              category: 'edge_of_care',
              youngPerson: {
                givenName: `Given${i}`,
                familyName: `Family${i % 97}`,
                dateOfBirth: '2010-05-05',
              },
              socialWorker: { name: 'Generated Worker', team: 'Team A' },
              reason: 'generated',
              referredAt: at,
            },
          },
          {
            eventId: randomUUID(),
            type: 'ReferralAccepted',
            metadata: meta,
            data: { youngPersonId, acceptedAt: at },
          },
          {
            eventId: randomUUID(),
            type: 'KeyWorkerAllocated',
            metadata: meta,
            data: {
              youngPersonId,
              workerId: `kw-${i % 40}`,
              workerName: `Worker ${i % 40}`,
              previousWorkerId: null,
              allocatedAt: at,
            },
          },
        ];
        await store.append(`young-person-${youngPersonId}`, events, {
          expectedRevision: 'no_stream',
        });
      }
    }),
  );
  return cases * 3;
}
