import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

const episode = {
  rne: 'S',
  ls: 'C2',
  place: 'K2',
  placeProvider: 'PR1',
  postcode: 'yo11 1aa',
  outOfArea: false,
};
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('beds and admissions over HTTP on PostgreSQL', () => {
  let api: TestApi;
  let admin: Caller;
  let people = 0;

  beforeAll(async () => {
    api = await startTestApi('postgres');
    admin = api.as({ id: 'admin', roles: ['admin'] });
  });
  afterAll(() => api.close());

  async function hubWith(planned: number, emergency: number) {
    const hub = await admin.call('POST', '/api/hubs', {
      name: `Beds ${++people}`,
      council: 'C',
      plannedBeds: planned,
      emergencyBeds: emergency,
    });
    const hubId = hub.body.hubId as string;
    return {
      hubId,
      manager: api.as({ id: `mgr-${hubId}`, roles: ['hub_manager'], hubs: [hubId] }),
    };
  }
  async function acceptedCase(
    manager: Caller,
    hubId: string,
    accept = true,
    dateOfBirth = '2010-03-03',
  ) {
    const r = await manager.call('POST', '/api/referrals', {
      hubId,
      category: 'placement_support',
      youngPerson: {
        givenName: `Bed${++people}`,
        familyName: 'Generated',
        dateOfBirth,
      },
      socialWorker: { name: 'S W', team: 'T' },
      reason: 'Needs a short stay',
    });
    if (accept) await manager.call('POST', `/api/young-people/${r.body.youngPersonId}/accept`);
    return r.body.youngPersonId as string;
  }

  it('admits to beds, refuses occupied beds and a full hub, and shows it all on the bed board', async () => {
    const { hubId, manager } = await hubWith(1, 1);
    const a = await acceptedCase(manager, hubId);
    const b = await acceptedCase(manager, hubId);
    const admitted = await manager.call('POST', `/api/hubs/${hubId}/admissions`, {
      youngPersonId: a,
      from: daysAgo(10),
      plannedEnd: daysAgo(-20),
      episode,
    });
    expect(admitted.status).toBe(201);
    const referred = await acceptedCase(manager, hubId, false);
    const head = (await api.infra.store.head()).position;
    const occupied = await manager.call('POST', `/api/hubs/${hubId}/admissions`, {
      youngPersonId: b,
      bedId: 'planned-1',
      from: daysAgo(1),
      episode,
    });
    expect([occupied.status, occupied.body.code]).toEqual([409, 'PLACEMENT.BED_OCCUPIED']);
    const full = await manager.call('POST', `/api/hubs/${hubId}/admissions`, {
      youngPersonId: b,
      from: daysAgo(1),
      episode,
    });
    expect([full.status, full.body.code]).toEqual([409, 'PLACEMENT.HUB_FULL']);
    const twice = await manager.call('POST', `/api/hubs/${hubId}/admissions`, {
      youngPersonId: a,
      kind: 'emergency',
      from: daysAgo(1),
      episode,
    });
    expect(twice.body.code).toBe('PLACEMENT.ALREADY_IN_BED');
    const badCode = await manager.call('POST', `/api/hubs/${hubId}/admissions`, {
      youngPersonId: b,
      from: daysAgo(1),
      episode: { ...episode, place: 'K9' },
    });
    expect([badCode.status, badCode.body.errors[0].field]).toEqual([400, 'episode.place']);
    const noProvider = await manager.call('POST', `/api/hubs/${hubId}/admissions`, {
      youngPersonId: b,
      kind: 'emergency',
      from: daysAgo(1),
      episode: { ...episode, placeProvider: undefined },
    });
    expect([noProvider.status, noProvider.body.code]).toEqual([422, 'SSDA903.PROVIDER_REQUIRED']);
    expect(
      (
        await manager.call('POST', `/api/hubs/${hubId}/admissions`, {
          youngPersonId: referred,
          kind: 'emergency',
          from: daysAgo(1),
          episode,
        })
      ).body.code,
    ).toBe('YOUNG_PERSON.NOT_ACCEPTED');
    expect((await api.infra.store.head()).position).toBe(head);

    await manager.call('PUT', `/api/hubs/${hubId}/stay-threshold`, { weeks: 1 });
    const out = await manager.call('POST', `/api/hubs/${hubId}/beds/emergency-1/out-of-use`, {
      reason: 'Repairs',
      from: daysAgo(0),
    });
    expect(out.status).toBe(200);
    const board = await manager.call(
      'GET',
      `/api/hubs/${hubId}/bed-board?after=${out.body.position}`,
    );
    expect(board.status).toBe(200);
    expect(board.body).toMatchObject({ stayThresholdWeeks: 1, free: { planned: 0, emergency: 0 } });
    expect(board.body.beds).toEqual([
      expect.objectContaining({
        bedId: 'planned-1',
        state: 'occupied',
        occupant: expect.objectContaining({
          youngPersonId: a,
          daysInBed: 10,
          daysOverThreshold: 3,
        }),
      }),
      expect.objectContaining({
        bedId: 'emergency-1',
        state: 'out_of_use',
        outOfUse: { reason: 'Repairs', from: daysAgo(0) },
      }),
    ]);
    expect(board.body.beds[0].occupant.name).toMatch(/^Bed\d+ Generated$/);

    const left = await manager.call('POST', `/api/hubs/${hubId}/admissions/${a}/discharge`, {
      on: daysAgo(0),
      destination: 'community_family',
      reason: 'Matched with carers',
      reasonPlaceChange: 'CARPL',
    });
    expect(left.status).toBe(200);
    const after = await manager.call(
      'GET',
      `/api/hubs/${hubId}/bed-board?after=${left.body.position}`,
    );
    expect(after.body.free).toEqual({ planned: 1, emergency: 0 });
    const summary = await manager.call('GET', `/api/young-people/${a}`);
    expect(summary.body.status).toBe('accepted'); // a move out of a bed is never a case closure

    const other = api.as({
      id: 'other-mgr',
      roles: ['hub_manager'],
      hubs: ['00000000-0000-4000-8000-000000000001'],
    });
    expect((await other.call('GET', `/api/hubs/${hubId}/bed-board`)).body.code).toBe(
      'HUB.NOT_FOUND',
    );
  });

  it('lets exactly one of two managers admitting to the last bed at the same moment succeed', async () => {
    for (let round = 0; round < 12; round++) {
      const { hubId, manager } = await hubWith(1, 0);
      const first = await acceptedCase(manager, hubId);
      const second = await acceptedCase(manager, hubId);
      const other = api.as({ id: `mgr2-${hubId}`, roles: ['hub_manager'], hubs: [hubId] });
      const results = await Promise.all([
        manager.call('POST', `/api/hubs/${hubId}/admissions`, {
          youngPersonId: first,
          from: daysAgo(0),
          episode,
        }),
        other.call('POST', `/api/hubs/${hubId}/admissions`, {
          youngPersonId: second,
          from: daysAgo(0),
          episode,
        }),
      ]);
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409]);
      const loser = results.find((r) => r.status === 409)!;
      expect(['PLACEMENT.HUB_FULL', 'PLACEMENT.BED_OCCUPIED']).toContain(loser.body.code);
      const winner = results[0].status === 201 ? first : second;
      const events = await api.infra.store.readStream(`hub-${hubId}`);
      expect(
        events
          .filter((e) => e.type === 'YoungPersonAdmitted')
          .map((e) => (e.data as { youngPersonId: string }).youngPersonId),
      ).toEqual([winner]);
      const position = results.find((r) => r.status === 201)!.body.position;
      const board = await manager.call('GET', `/api/hubs/${hubId}/bed-board?after=${position}`);
      expect(board.body.beds[0].occupant.youngPersonId).toBe(winner);
    }
  }, 120_000);

  it('registers community families, places young people while they have a vacancy, and frees it again', async () => {
    const { hubId, manager } = await hubWith(0, 0);
    const fostering = { ...episode, rne: 'P', place: 'U3' };
    const family = await manager.call('POST', `/api/hubs/${hubId}/community-families`, {
      name: 'The Generated Family',
      approvedOn: daysAgo(30),
      capacity: 1,
      ageRange: { min: 12, max: 16 },
    });
    expect(family.status).toBe(201);
    const familyId = family.body.familyId;
    let list = await manager.call(
      'GET',
      `/api/hubs/${hubId}/community-families?after=${family.body.position}`,
    );
    expect(list.body.items).toEqual([
      expect.objectContaining({
        familyId,
        capacity: 1,
        placed: 0,
        vacancies: 1,
        ageRange: { min: 12, max: 16 },
      }),
    ]);

    const young = await acceptedCase(manager, hubId, true, '2012-05-05');
    const second = await acceptedCase(manager, hubId, true, '2012-06-06');
    const old = await acceptedCase(manager, hubId, true, '2008-01-01');
    const placed = await manager.call(
      'POST',
      `/api/hubs/${hubId}/community-families/${familyId}/placements`,
      { youngPersonId: young, from: daysAgo(0), episode: fostering },
    );
    expect(placed.status).toBe(201);
    list = await manager.call(
      'GET',
      `/api/hubs/${hubId}/community-families?after=${placed.body.position}`,
    );
    expect(list.body.items[0]).toMatchObject({ placed: 1, vacancies: 0 });
    const full = await manager.call(
      'POST',
      `/api/hubs/${hubId}/community-families/${familyId}/placements`,
      { youngPersonId: second, from: daysAgo(0), episode: fostering },
    );
    expect(full.body.code).toBe('PLACEMENT.FAMILY_FULL');

    const ended = await manager.call(
      'POST',
      `/api/hubs/${hubId}/community-families/${familyId}/placements/${young}/end`,
      { on: daysAgo(0), reason: 'Moving to supported lodgings' },
    );
    expect(ended.status).toBe(200);
    const tooOld = await manager.call(
      'POST',
      `/api/hubs/${hubId}/community-families/${familyId}/placements`,
      { youngPersonId: old, from: daysAgo(0), episode: fostering },
    );
    expect(tooOld.body.code).toBe('PLACEMENT.OUTSIDE_AGE_RANGE');
    list = await manager.call(
      'GET',
      `/api/hubs/${hubId}/community-families?after=${ended.body.position}`,
    );
    expect(list.body.items[0]).toMatchObject({ placed: 0, vacancies: 1 });
  });

  it('keeps each young person’s placement history with its SSDA903 codes, and the hub’s occupancy', async () => {
    const { hubId, manager } = await hubWith(2, 1);
    const yp = await acceptedCase(manager, hubId, true, '2012-02-02');
    const other = await acceptedCase(manager, hubId);
    await manager.call('POST', `/api/hubs/${hubId}/admissions`, {
      youngPersonId: yp,
      kind: 'emergency',
      from: '2026-01-01',
      episode: { ...episode, rne: 'S' },
    });
    await manager.call('POST', `/api/hubs/${hubId}/admissions/${yp}/discharge`, {
      on: '2026-01-11',
      destination: 'community_family',
      reason: 'Matched',
      reasonPlaceChange: 'CARPL',
    });
    const family = await manager.call('POST', `/api/hubs/${hubId}/community-families`, {
      name: 'History Family',
      approvedOn: '2025-12-01',
      capacity: 2,
      ageRange: { min: 12, max: 17 },
    });
    await manager.call(
      'POST',
      `/api/hubs/${hubId}/community-families/${family.body.familyId}/placements`,
      { youngPersonId: yp, from: '2026-01-11', episode: { ...episode, rne: 'P', place: 'U3' } },
    );
    const last = await manager.call('POST', `/api/hubs/${hubId}/admissions`, {
      youngPersonId: other,
      from: '2026-01-21',
      episode,
    });

    const history = await manager.call(
      'GET',
      `/api/young-people/${yp}/placements?after=${last.body.position}`,
    );
    expect(history.status).toBe(200);
    expect(
      history.body.episodes.map(
        (e: {
          setting: string;
          start: string;
          end: string | null;
          ssda903: { RNE: string; PLACE: string };
        }) => [e.setting, e.start, e.end, e.ssda903.RNE, e.ssda903.PLACE],
      ),
    ).toEqual([
      ['bed', '2026-01-01', '2026-01-11', 'S', 'K2'],
      ['community_family', '2026-01-11', null, 'P', 'U3'],
    ]);
    expect(history.body.episodes[0]).toMatchObject({
      emergency: true,
      destination: 'community_family',
      ssda903: { PL_POST: 'YO11 1AA' },
    });

    // January: 10 emergency bed-nights (1st to 10th), 11 planned (21st to 31st), 3 beds x 31 nights.
    const jan = await manager.call(
      'GET',
      `/api/hubs/${hubId}/occupancy?from=2026-01-01&to=2026-02-01&after=${last.body.position}`,
    );
    expect(jan.body).toEqual({
      hubId,
      window: { from: '2026-01-01', to: '2026-02-01', nights: 31 },
      beds: { planned: 2, emergency: 1 },
      bedNights: { planned: 11, emergency: 10, available: 93 },
      occupancyRate: 0.226,
    });
    const bad = await manager.call(
      'GET',
      `/api/hubs/${hubId}/occupancy?from=2026-02-01&to=2026-01-01`,
    );
    expect([bad.status, bad.body.code]).toEqual([400, 'OCCUPANCY.WINDOW_INVALID']);
  });

  it('opens a hub with 4 planned and 2 emergency beds unless told otherwise', async () => {
    const hub = await admin.call('POST', '/api/hubs', { name: 'Default Beds', council: 'C' });
    expect(hub.status).toBe(201);
    const manager = api.as({ id: 'mgr-default', roles: ['hub_manager'], hubs: [hub.body.hubId] });
    const board = await manager.call(
      'GET',
      `/api/hubs/${hub.body.hubId}/bed-board?after=${hub.body.position}`,
    );
    expect(board.body.free).toEqual({ planned: 4, emergency: 2 });
    expect(board.body.beds.map((b: { name: string }) => b.name)).toEqual([
      'Planned bed 1',
      'Planned bed 2',
      'Planned bed 3',
      'Planned bed 4',
      'Emergency bed 1',
      'Emergency bed 2',
    ]);
  });
});
