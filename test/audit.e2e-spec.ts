import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

/**
 * The database clock is set with `nwd.now` (PGlite is one session, so it holds for every append)
 * to write a March the way it happened: referral on the 1st, a contact about the 2nd logged on the
 * 5th, corrected on the 6th.
 */
describe('a case as it was known at any moment (PGlite)', () => {
  let api: TestApi;
  let manager: Caller;
  let auditor: Caller;
  let youngPersonId: string;
  let contactId: string;
  const clock = (instant: string | null) =>
    api.infra.readDb.query(instant ? `SET nwd.now = '${instant}'` : 'RESET nwd.now');

  beforeAll(async () => {
    api = await startTestApi('pglite');
    const hubId = (
      await api.as({ id: 'admin', roles: ['admin'] }).call('POST', '/api/hubs', {
        name: 'Audit',
        council: 'C',
        plannedBeds: 1,
        emergencyBeds: 1,
      })
    ).body.hubId;
    manager = api.as({ id: 'mgr', name: 'Mina Manager', roles: ['hub_manager'], hubs: [hubId] });
    auditor = api.as({ id: 'aud', name: 'Ada Auditor', roles: ['auditor'] });
    await clock('2026-03-01T09:00:00Z');
    const referral = await manager.call('POST', '/api/referrals', {
      hubId,
      category: 'edge_of_care',
      youngPerson: { givenName: 'Robin', familyName: 'Generated', dateOfBirth: '2010-04-04' },
      socialWorker: { name: 'Sam Social', team: 'North' },
      reason: 'Risk of care',
    });
    youngPersonId = referral.body.youngPersonId;
    await manager.call('POST', `/api/young-people/${youngPersonId}/accept`);
    await manager.call('POST', `/api/young-people/${youngPersonId}/key-worker`, {
      workerId: 'kw-1',
      workerName: 'Kit Keyworker',
    });
    await clock('2026-03-05T10:00:00Z');
    contactId = (
      await manager.call('POST', `/api/young-people/${youngPersonId}/contacts`, {
        occurredAt: '2026-03-02T15:00:00Z',
        kind: 'face_to_face',
        notes: 'Met at the park',
        present: [{ name: 'Jo Neighbour', relationship: 'neighbour' }],
      })
    ).body.contactId;
    await clock('2026-03-06T12:00:00Z');
    await manager.call(
      'POST',
      `/api/young-people/${youngPersonId}/contacts/${contactId}/amendments`,
      {
        notes: 'Met at the skate park',
        reason: 'Wrong place',
      },
    );
    await manager.call('POST', `/api/young-people/${youngPersonId}/key-worker`, {
      workerId: 'kw-2',
      workerName: 'Lee Keyworker',
      reason: 'Kit moved team',
    });
    await clock(null);
  });
  afterAll(() => api.close());

  const asOf = (instant: string) =>
    auditor.call('GET', `/api/young-people/${youngPersonId}/as-of?asOf=${instant}`, undefined, {
      'X-Access-Reason': 'audit test',
    });
  const why = { 'X-Access-Reason': 'audit test' };

  it('shows a contact logged on 5 March about 2 March only from 5 March, dated 2 March', async () => {
    const fourth = await asOf('2026-03-04T18:00:00Z');
    expect(fourth.status).toBe(200);
    expect(fourth.body.reflects).toMatchObject({
      instant: '2026-03-04T18:00:00.000Z',
      revision: null,
    });
    expect(fourth.body.case.summary.status).toBe('accepted');
    expect(fourth.body.case.contacts).toEqual([]);

    const sixthMorning = await asOf('2026-03-06T08:00:00Z');
    expect(sixthMorning.body.case.contacts).toEqual([
      expect.objectContaining({
        contactId,
        occurredAt: '2026-03-02T15:00:00.000Z',
        notes: 'Met at the park',
      }),
    ]);
    const seventh = await asOf('2026-03-07T00:00:00Z');
    expect(seventh.body.case.contacts[0].notes).toBe('Met at the skate park');
    expect(seventh.body.case.summary.keyWorker.workerName).toBe('Lee Keyworker');
    expect(sixthMorning.body.case.summary.keyWorker.workerName).toBe('Kit Keyworker');

    const byRevision = await auditor.call(
      'GET',
      `/api/young-people/${youngPersonId}/as-of?revision=1`,
      undefined,
      why,
    );
    expect(byRevision.body.reflects.revision).toBe(1);
    expect(byRevision.body.case.summary.status).toBe('accepted');
    expect(byRevision.body.case.summary.keyWorker).toBeNull();
    const bad = await auditor.call(
      'GET',
      `/api/young-people/${youngPersonId}/as-of?asOf=yesterday`,
      undefined,
      why,
    );
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'asOf']);
  });

  it('tells the chronology in the order things happened, late entries marked, corrections beside', async () => {
    const r = await auditor.call(
      'GET',
      `/api/young-people/${youngPersonId}/chronology`,
      undefined,
      why,
    );
    const kinds = r.body.entries.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual([
      'ReferralReceived',
      'ReferralAccepted',
      'KeyWorkerAllocated',
      'ContactLogged',
      'KeyWorkerAllocated',
    ]);
    const contact = r.body.entries[3];
    expect(contact).toMatchObject({
      module: 'outreach',
      occurredAt: '2026-03-02T15:00:00.000Z',
      recordedAt: '2026-03-05T10:00:00.000Z',
      lateRecorded: true,
      recordedBy: { id: 'mgr', name: 'Mina Manager' },
    });
    expect(contact.text).toContain('Met at the park');
    expect(contact.corrections).toEqual([
      expect.objectContaining({
        reason: 'Wrong place',
        at: '2026-03-06T12:00:00.000Z',
        text: 'Contact corrected: the notes now Met at the skate park',
      }),
    ]);
    const then = await auditor.call(
      'GET',
      `/api/young-people/${youngPersonId}/chronology?asOf=2026-03-05T12:00:00Z&module=outreach`,
      undefined,
      why,
    );
    expect(then.body.entries).toHaveLength(1);
    expect(then.body.entries[0].text).toContain('Met at the park');
    expect(then.body.entries[0].corrections).toEqual([]);
  });

  it('gives a field’s history: who changed it, when, from what to what', async () => {
    const kw = await auditor.call(
      'GET',
      `/api/young-people/${youngPersonId}/field-history?field=keyWorker`,
      undefined,
      why,
    );
    expect(
      kw.body.changes.map((c: { from: unknown; to: unknown; at: string }) => [c.from, c.to, c.at]),
    ).toEqual([
      [null, 'Kit Keyworker', '2026-03-01T09:00:00.000Z'],
      ['Kit Keyworker', 'Lee Keyworker', '2026-03-06T12:00:00.000Z'],
    ]);
    const notes = await auditor.call(
      'GET',
      `/api/young-people/${youngPersonId}/field-history?field=contacts.${contactId}.notes`,
      undefined,
      why,
    );
    expect(notes.body.changes).toEqual([
      expect.objectContaining({
        from: null,
        to: 'Met at the park',
        by: { id: 'mgr', name: 'Mina Manager' },
      }),
      expect.objectContaining({
        from: 'Met at the park',
        to: 'Met at the skate park',
        eventType: 'ContactAmended',
      }),
    ]);
    const unknown = await auditor.call(
      'GET',
      `/api/young-people/${youngPersonId}/field-history?field=shoeSize`,
      undefined,
      why,
    );
    expect([unknown.status, unknown.body.code]).toEqual([400, 'AUDIT.UNKNOWN_FIELD']);
  });

  it('prints the young person’s own record with third parties withheld, and logs the look', async () => {
    const html = await fetch(`${api.url}/api/young-people/${youngPersonId}/record`, {
      headers: {
        authorization: `Bearer ${await api.token({ id: 'mgr', roles: ['hub_manager'], hubs: [] })}`,
      },
    });
    expect(html.status).toBe(404); // not in this manager's hubs
    const res = await auditor.call(
      'GET',
      `/api/young-people/${youngPersonId}/record`,
      undefined,
      why,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.body).toContain('<h2>What happened, in order</h2>');
    expect(res.body).toContain('Met at the skate park');
    expect(res.body).not.toContain('Jo Neighbour');
    expect(res.body).toContain('name withheld');
    const json = await auditor.call(
      'GET',
      `/api/young-people/${youngPersonId}/record?format=json`,
      undefined,
      why,
    );
    expect(json.body.record.contacts[0].present[0].name).toMatch(/withheld/);
    expect(json.body.record.retentionDate).toBe('2085-04-04');
    const log = await auditor.call(
      'GET',
      `/api/young-people/${youngPersonId}/access-log?limit=50`,
      undefined,
      why,
    );
    expect(log.status).toBe(200);
    // Each copy handed over is logged as a disclosure, with the reason given.
    let disclosed: { view: string; reason: string | null }[] = [];
    for (let i = 0; i < 50 && disclosed.length < 2; i++) {
      const entries = await auditor.call(
        'GET',
        `/api/audit/access-log?youngPersonId=${youngPersonId}&limit=100`,
      );
      disclosed = entries.body.items.filter(
        (e: { view: string }) => e.view === 'subject access record disclosed',
      );
      if (disclosed.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    expect(disclosed).toHaveLength(2);
    expect(disclosed[0].reason).toBeTruthy();
  });
});
