import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

/**
 * A keyed request that fails on the state its own identical twin has just made gets the twin's
 * answer: concurrent retries of one request all see the replay, never a refusal.
 */
describe('concurrent retries of one keyed request (PostgreSQL)', () => {
  let api: TestApi;
  let manager: Caller;
  let hubId: string;

  beforeAll(async () => {
    api = await startTestApi('postgres');
    hubId = await api.openHub('Race Hub');
    manager = api.as({ id: 'mgr', roles: ['hub_manager'], hubs: [hubId] });
  });
  afterAll(() => api.close());

  it('72 identical accepts with one Idempotency-Key: one acceptance, every answer a success', async () => {
    for (let round = 0; round < 6; round++) await acceptRace(round);
  }, 60_000);

  async function acceptRace(round: number) {
    const referral = await manager.call('POST', '/api/referrals', {
      hubId,
      category: 'edge_of_care',
      youngPerson: { givenName: `Rory${round}`, familyName: 'Racer', dateOfBirth: '2010-05-05' },
      socialWorker: { name: 'S W', team: 'T' },
      reason: 'races',
    });
    const id = referral.body.youngPersonId as string;
    const answers = await Promise.all(
      Array.from({ length: 72 }, () =>
        manager.call('POST', `/api/young-people/${id}/accept`, undefined, {
          'Idempotency-Key': `accept-once-${round}`,
        }),
      ),
    );
    const statuses = answers.map((a) => `${a.status} ${a.body?.code ?? ''}`.trim());
    expect(statuses.filter((s) => !s.startsWith('2'))).toEqual([]);
    const events = await api.infra.store.readStream(`young-person-${id}`);
    expect(events.filter((e) => e.type === 'ReferralAccepted')).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body.revision))).toEqual(new Set([1]));
  }
});
