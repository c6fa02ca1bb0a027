import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '#platform';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

interface KeptStates {
  states: number;
  events: number;
  limit: number;
}

describe('kept stream states: KEPT_EVENTS bounds them, /health shows them', () => {
  let api: TestApi;
  let hubId: string;
  let manager: Caller;
  let people = 0;

  beforeAll(async () => {
    api = await startTestApi('pglite', { keptEvents: 6 });
    const admin = api.as({ id: 'admin', roles: ['admin'] });
    hubId = (
      await admin.call('POST', '/api/hubs', {
        name: 'Kept',
        council: 'C',
        plannedBeds: 2,
        emergencyBeds: 1,
      })
    ).body.hubId;
    manager = api.as({ id: 'mgr', name: 'Mina Manager', roles: ['hub_manager'], hubs: [hubId] });
  });
  afterAll(() => api.close());

  const kept = async () => (await api.call('GET', '/health')).body.keptStates as KeptStates;

  async function acceptedCase() {
    const r = await manager.call('POST', '/api/referrals', {
      hubId,
      category: 'edge_of_care',
      youngPerson: {
        givenName: `Kept${++people}`,
        familyName: 'Generated',
        dateOfBirth: '2010-05-05',
      },
      socialWorker: { name: 'S W', team: 'T' },
      reason: 'Kept states',
    });
    const id = r.body.youngPersonId as string;
    await manager.call('POST', `/api/young-people/${id}/accept`);
    return id;
  }

  const logContacts = async (id: string, n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await manager.call('POST', `/api/young-people/${id}/contacts`, {
        occurredAt: hoursAgo(10 - i),
        kind: 'phone',
        notes: `Call ${i} with ${id.slice(0, 8)}`,
      });
      expect(r.status).toBe(201);
      ids.push(r.body.contactId);
    }
    return ids;
  };

  it('reads KEPT_EVENTS from the environment (200,000 unless set)', () => {
    expect(loadConfig({}).keptEvents).toBe(200_000);
    expect(loadConfig({ KEPT_EVENTS: '5000' }).keptEvents).toBe(5000);
    expect(() => loadConfig({ KEPT_EVENTS: 'lots' })).toThrow('KEPT_EVENTS must be a whole number');
  });

  it('keeps at most the limit, and decides as well on a state it had to drop and read again', async () => {
    const first = await acceptedCase();
    const second = await acceptedCase();
    const firstContacts = await logContacts(first, 5);
    const afterFirst = await kept();
    expect(afterFirst.limit).toBe(6);
    expect(afterFirst.states).toBeGreaterThan(0);
    // The sum stays under the limit, unless the one state just folded is over it alone.
    expect(afterFirst.events <= 6 || afterFirst.states === 1).toBe(true);

    await logContacts(second, 5);
    const afterSecond = await kept();
    expect(afterSecond.events <= 6 || afterSecond.states === 1).toBe(true);

    // The first young person's contacts were dropped: amending one folds them again in full.
    const amended = await manager.call(
      'POST',
      `/api/young-people/${first}/contacts/${firstContacts[0]}/amendments`,
      { notes: 'Call 0, with more detail', reason: 'Added the detail' },
    );
    expect(amended.status).toBe(200);
    const timeline = await manager.call(
      'GET',
      `/api/young-people/${first}/contacts?after=${amended.body.position}`,
    );
    const entry = timeline.body.items.find(
      (c: { contactId: string }) => c.contactId === firstContacts[0],
    );
    expect(entry.amendments).toEqual([
      expect.objectContaining({
        changes: { notes: 'Call 0, with more detail' },
        previous: { notes: `Call 0 with ${first.slice(0, 8)}` },
      }),
    ]);
    const again = await manager.call(
      'POST',
      `/api/young-people/${first}/contacts/${firstContacts[0]}/amendments`,
      { notes: 'Call 0, with more detail', reason: 'again' },
    );
    expect([again.status, again.body.code]).toEqual([422, 'CONTACT.NO_CHANGE']);
    const last = await kept();
    expect(last.events <= 6 || last.states === 1).toBe(true);
  });
});
