import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SqlEventStore } from '#event-store';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

/**
 * A stored event of a type whose shape changed reads at the current version on every path
 * (decider, projection, as-of, chronology) and is never rewritten: here an OC3 record stored at
 * version 1 (`EY`), before the 2025-26 codes (`E1`).
 */
describe('stored events of an older shape (PostgreSQL)', () => {
  let api: TestApi;
  let manager: Caller;
  let youngPersonId: string;
  let hubId: string;
  let position: number;

  beforeAll(async () => {
    api = await startTestApi('postgres');
    hubId = await api.openHub('Upcast Hub');
    manager = api.as({ id: 'mgr', roles: ['hub_manager'], hubs: [hubId] });
    const birth = new Date(Date.now() + 20 * 86_400_000);
    birth.setUTCFullYear(birth.getUTCFullYear() - 18);
    const dateOfBirth = birth.toISOString().slice(0, 10);
    youngPersonId = (
      await manager.call('POST', '/api/referrals', {
        hubId,
        category: 'care_leaver',
        youngPerson: { givenName: 'Vera', familyName: 'Versioned', dateOfBirth },
        socialWorker: { name: 'S W', team: 'T' },
        reason: 'leaving care',
      })
    ).body.youngPersonId;
    await manager.call('POST', `/api/young-people/${youngPersonId}/accept`);
    // Written as the code of before wrote it: version 1, ACCOM `EY`.
    const before = new SqlEventStore(api.infra.readDb);
    const birthday = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    position = (
      await before.append(
        `housing-${youngPersonId}`,
        [
          {
            eventId: randomUUID(),
            type: 'CareLeaverRecordMade',
            data: {
              youngPersonId,
              hubId,
              age: 18,
              birthday,
              inTouch: 'YES',
              activ: 'F2',
              accom: 'EY',
              recordedOn: new Date().toISOString().slice(0, 10),
              collectionYear: '2025-26',
            },
            metadata: {
              actor: { id: 'mgr' },
              correlationId: randomUUID(),
              causationId: null,
              occurredAt: new Date().toISOString(),
              schemaVersion: 1,
            },
          },
        ],
        { expectedRevision: 'any' },
      )
    ).position;
  });
  afterAll(() => api.close());

  it('folds it in the decider, projects it and shows it in the chronology as version 2', async () => {
    const again = await manager.call(
      'POST',
      `/api/young-people/${youngPersonId}/care-leaver-records`,
      {
        age: 18,
        inTouch: 'YES',
        activ: 'F2',
        accom: 'E1',
      },
    );
    expect([again.status, again.body.code]).toEqual([409, 'OC3.ALREADY_RECORDED']);

    const housing = await manager.call(
      'GET',
      `/api/young-people/${youngPersonId}/housing?after=${position}`,
    );
    expect(JSON.stringify(housing.body)).toContain('"accom":"E1"');
    expect(JSON.stringify(housing.body)).not.toContain('"EY"');

    const chronology = await manager.call('GET', `/api/young-people/${youngPersonId}/chronology`);
    expect(JSON.stringify(chronology.body)).toContain('accommodation E1');

    const [stored] = await api.infra.store.readStream(`housing-${youngPersonId}`);
    expect(stored).toMatchObject({ data: { accom: 'E1' }, metadata: { schemaVersion: 2 } });
    // The log itself still holds what was written.
    const raw = await api.infra.readDb.query<{ accom: string; v: number }>(
      `SELECT data->>'accom' AS accom, (metadata->>'schemaVersion')::int AS v FROM events WHERE stream_id = $1`,
      [`housing-${youngPersonId}`],
    );
    expect(raw.rows).toEqual([{ accom: 'EY', v: 1 }]);
  });

  it('writes new events of that type at version 2', async () => {
    const other = await manager.call('POST', '/api/referrals', {
      hubId,
      category: 'care_leaver',
      youngPerson: {
        givenName: 'Nova',
        familyName: 'Versioned',
        dateOfBirth: (() => {
          const b = new Date(Date.now() + 10 * 86_400_000);
          b.setUTCFullYear(b.getUTCFullYear() - 19);
          return b.toISOString().slice(0, 10);
        })(),
      },
      socialWorker: { name: 'S W', team: 'T' },
      reason: 'leaving care',
    });
    await manager.call('POST', `/api/young-people/${other.body.youngPersonId}/accept`);
    const made = await manager.call(
      'POST',
      `/api/young-people/${other.body.youngPersonId}/care-leaver-records`,
      {
        age: 19,
        inTouch: 'NO',
      },
    );
    expect(made.status).toBe(201);
    const raw = await api.infra.readDb.query<{ data: { activ: string; accom: string }; v: number }>(
      `SELECT data, (metadata->>'schemaVersion')::int AS v FROM events WHERE stream_id = $1`,
      [`housing-${other.body.youngPersonId}`],
    );
    expect(raw.rows).toEqual([{ data: expect.objectContaining({ activ: '0', accom: '0' }), v: 2 }]);
  });
});
