import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ident,
  openPgliteEventStore,
  openPostgresEventStore,
  type NewEvent,
  type SqlEventStore,
} from '#event-store';
import { ProjectionRunner } from '#projections';
import { createTestDatabase } from '#testing/test-database';
import { youngPeopleProjections } from './young-people.module.js';
import type { YoungPersonEvent } from './young-people.events.js';

const meta = () => ({
  actor: { id: 'test' },
  correlationId: randomUUID(),
  causationId: null,
  occurredAt: '2026-02-01T10:00:00.000Z',
  schemaVersion: 1,
});
const ev = (e: YoungPersonEvent): NewEvent => ({ eventId: randomUUID(), ...e, metadata: meta() });

function history(i: number): YoungPersonEvent[] {
  const youngPersonId = randomUUID();
  const at = (d: number) => new Date(Date.UTC(2026, 1, d, 9)).toISOString();
  const received: YoungPersonEvent = {
    type: 'ReferralReceived',
    data: {
      youngPersonId,
      hubId: '22222222-2222-4222-8222-222222222222',
      category: i % 2 ? 'care_leaver' : 'edge_of_care',
      youngPerson: {
        givenName: `G${i}`,
        familyName: `F${i % 3}`,
        dateOfBirth: '2009-01-0' + ((i % 9) + 1),
      },
      socialWorker: { name: 'SW', team: 'T' },
      reason: `reason ${i}`,
      referredAt: at(1),
    },
  };
  if (i % 4 === 0)
    return [
      received,
      { type: 'ReferralDeclined', data: { youngPersonId, reason: 'no', declinedAt: at(2) } },
    ];
  const events: YoungPersonEvent[] = [
    received,
    { type: 'ReferralAccepted', data: { youngPersonId, acceptedAt: at(2) } },
  ];
  for (let k = 0; k < i % 3; k++) {
    events.push({
      type: 'KeyWorkerAllocated',
      data: {
        youngPersonId,
        workerId: `w${(i + k) % 5}`,
        workerName: `W${k}`,
        previousWorkerId: null,
        allocatedAt: at(3 + k),
      },
    });
  }
  if (i % 7 === 3) {
    const { splitFrom: _s, referralId: _r, ...details } = received.data;
    events.push({
      type: 'RepeatReferralReceived',
      data: {
        ...details,
        referredAt: at(4),
        referralId: randomUUID(),
        possibleDuplicate: true,
        backToScreening: false,
      },
    });
  }
  if (i % 6 === 2) {
    events.push({
      type: 'PlanReviewed',
      data: {
        youngPersonId,
        kind: 'pathway',
        reviewedOn: '2026-02-20',
        notes: 'ok',
        recordedAt: at(5),
      },
    });
  }
  if (i % 9 === 4) {
    events.push({
      type: 'ReferralDetailsCorrected',
      data: {
        youngPersonId,
        corrects: 'e',
        changes: { givenName: `Corrected${i}` },
        reason: 'typo',
        correctedAt: at(6),
      },
    });
  }
  if (i % 11 === 7) {
    events.push({
      type: 'CaseClosed',
      data: { youngPersonId, reason: 'reached_25', closedAt: at(11) },
    });
    return events;
  }
  if (i % 5 === 1) {
    events.push({
      type: 'CaseSteppedAway',
      data: { youngPersonId, reason: 'stable', on: '2026-03-01', recordedAt: at(9) },
    });
    if (i % 10 === 1)
      events.push({
        type: 'CaseReopened',
        data: { youngPersonId, reason: 'back', reopenedAt: at(10) },
      });
  }
  return events;
}

async function snapshot(store: SqlEventStore) {
  const out: Record<string, unknown[]> = {};
  for (const [schema, table] of [
    ['rm_caseloads', 'cases'],
    ['rm_referral_queue', 'referrals'],
  ]) {
    const r = await store.db.query(
      `SELECT * FROM ${ident(schema)}.${ident(table)} ORDER BY young_person_id`,
    );
    out[table] = r.rows;
  }
  return out;
}

describe.each(['PostgreSQL', 'PGlite'])('the young people read models on %s', (dialect) => {
  let store: SqlEventStore;
  let done: () => Promise<void>;
  beforeAll(async () => {
    if (dialect === 'PostgreSQL') {
      const database = await createTestDatabase();
      store = await openPostgresEventStore(database.url);
      done = async () => (await store.close(), await database.drop());
    } else {
      store = await openPgliteEventStore();
      done = () => store.close();
    }
    for (let i = 0; i < 40; i++) {
      const events = history(i);
      await store.append(`young-person-${events[0].data.youngPersonId}`, events.map(ev), {
        expectedRevision: 'no_stream',
      });
    }
  });
  afterAll(() => done());

  it('give the same rows whatever the batch size, and the same again when the events are replayed', async () => {
    const oneByOne = new ProjectionRunner(store, store.db, youngPeopleProjections, {
      batchSize: 1,
    });
    await oneByOne.prepare();
    await oneByOne.catchUp();
    const first = await snapshot(store);
    expect(first.cases).toHaveLength(40);
    const statuses = first.cases.map((c) => (c as { status: string }).status);
    expect(statuses.filter((x) => x === 'declined')).toHaveLength(10);
    // i = 6 and 26 stepped away; 1, 11, 21 and 31 stepped away and came back.
    expect(statuses.filter((x) => x === 'stepped_away')).toHaveLength(2);
    // i = 7, 18 and 29 closed at 25.
    expect(statuses.filter((x) => x === 'closed')).toHaveLength(3);

    await store.db.query(`UPDATE projection_checkpoints SET transaction_id = '0', position = 0`);
    const big = new ProjectionRunner(store, store.db, youngPeopleProjections, { batchSize: 1000 });
    await big.catchUp();
    expect(await snapshot(store)).toEqual(first);

    for (const p of youngPeopleProjections) await big.rebuild(p.name);
    expect(await snapshot(store)).toEqual(first);
  });
});
