import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  differencesFromRebuild,
  startTestApi,
  type Caller,
  type TestApi,
} from './support/test-api.js';

const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const yearsAgo = (years: number, plusDays = 0) => {
  const d = new Date(Date.now() + plusDays * 86_400_000);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
};

describe('housing options over HTTP on PostgreSQL', () => {
  let api: TestApi;
  let hubId: string;
  let manager: Caller;
  let people = 0;

  beforeAll(async () => {
    api = await startTestApi('postgres');
    const admin = api.as({ id: 'admin', roles: ['admin'] });
    hubId = (
      await admin.call('POST', '/api/hubs', {
        name: 'Housing',
        council: 'C',
        plannedBeds: 2,
        emergencyBeds: 1,
      })
    ).body.hubId;
    manager = api.as({ id: 'mgr', name: 'Mina Manager', roles: ['hub_manager'], hubs: [hubId] });
  });
  afterAll(() => api.close());

  async function accepted(dateOfBirth: string, category = 'care_leaver') {
    const r = await manager.call('POST', '/api/referrals', {
      hubId,
      category,
      youngPerson: { givenName: `House${++people}`, familyName: 'Generated', dateOfBirth },
      socialWorker: { name: 'S W', team: 'T' },
      reason: 'Moving on',
    });
    await manager.call('POST', `/api/young-people/${r.body.youngPersonId}/accept`);
    return r.body.youngPersonId as string;
  }
  async function option(body: object) {
    const r = await manager.call('POST', `/api/hubs/${hubId}/housing-options`, body);
    expect(r.status).toBe(201);
    return r.body.optionId as string;
  }
  const moveTo = (id: string, optionId: string, on = daysFromNow(-10)) =>
    manager.call('POST', `/api/young-people/${id}/housing/moves`, {
      optionId,
      on,
      reason: 'Next step',
      planned: true,
    });

  it('guards vacancies, under-16s, suspensions and registration; a move leaves the old option', async () => {
    const lodgings = await option({
      kind: 'supported_lodgings',
      name: 'Host A',
      capacity: 1,
      ageRange: { min: 16, max: 21 },
      approvedOn: '2026-01-01',
    });
    const provider = await option({
      kind: 'supported_accommodation',
      name: 'Provider B',
      capacity: 2,
      ageRange: { min: 16, max: 21 },
    });
    const flat = await option({
      kind: 'training_flat',
      name: 'Flat C',
      capacity: 1,
      ageRange: { min: 16, max: 25 },
    });
    const under16Host = await manager.call('POST', `/api/hubs/${hubId}/housing-options`, {
      kind: 'supported_lodgings',
      name: 'Host Z',
      capacity: 1,
      ageRange: { min: 14, max: 18 },
      approvedOn: '2026-01-01',
    });
    expect([under16Host.status, under16Host.body.code]).toEqual([422, 'HOUSING.UNDER_16']);

    const a = await accepted(yearsAgo(17));
    const b = await accepted(yearsAgo(17));
    const child = await accepted(yearsAgo(15), 'edge_of_care');
    expect((await moveTo(a, lodgings)).status).toBe(201);
    const head = (await api.infra.store.head()).position;
    const full = await moveTo(b, lodgings);
    expect([full.status, full.body.code]).toEqual([409, 'HOUSING.NO_VACANCY']);
    const young = await moveTo(child, provider);
    expect([young.status, young.body.code]).toEqual([409, 'HOUSING.UNDER_16']);
    expect(young.headers.get('content-type')).toMatch(/problem\+json/);
    const unregistered = await moveTo(b, provider);
    expect([unregistered.status, unregistered.body.code]).toEqual([
      409,
      'HOUSING.PROVIDER_NOT_REGISTERED',
    ]);
    expect((await api.infra.store.head()).position).toBe(head);

    await manager.call(
      'POST',
      `/api/hubs/${hubId}/housing-options/${provider}/ofsted-registration`,
      { reference: '2099999', registeredOn: '2026-02-01' },
    );
    expect((await moveTo(b, provider)).status).toBe(201);

    await manager.call('POST', `/api/hubs/${hubId}/housing-options/${flat}/suspend`, {
      reason: 'Repairs',
      on: daysFromNow(-20),
    });
    const suspended = await moveTo(a, flat, daysFromNow(-5));
    expect([suspended.status, suspended.body.code]).toEqual([409, 'HOUSING.OPTION_SUSPENDED']);
    await manager.call('POST', `/api/hubs/${hubId}/housing-options/${flat}/reinstate`, {
      reason: 'Repaired',
      on: daysFromNow(-6),
    });
    const moved = await moveTo(a, flat, daysFromNow(-5));
    expect(moved.status).toBe(201);

    const list = await manager.call(
      'GET',
      `/api/hubs/${hubId}/housing-options?after=${moved.body.position}`,
    );
    const vacancies = Object.fromEntries(
      list.body.options.map((o: { name: string; vacancies: number }) => [o.name, o.vacancies]),
    );
    expect(vacancies).toEqual({ 'Host A': 1, 'Provider B': 1, 'Flat C': 0 });
    // Host A has its room back, so b can move there from Provider B.
    expect((await moveTo(b, lodgings, daysFromNow(-1))).status).toBe(201);

    const pathway = await manager.call(
      'GET',
      `/api/young-people/${a}/housing?after=${moved.body.position}`,
    );
    expect(
      pathway.body.accommodations.map(
        (e: { accommodation: string; from: { accommodation: string } | null }) => [
          e.accommodation,
          e.from?.accommodation ?? null,
        ],
      ),
    ).toEqual([
      ['supported_lodgings', null],
      ['training_flat', 'supported_lodgings'],
    ]);
    expect(pathway.body.current.description).toBe('Flat C');
  });

  it('follows a tenancy at risk, upcoming moves and accommodation stability over a stated period', async () => {
    const a = await accepted(yearsAgo(19));
    await manager.call('POST', `/api/young-people/${a}/housing/moves`, {
      accommodation: 'staying_put',
      description: 'With former carers',
      on: daysFromNow(-200),
      reason: 'Turned 18',
      planned: true,
    });
    await manager.call('POST', `/api/young-people/${a}/housing/moves`, {
      accommodation: 'emergency_accommodation',
      on: daysFromNow(-100),
      reason: 'Placement broke down',
      planned: false,
    });
    const plan = await manager.call('POST', `/api/young-people/${a}/housing/plan`, {
      targetMoves: [{ to: 'Council flat', by: daysFromNow(30) }],
      notes: 'Bidding',
    });
    expect(plan.status).toBe(200);
    const tenancy = await manager.call('POST', `/api/young-people/${a}/tenancies`, {
      landlordType: 'council',
      start: daysFromNow(-30),
      weeklyRent: 95.5,
      address: 'Flat 1, Example Court',
    });
    expect(tenancy.status).toBe(201);
    const tenancyId = tenancy.body.tenancyId;
    const noAmount = await manager.call(
      'POST',
      `/api/young-people/${a}/tenancies/${tenancyId}/concerns`,
      { concern: 'arrears', on: daysFromNow(-2), detail: 'Behind' },
    );
    expect([noAmount.status, noAmount.body.code, noAmount.body.errors?.[0]?.field]).toEqual([
      422,
      'TENANCY.ARREARS_AMOUNT_REQUIRED',
      'arrears',
    ]);
    const arrears = await manager.call(
      'POST',
      `/api/young-people/${a}/tenancies/${tenancyId}/concerns`,
      { concern: 'arrears', on: daysFromNow(-2), detail: 'Two weeks behind', arrears: 191 },
    );
    expect(arrears.status).toBe(200);

    const watch = await manager.call(
      'GET',
      `/api/hubs/${hubId}/housing-watch?after=${arrears.body.position}`,
    );
    expect(
      watch.body.tenanciesAtRisk.filter((t: { youngPersonId: string }) => t.youngPersonId === a),
    ).toEqual([
      expect.objectContaining({
        tenancyId,
        openConcerns: [expect.objectContaining({ concern: 'arrears', arrears: 191 })],
      }),
    ]);
    expect(
      watch.body.upcomingMoves.filter((m: { youngPersonId: string }) => m.youngPersonId === a),
    ).toEqual([
      expect.objectContaining({ to: 'Council flat', by: daysFromNow(30), overdue: false }),
    ]);

    const stability = await manager.call(
      'GET',
      `/api/young-people/${a}/housing/stability?from=${daysFromNow(-150)}&to=${daysFromNow(1)}&after=${arrears.body.position}`,
    );
    expect(stability.body).toMatchObject({
      period: { from: daysFromNow(-150), to: daysFromNow(1) },
      moves: 2,
      unplannedMoves: 1,
    });
  });

  it('shows on the caseload whose OC3 birthday record is due, until it is made', async () => {
    const a = await accepted(yearsAgo(18, 20));
    const record = await manager.call('POST', `/api/young-people/${a}/care-leaver-records`, {
      age: 18,
      inTouch: 'YES',
      activ: 'F2',
    });
    expect([record.status, record.body.code, record.body.errors?.[0]?.field]).toEqual([
      422,
      'OC3.ACTIVITY_REQUIRED',
      'accom',
    ]);
    const badCode = await manager.call('POST', `/api/young-people/${a}/care-leaver-records`, {
      age: 18,
      inTouch: 'MAYBE',
    });
    expect([badCode.status, badCode.body.errors?.[0]?.field]).toEqual([400, 'inTouch']);
    const allocate = await manager.call('POST', `/api/young-people/${a}/key-worker`, {
      workerId: 'kw-h',
      workerName: 'K',
      override: true,
      overrideReason: 'test',
    });
    let caseload = await manager.call(
      'GET',
      `/api/hubs/${hubId}/caseload?limit=500&after=${allocate.body.position}`,
    );
    const due = caseload.body.items.find(
      (c: { youngPersonId: string }) => c.youngPersonId === a,
    ).careLeaverRecordDue;
    expect(due).toEqual({ age: 18, birthday: daysFromNow(20), by: expect.any(String) });
    const made = await manager.call('POST', `/api/young-people/${a}/care-leaver-records`, {
      age: 18,
      inTouch: 'YES',
      activ: 'F2',
      accom: 'E1',
    });
    expect(made.status).toBe(201);
    caseload = await manager.call(
      'GET',
      `/api/hubs/${hubId}/caseload?limit=500&after=${made.body.position}`,
    );
    expect(
      caseload.body.items.find((c: { youngPersonId: string }) => c.youngPersonId === a)
        .careLeaverRecordDue,
    ).toBeNull();
  });

  it('leaves every read model equal to a rebuild from the log', async () => {
    expect(await differencesFromRebuild(api)).toEqual([]);
  });
});
