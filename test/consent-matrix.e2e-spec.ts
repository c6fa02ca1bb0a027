import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { discoverRoutes, SAMPLES, type Fixture, type Route } from './support/routes.js';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

const FAMILY_NAME = 'Quillfeather';
const REASON = { 'X-Access-Reason': 'Reg 44 monthly visit' };

/**
 * An independent (Reg 44) visitor sees a young person's rows only with that young person's
 * consent: on every route that declares it shows young people (lists, boards and pages included),
 * a visitor without consent sees none of them, and a visitor with consent sees them.
 */
describe('consent holds on every route that shows young people (PostgreSQL)', () => {
  let api: TestApi;
  let routes: Route[];
  let fixture: Fixture;
  let withoutConsent: Caller;
  let withConsent: Caller;

  beforeAll(async () => {
    api = await startTestApi('postgres');
    const hubId = await api.openHub('Consent Hub', { planned: 2, emergency: 1 });
    const manager = api.as({ id: 'mgr', roles: ['hub_manager'], hubs: [hubId] });
    const workerId = 'w-consent';
    const worker = api.as({ id: workerId, roles: ['key_worker'], hubs: [hubId] });
    const referral = await manager.call('POST', '/api/referrals', {
      hubId,
      category: 'edge_of_care',
      youngPerson: { givenName: 'Zephyrine', familyName: FAMILY_NAME, dateOfBirth: '2009-03-03' },
      socialWorker: { name: 'S W', team: 'T' },
      reason: 'consent matrix',
    });
    expect(referral.status).toBe(201);
    const youngPersonId = referral.body.youngPersonId as string;
    fixture = { hubId, youngPersonId, workerId };
    const steps: [Caller, string, string, unknown][] = [
      [manager, 'POST', `/api/young-people/${youngPersonId}/accept`, undefined],
      [
        manager,
        'POST',
        `/api/young-people/${youngPersonId}/key-worker`,
        { workerId, workerName: 'Wren Consent' },
      ],
      [
        manager,
        'POST',
        `/api/young-people/${youngPersonId}/consents`,
        { visitorId: 'visitor-yes', visitorName: 'Vic Visitor' },
      ],
      [
        manager,
        'POST',
        `/api/hubs/${hubId}/admissions`,
        SAMPLES['POST /api/hubs/:hubId/admissions'](fixture, 'x').body,
      ],
      [
        worker,
        'POST',
        `/api/young-people/${youngPersonId}/contacts`,
        {
          occurredAt: '2026-01-05T10:00:00Z',
          kind: 'face_to_face',
          notes: 'met at the hub',
          followUps: [{ action: 'ring college', due: '2026-01-05' }],
        },
      ],
      [
        manager,
        'POST',
        `/api/young-people/${youngPersonId}/missing-episodes`,
        {
          category: 'M',
          startedAt: '2026-01-06T22:00:00Z',
          policeInformed: true,
          circumstances: 'did not return',
        },
      ],
      [
        manager,
        'POST',
        `/api/young-people/${youngPersonId}/incidents`,
        {
          kind: 'serious_incident',
          occurredAt: '2026-01-06T21:00:00Z',
          summary: 'police called',
        },
      ],
      [
        manager,
        'POST',
        `/api/young-people/${youngPersonId}/housing/plan`,
        {
          targetMoves: [
            {
              to: 'Supported lodgings',
              by: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
            },
          ],
        },
      ],
    ];
    let position = 0;
    for (const [caller, method, path, body] of steps) {
      const res = await caller.call(method, path, body);
      expect([path, res.status < 300 ? 'ok' : res.body]).toEqual([path, 'ok']);
      position = Math.max(position, Number(res.body?.position ?? 0));
    }
    const names = api.infra.runner.projections.map((p) => p.name);
    expect(await api.infra.runner.waitFor(names, position, 10_000)).toBe('caught-up');
    withoutConsent = api.as({ id: 'visitor-none', roles: ['independent_visitor'], hubs: [hubId] });
    withConsent = api.as({ id: 'visitor-yes', roles: ['independent_visitor'], hubs: [hubId] });
    routes = discoverRoutes(api).filter((r) => r.showsYoungPeople && r.method === 'GET');
  }, 60_000);
  afterAll(() => api.close());

  const text = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body));

  it('finds the routes that show young people, boards and pages among them', () => {
    const keys = routes.map((r) => r.path);
    for (const path of [
      '/api/hubs/:hubId/bed-board',
      '/api/hubs/:hubId/missing-board',
      '/api/outreach/workers/:workerId/day',
      '/app/hubs/:hubId/beds',
      '/app/hubs/:hubId/missing',
    ]) {
      expect(keys).toContain(path);
    }
  });

  it('a visitor without consent sees no row about the young person on any of them', async () => {
    const leaks: string[] = [];
    for (const route of routes) {
      const { path } = SAMPLES[`${route.method} ${route.path}`](fixture, 'visitor-none');
      const res = await withoutConsent.call('GET', path, undefined, REASON);
      const body = text(res.body);
      if (res.status >= 500) leaks.push(`${route.path}: ${res.status}`);
      // A refusal names the address the caller asked for (problem+json `instance`), nothing more.
      const shown = res.status < 400 ? [fixture.youngPersonId, FAMILY_NAME] : [FAMILY_NAME];
      if (shown.some((s) => body.includes(s))) {
        leaks.push(`${route.path}: ${res.status} shows the young person`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('a bed whose occupant has not consented shows as occupied, no name, no link', async () => {
    const board = await withoutConsent.call(
      'GET',
      `/api/hubs/${fixture.hubId}/bed-board`,
      undefined,
      REASON,
    );
    expect(board.status).toBe(200);
    const occupied = board.body.beds.filter((b: { state: string }) => b.state === 'occupied');
    expect(occupied).toHaveLength(1);
    expect(occupied[0].occupant).toBeNull();
    const page = await withoutConsent.call(
      'GET',
      `/app/hubs/${fixture.hubId}/beds`,
      undefined,
      REASON,
    );
    expect(page.status).toBe(200);
    expect(page.body).toContain('Occupied');
    expect(page.body).not.toContain(`/app/young-people/${fixture.youngPersonId}`);
  });

  it('a visitor with consent sees the same rows (the rows are there to withhold)', async () => {
    const missed: string[] = [];
    for (const path of [
      `/api/hubs/${fixture.hubId}/bed-board`,
      `/api/hubs/${fixture.hubId}/missing-board`,
      `/api/hubs/${fixture.hubId}/notifications`,
      `/api/hubs/${fixture.hubId}/housing-watch`,
      `/api/hubs/${fixture.hubId}/caseload`,
      `/api/outreach/workers/${fixture.workerId}/day?date=2026-01-05`,
      `/app/hubs/${fixture.hubId}/beds`,
      `/app/hubs/${fixture.hubId}/missing`,
      `/app/hubs/${fixture.hubId}/young-people`,
    ]) {
      const res = await withConsent.call('GET', path, undefined, REASON);
      if (res.status !== 200 || !text(res.body).includes(fixture.youngPersonId)) {
        missed.push(`${path}: ${res.status}`);
      }
    }
    expect(missed).toEqual([]);
  });
});
