import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

const REASON = { 'X-Access-Reason': 'Monthly case file audit' };

describe('the access log and consent, over HTTP on PostgreSQL', () => {
  let api: TestApi;
  let hubId: string;
  let youngPersonId: string;
  let manager: Caller;
  let keyWorker: Caller;
  let auditor: Caller;
  let visitor: Caller;
  let setupPosition: number;

  const accessEvents = async (userId: string) =>
    (await api.infra.store.readStream(`access-log-${userId}`)).map(
      (e) => e.data as Record<string, unknown>,
    );

  beforeAll(async () => {
    api = await startTestApi('postgres');
    const admin = api.as({ id: 'admin', roles: ['admin'] });
    hubId = (
      await admin.call('POST', '/api/hubs', {
        name: 'Log Hub',
        council: 'C',
        plannedBeds: 4,
        emergencyBeds: 2,
      })
    ).body.hubId;
    manager = api.as({
      id: 'mgr-log',
      name: 'Morgan Manager',
      roles: ['hub_manager'],
      hubs: [hubId],
    });
    keyWorker = api.as({
      id: 'kw-log',
      name: 'Kit Keyworker',
      roles: ['key_worker'],
      hubs: [hubId],
    });
    auditor = api.as({ id: 'aud-log', name: 'Avery Auditor', roles: ['auditor'] });
    visitor = api.as({
      id: 'vis-log',
      name: 'Val Visitor',
      roles: ['independent_visitor'],
      hubs: [hubId],
    });
    const referral = await manager.call('POST', '/api/referrals', {
      hubId,
      category: 'edge_of_care',
      youngPerson: { givenName: 'Logan', familyName: 'Generated', dateOfBirth: '2010-10-10' },
      socialWorker: { name: 'S W', team: 'T' },
      reason: 'test',
    });
    youngPersonId = referral.body.youngPersonId;
    await manager.call('POST', `/api/young-people/${youngPersonId}/accept`);
    const allocated = await manager.call('POST', `/api/young-people/${youngPersonId}/key-worker`, {
      workerId: 'kw-log',
      workerName: 'Kit Keyworker',
    });
    // Lists are read models: read them after this write (read-your-writes).
    setupPosition = allocated.body.position;
  });
  afterAll(() => api.close());

  it('records who did it from the token, never from the body', async () => {
    const events = await api.infra.store.readStream(`young-person-${youngPersonId}`);
    expect(events.map((e) => e.metadata.actor.id)).toEqual(['mgr-log', 'mgr-log', 'mgr-log']);
    expect(events[0].metadata.actor).toMatchObject({
      name: 'Morgan Manager',
      roles: ['hub_manager'],
    });
    const spoof = await manager.call('POST', `/api/young-people/${youngPersonId}/decline`, {
      reason: 'x',
      actor: { id: 'someone-else' },
    });
    expect(spoof.status).toBe(400);
  });

  it('commits an entry for every look before the response is sent, with who, what and why', async () => {
    const summary = await manager.call('GET', `/api/young-people/${youngPersonId}`);
    expect(summary.status).toBe(200);
    // Read straight from the log, with no wait: the entry was committed before the answer.
    const [entry] = (await accessEvents('mgr-log')).slice(-1);
    expect(entry).toMatchObject({
      userId: 'mgr-log',
      youngPersonIds: [youngPersonId],
      view: 'case summary',
      reason: null,
      roles: ['hub_manager'],
    });

    const caseload = await keyWorker.call(
      'GET',
      `/api/caseloads/kw-log?after=${setupPosition}`,
      undefined,
      {
        'X-Access-Reason': 'Planning my week',
      },
    );
    expect(caseload.body.items.map((i: { youngPersonId: string }) => i.youngPersonId)).toEqual([
      youngPersonId,
    ]);
    expect((await accessEvents('kw-log')).slice(-1)[0]).toMatchObject({
      view: 'caseload',
      reason: 'Planning my week',
    });

    const queue = await manager.call('GET', `/api/hubs/${hubId}/referrals?after=${setupPosition}`);
    expect(queue.status).toBe(200);
    expect((await accessEvents('mgr-log')).slice(-1)[0]).toMatchObject({ view: 'referral queue' });

    // A list that shows nobody records nothing.
    const before = (await accessEvents('kw-log')).length;
    await keyWorker.call('GET', '/api/caseloads/kw-nobody');
    expect(await accessEvents('kw-log')).toHaveLength(before);
  });

  it('makes auditors and visitors say why, and records nothing when they do not', async () => {
    const head = (await api.infra.store.head()).position;
    const res = await auditor.call('GET', `/api/young-people/${youngPersonId}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'ACCESS.REASON_REQUIRED',
      errors: [{ field: 'X-Access-Reason' }],
    });
    expect((await api.infra.store.head()).position).toBe(head);
    expect(
      (await auditor.call('GET', `/api/young-people/${youngPersonId}`, undefined, REASON)).status,
    ).toBe(200);
    expect((await accessEvents('aud-log')).slice(-1)[0]).toMatchObject({
      reason: 'Monthly case file audit',
    });
    expect(
      (
        await auditor.call(
          'POST',
          `/api/young-people/${youngPersonId}/decline`,
          { reason: 'x' },
          REASON,
        )
      ).status,
    ).toBe(403);
  });

  it('lets a visitor see a case only while the young person’s consent is in force', async () => {
    const look = () =>
      visitor.call('GET', `/api/young-people/${youngPersonId}`, undefined, {
        'X-Access-Reason': 'Reg 44 monthly visit',
      });
    expect((await look()).body.code).toBe('ACCESS.NO_CONSENT');
    const granted = await manager.call('POST', `/api/young-people/${youngPersonId}/consents`, {
      visitorId: 'vis-log',
      visitorName: 'Val Visitor',
    });
    expect(granted.status).toBe(201);
    expect((await look()).status).toBe(200);
    const caseload = await visitor.call(
      'GET',
      `/api/caseloads/kw-log?after=${granted.body.position}`,
      undefined,
      { 'X-Access-Reason': 'Reg 44 monthly visit' },
    );
    expect(caseload.body.items).toHaveLength(1);

    expect(
      (await manager.call('DELETE', `/api/young-people/${youngPersonId}/consents/vis-log`)).status,
    ).toBe(200);
    // At once: no waiting for a read model.
    const after = await look();
    expect(after.status).toBe(403);
    expect(after.body.code).toBe('ACCESS.NO_CONSENT');
    const list = await visitor.call('GET', '/api/caseloads/kw-log', undefined, {
      'X-Access-Reason': 'Reg 44 monthly visit',
    });
    expect(list.body.items).toEqual([]);
  });

  it('serves the access log to auditors, filtered and paged, and the young person’s own view', async () => {
    const head = (await api.infra.store.head()).position;
    const all = await auditor.call(
      'GET',
      `/api/audit/access-log?youngPersonId=${youngPersonId}&after=${head}&limit=2`,
    );
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.nextCursor).not.toBeNull();
    let entries = [...all.body.items];
    let cursor = all.body.nextCursor;
    while (cursor) {
      const page = await auditor.call(
        'GET',
        `/api/audit/access-log?youngPersonId=${youngPersonId}&limit=2&cursor=${cursor}`,
      );
      entries = [...entries, ...page.body.items];
      cursor = page.body.nextCursor;
    }
    const who = new Set(entries.map((e: { user: { id: string } }) => e.user.id));
    expect(who).toEqual(new Set(['mgr-log', 'kw-log', 'aud-log', 'vis-log']));

    const mine = await auditor.call('GET', `/api/audit/access-log?userId=kw-log&after=${head}`);
    expect(mine.body.items.every((e: { user: { id: string } }) => e.user.id === 'kw-log')).toBe(
      true,
    );
    const future = await auditor.call('GET', `/api/audit/access-log?from=2999-01-01T00:00:00Z`);
    expect(future.body.items).toEqual([]);
    expect((await manager.call('GET', '/api/audit/access-log')).status).toBe(403);

    const own = await manager.call(
      'GET',
      `/api/young-people/${youngPersonId}/access-log?after=${head}`,
    );
    expect(own.status).toBe(200);
    expect(own.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          who: 'Avery Auditor',
          role: 'auditor',
          what: 'case summary',
          why: 'Monthly case file audit',
        }),
        expect.objectContaining({
          who: 'Kit Keyworker',
          what: 'caseload',
          why: 'Planning my week',
        }),
      ]),
    );
  });
});
