import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '#event-store';
import { youngPersonStreamId, type YoungPersonEvent } from './young-people.events.js';

/**
 * Generated cases (referred, accepted, key worker allocated) for load tests and benchmarks,
 * written straight to the log in the shapes the handlers produce. Names are generated: no real
 * person's data.
 */
export function syntheticCase(
  hubId: string,
  i: number,
): { youngPersonId: string; events: NewEvent[] } {
  const youngPersonId = randomUUID();
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  const worker = `kw-${i % 40}`;
  const decided: YoungPersonEvent[] = [
    {
      type: 'ReferralReceived',
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
    { type: 'ReferralAccepted', data: { youngPersonId, acceptedAt: at } },
    {
      type: 'KeyWorkerAllocated',
      data: {
        youngPersonId,
        workerId: worker,
        workerName: `Worker ${i % 40}`,
        previousWorkerId: null,
        allocatedAt: at,
      },
    },
  ];
  const metadata = {
    actor: { id: 'generator' },
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: at,
    schemaVersion: 1,
  };
  return { youngPersonId, events: decided.map((e) => ({ eventId: randomUUID(), ...e, metadata })) };
}

/** Appends `cases` synthetic cases with `writers` concurrent appenders; returns the events written. */
export async function appendSyntheticCases(
  store: EventStore,
  cases: number,
  writers = 8,
): Promise<number> {
  const hubId = randomUUID();
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let i = next++; i < cases; i = next++) {
        const { youngPersonId, events } = syntheticCase(hubId, i);
        await store.append(youngPersonStreamId(youngPersonId), events, {
          expectedRevision: 'no_stream',
        });
      }
    }),
  );
  return cases * 3;
}
