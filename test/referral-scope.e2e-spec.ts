import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

const person = { givenName: 'Ottoline', familyName: 'Brackenbury', dateOfBirth: '2010-02-02' };
const referral = (hubId: string, extra: Record<string, unknown> = {}) => ({
  hubId,
  category: 'edge_of_care',
  youngPerson: person,
  socialWorker: { name: 'Sam Referrer', team: 'Hub A duty team' },
  reason: 'worried about school',
  ...extra,
});

/**
 * One young person keeps one case with the hub that holds it: another hub can neither write to
 * that case nor find it. A referral from hub A for hub B's young person is a request to hub B.
 */
describe('referrals stay inside the referrer’s scope (PostgreSQL)', () => {
  let api: TestApi;
  let hubA: string;
  let hubB: string;
  let managerA: Caller;
  let managerB: Caller;
  let caseInB: string;

  beforeAll(async () => {
    api = await startTestApi('postgres');
    hubA = await api.openHub('Hub A');
    hubB = await api.openHub('Hub B');
    managerA = api.as({ id: 'mgr-a', roles: ['hub_manager'], hubs: [hubA] });
    managerB = api.as({ id: 'mgr-b', roles: ['hub_manager'], hubs: [hubB] });
    const opened = await managerB.call('POST', '/api/referrals', {
      ...referral(hubB),
      socialWorker: { name: 'B Worker', team: 'B team' },
      reason: 'private reason held by hub B',
    });
    expect(opened.status).toBe(201);
    caseInB = opened.body.youngPersonId;
    await managerB.call('POST', `/api/young-people/${caseInB}/accept`);
  });
  afterAll(() => api.close());

  const eventsOf = async (youngPersonId: string) =>
    (await api.infra.store.readStream(`young-person-${youngPersonId}`)).length;

  it('refuses to add to another hub’s case by id, exactly as for an id nobody has', async () => {
    const before = await eventsOf(caseInB);
    const head = (await api.infra.store.head()).position;
    const other = await managerA.call(
      'POST',
      '/api/referrals',
      referral(hubA, { youngPersonId: caseInB }),
    );
    const unknownId = '0f0f0f0f-0000-4000-8000-000000000001';
    const unknown = await managerA.call(
      'POST',
      '/api/referrals',
      referral(hubA, { youngPersonId: unknownId }),
    );
    expect(other.status).toBe(404);
    expect(unknown.status).toBe(404);
    const shape = (b: Record<string, unknown>, id: string) =>
      JSON.stringify({ ...b, instance: undefined }).replaceAll(id, '<id>');
    expect(shape(other.body, caseInB)).toEqual(shape(unknown.body, unknownId));
    expect(other.body.code).toBe('YOUNG_PERSON.NOT_FOUND');
    expect(await eventsOf(caseInB)).toBe(before);
    expect((await api.infra.store.head()).position).toBe(head);
  });

  it('sends a referral by name and date of birth to the hub that holds the case, revealing nothing', async () => {
    const res = await managerA.call('POST', '/api/referrals', referral(hubA), {
      'Idempotency-Key': 'forward-1',
    });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ repeat: true, forwarded: true, position: expect.any(Number) });
    expect(res.headers.get('location')).toBeNull();
    const text = JSON.stringify(res.body) + [...res.headers].join(' ');
    expect(text).not.toContain(caseInB);
    expect(text).not.toContain('private reason');

    // A retry answers the same, still without the id.
    const again = await managerA.call('POST', '/api/referrals', referral(hubA), {
      'Idempotency-Key': 'forward-1',
    });
    expect(again.status).toBe(202);
    expect(again.body).toEqual(res.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    // Hub B's manager sees it in their referral queue, with the referrer's details, to decide.
    const queue = await managerB.call(
      'GET',
      `/api/hubs/${hubB}/referrals?status=referred&after=${res.body.position}`,
    );
    const row = queue.body.items.find(
      (i: { youngPersonId: string }) => i.youngPersonId === caseInB,
    );
    expect(row).toMatchObject({ possibleDuplicate: true });
    const summary = await managerB.call('GET', `/api/young-people/${caseInB}`);
    const forwarded = summary.body.repeatReferrals.find(
      (r: { forwarded?: boolean }) => r.forwarded === true,
    );
    expect(forwarded).toMatchObject({
      hubId: hubA,
      socialWorker: { name: 'Sam Referrer', team: 'Hub A duty team' },
      duplicate: 'pending',
    });

    // Hub A's lists never show hub B's case.
    const queueA = await managerA.call(
      'GET',
      `/api/hubs/${hubA}/referrals?after=${res.body.position}`,
    );
    expect(JSON.stringify(queueA.body)).not.toContain(caseInB);
  });

  it('answers 422 IDEMPOTENCY.KEY_REUSED for a key reused with another referral', async () => {
    const head = (await api.infra.store.head()).position;
    const first = await managerA.call(
      'POST',
      '/api/referrals',
      { ...referral(hubA), youngPerson: { ...person, givenName: 'Keyfirst' } },
      { 'Idempotency-Key': 'reused-key' },
    );
    expect(first.status).toBe(201);
    const afterFirst = (await api.infra.store.head()).position;
    expect(afterFirst).toBeGreaterThan(head);
    const second = await managerA.call(
      'POST',
      '/api/referrals',
      { ...referral(hubA), youngPerson: { ...person, givenName: 'Keysecond' } },
      { 'Idempotency-Key': 'reused-key' },
    );
    expect([second.status, second.body.code]).toEqual([422, 'IDEMPOTENCY.KEY_REUSED']);
    expect((await api.infra.store.head()).position).toBe(afterFirst);
  });
});
