import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openPgliteEventStore, type SqlEventStore } from '#event-store';
import { ProjectionRunner } from '#projections';
import { outreachProjections } from './outreach.module.js';
import { outreachStreamId, type OutreachEvent } from './outreach.events.js';
import { newEvent } from '#testing/new-events';

const hubId = randomUUID();
const yp = [randomUUID(), randomUUID()];
const who = { id: 'ow-1', name: 'Olu Worker' };
const contact = (contactId: string, youngPersonId: string, occurredAt: string): OutreachEvent => ({
  type: 'ContactLogged',
  data: {
    contactId,
    youngPersonId,
    hubId,
    workerId: who.id,
    workerName: who.name,
    occurredAt,
    kind: 'phone',
    location: null,
    durationMinutes: null,
    present: [],
    notes: `note ${contactId.slice(0, 4)}`,
    portfolioAreas: [],
    followUps: [],
    recordedAt: '2026-03-05T10:00:00.000Z',
    lateRecorded: true,
  },
});

function streamOf(youngPersonId: string): OutreachEvent[] {
  const [c1, c2, e1, i1] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const base = { youngPersonId, hubId };
  return [
    contact(c1, youngPersonId, '2026-03-02T10:00:00.000Z'),
    contact(c2, youngPersonId, '2026-03-01T10:00:00.000Z'),
    {
      type: 'ContactAmended',
      data: {
        ...base,
        contactId: c1,
        changes: { notes: 'amended', occurredAt: '2026-03-02T09:00:00.000Z' },
        previous: { notes: 'note', occurredAt: '2026-03-02T10:00:00.000Z' },
        reason: 'typo',
        amendedBy: who,
        amendedAt: '2026-03-05T11:00:00.000Z',
      },
    },
    {
      type: 'MissingEpisodeReported',
      data: {
        ...base,
        episodeId: e1,
        category: 'A',
        startedAt: '2026-03-03T20:00:00.000Z',
        policeInformed: false,
        policeReference: null,
        circumstances: 'late back',
        reportedBy: who,
        reportedAt: '2026-03-03T21:00:00.000Z',
      },
    },
    {
      type: 'MissingEpisodeUpdated',
      data: {
        ...base,
        episodeId: e1,
        at: '2026-03-03T22:00:00.000Z',
        note: 'seen',
        policeReference: 'P1',
      },
    },
    {
      type: 'YoungPersonReturned',
      data: {
        ...base,
        episodeId: e1,
        returnedAt: '2026-03-04T08:00:00.000Z',
        whereFound: 'home',
        interviewDueBy: '2026-03-07T08:00:00.000Z',
        windowHours: 72,
      },
    },
    {
      type: 'ReturnInterviewRecorded',
      data: {
        ...base,
        episodeId: e1,
        outcome: 'offered',
        at: '2026-03-04T09:00:00.000Z',
        by: null,
        notes: null,
      },
    },
    {
      type: 'IncidentRecorded',
      data: {
        ...base,
        incidentId: i1,
        kind: 'serious_incident',
        occurredAt: '2026-03-03T19:00:00.000Z',
        summary: 's',
        serious: true,
        involved: [],
        notify: ['ofsted', 'placing_authority'],
        recordedBy: who,
        recordedAt: '2026-03-03T19:30:00.000Z',
      },
    },
    {
      type: 'Reg40NotificationSent',
      data: {
        ...base,
        incidentId: i1,
        recipient: 'ofsted',
        notifiedAt: '2026-03-04T09:00:00.000Z',
        method: 'form',
        reference: null,
        recordedBy: who,
      },
    },
  ];
}

const TABLES = [
  'rm_contact_timeline.contacts ORDER BY contact_id',
  'rm_missing_board.episodes ORDER BY episode_id',
  'rm_incidents.incidents ORDER BY incident_id',
  'rm_incidents.notifications ORDER BY incident_id, recipient',
];

describe('the outreach read models', () => {
  let store: SqlEventStore;
  beforeAll(async () => {
    store = await openPgliteEventStore();
    // Two young people's streams, interleaved in the log a few events at a time.
    const streams = yp.map(streamOf);
    for (let i = 0; i < streams[0].length; i += 3) {
      for (const [n, events] of streams.entries()) {
        await store.append(
          outreachStreamId(yp[n]),
          events.slice(i, i + 3).map((e) => newEvent(e, '2026-03-01T00:00:00.000Z')),
          { expectedRevision: i === 0 ? 'no_stream' : i - 1 },
        );
      }
    }
  });
  afterAll(() => store.close());

  async function dump() {
    const out: unknown[] = [];
    for (const t of TABLES) out.push((await store.db.query(`SELECT * FROM ${t}`)).rows);
    return out;
  }

  it('come out the same at batch sizes 1 and 1000, and replaying changes nothing', async () => {
    const one = new ProjectionRunner(store, store.db, outreachProjections, { batchSize: 1 });
    await one.prepare();
    await one.catchUp();
    const first = await dump();
    const [contacts, episodes, , notifications] = first as Record<string, unknown>[][];
    expect(contacts).toHaveLength(4);
    expect(contacts.filter((c) => c.notes === 'amended')).toHaveLength(2);
    expect(episodes.map((e) => [e.interview_state, e.police_reference])).toEqual([
      ['offered', 'P1'],
      ['offered', 'P1'],
    ]);
    expect(notifications.filter((n) => n.notified_at === null)).toHaveLength(2);

    await store.db.query(`UPDATE projection_checkpoints SET transaction_id = '0', position = 0`);
    await one.catchUp();
    expect(await dump()).toEqual(first);

    for (const p of outreachProjections) await store.db.exec(`DROP SCHEMA rm_${p.name} CASCADE`);
    await store.db.query(`DELETE FROM projection_checkpoints`);
    const big = new ProjectionRunner(store, store.db, outreachProjections, { batchSize: 1000 });
    await big.prepare();
    await big.catchUp();
    expect(await dump()).toEqual(first);
  });
});
