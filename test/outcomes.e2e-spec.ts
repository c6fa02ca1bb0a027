import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

const REASON = { 'X-Access-Reason': 'Checking the outcomes record for the evaluation' };

/**
 * A young person's outcomes over HTTP on PostgreSQL and PGlite: recorded by the hub's staff through the
 * deciders, refused with the field named (nothing appended), read back by the team and auditors,
 * and told on the chronology.
 */
describe.each(['postgres', 'pglite'] as const)('a young person’s outcomes, on %s', (dialect) => {
  let api: TestApi;
  let hubId: string;
  let manager: Caller;
  let worker: Caller;
  let id: string;
  const stream = async () => (await api.infra.store.readStream(`outcomes-${id}`)).length;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    hubId = await api.openHub('Outcomes Hub');
    manager = api.as({ id: 'mgr-out', name: 'Mo Manager', roles: ['hub_manager'], hubs: [hubId] });
    worker = api.as({ id: 'kw-out', name: 'Kai Worker', roles: ['key_worker'], hubs: [hubId] });
    const referred = await manager.call('POST', '/api/referrals', {
      hubId,
      category: 'edge_of_care',
      youngPerson: { givenName: 'Olu', familyName: 'Outcome', dateOfBirth: '2009-03-01' },
      socialWorker: { name: 'Sam Social', team: 'North' },
      reason: 'Outcomes test',
    });
    id = referred.body.youngPersonId;
    await manager.call('POST', `/api/young-people/${id}/accept`);
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('refuses what is wrong with the field named, and appends nothing', async () => {
    const wrongKind = await worker.call('POST', `/api/young-people/${id}/outcomes/justice`, {
      kind: 'speeding',
      on: '2026-01-10',
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(wrongKind.body)).toContain('kind');
    // 17 in 2026: school is not what a 17-year-old is doing, in the system's words.
    const school = await worker.call('POST', `/api/young-people/${id}/outcomes/education`, {
      status: 'school',
      from: '2026-04-01',
    });
    expect([school.status, school.body.code]).toEqual([422, 'OUTCOME.STATUS_FOR_AGE']);
    const future = await worker.call('POST', `/api/young-people/${id}/outcomes/justice`, {
      kind: 'arrest',
      on: '2099-01-01',
    });
    expect([future.status, future.body.code]).toEqual([422, 'OUTCOME.DATE_IN_FUTURE']);
    const baseline = await worker.call('POST', `/api/young-people/${id}/outcomes/baseline`, {
      missingEpisodes: -1,
      arrests: 0,
      placements: 0,
      residentialNights: 0,
      exclusions: 0,
      source: 'x',
    });
    expect(baseline.status).toBe(400);
    expect(JSON.stringify(baseline.body)).toContain('missingEpisodes');
    expect(await stream()).toBe(0);
  });

  it('records justice, education, concerns, the year before and a conference, and reads them back', async () => {
    const arrest = await worker.call('POST', `/api/young-people/${id}/outcomes/justice`, {
      kind: 'arrest',
      on: '2026-01-10',
      note: 'Criminal damage',
    });
    expect(arrest.status).toBe(201);
    expect(arrest.body.entryId).toEqual(expect.any(String));
    expect(
      (
        await worker.call('POST', `/api/young-people/${id}/outcomes/education`, {
          status: 'neet',
          from: '2026-02-01',
          atReview: true,
        })
      ).status,
    ).toBe(201);
    const opened = await worker.call('POST', `/api/young-people/${id}/outcomes/concerns`, {
      kind: 'cce',
      on: '2026-01-05',
      note: 'Seen with older men, new phone',
    });
    expect(opened.status).toBe(201);
    const again = await worker.call('POST', `/api/young-people/${id}/outcomes/concerns`, {
      kind: 'cce',
      on: '2026-01-06',
    });
    expect([again.status, again.body.code]).toEqual([409, 'OUTCOME.MARKER_OPEN']);
    const counts = {
      missingEpisodes: 6,
      arrests: 2,
      placements: 3,
      residentialNights: 40,
      exclusions: 1,
      source: 'Police and children’s services records',
    };
    expect(
      (await manager.call('POST', `/api/young-people/${id}/outcomes/baseline`, counts)).status,
    ).toBe(201);
    const twice = await manager.call('POST', `/api/young-people/${id}/outcomes/baseline`, counts);
    expect([twice.status, twice.body.code]).toEqual([409, 'OUTCOME.BASELINE_RECORDED']);
    const planned = await manager.call(
      'POST',
      `/api/young-people/${id}/outcomes/family-group-conferences`,
      { stage: 'planned', on: '2026-02-10' },
    );
    expect(planned.status).toBe(201);
    const fgc = planned.body.fgcId;
    const early = await manager.call(
      'POST',
      `/api/young-people/${id}/outcomes/family-group-conferences/${fgc}/stages`,
      { stage: 'plan_agreed', on: '2026-02-10' },
    );
    expect([early.status, early.body.code]).toEqual([409, 'OUTCOME.FGC_STAGE_ORDER']);
    for (const stage of ['held', 'plan_agreed']) {
      const r = await manager.call(
        'POST',
        `/api/young-people/${id}/outcomes/family-group-conferences/${fgc}/stages`,
        { stage, on: '2026-02-10' },
      );
      expect(r.status).toBe(201);
    }
    const closed = await worker.call(
      'POST',
      `/api/young-people/${id}/outcomes/concerns/${opened.body.markerId}/close`,
      { on: '2026-03-01', note: 'Safety plan working' },
    );
    expect(closed.status).toBe(200);

    const record = await worker.call('GET', `/api/young-people/${id}/outcomes`);
    expect(record.status).toBe(200);
    expect(record.body.justice).toEqual([
      { entryId: arrest.body.entryId, kind: 'arrest', on: '2026-01-10', note: 'Criminal damage' },
    ]);
    expect(record.body.education).toEqual([
      expect.objectContaining({ status: 'neet', from: '2026-02-01', atReview: true }),
    ]);
    expect(record.body.markers).toEqual([
      expect.objectContaining({ kind: 'cce', openedOn: '2026-01-05', closedOn: '2026-03-01' }),
    ]);
    expect(record.body.baseline).toMatchObject({ missingEpisodes: 6, arrests: 2, times: 1 });
    expect(record.body.conferences[0].stages.map((s: { stage: string }) => s.stage)).toEqual([
      'planned',
      'held',
      'plan_agreed',
    ]);
    expect(await stream()).toBe(8);
  });

  it('is read by the team and by auditors (saying why), not by independent visitors', async () => {
    const auditor = api.as({ id: 'aud-out', roles: ['auditor'], hubs: [] });
    expect(
      (await auditor.call('GET', `/api/young-people/${id}/outcomes`, undefined, REASON)).status,
    ).toBe(200);
    const visitor = api.as({ id: 'iv-out', roles: ['independent_visitor'], hubs: [hubId] });
    expect((await visitor.call('GET', `/api/young-people/${id}/outcomes`)).status).toBe(403);
    const written = await auditor.call(
      'POST',
      `/api/young-people/${id}/outcomes/justice`,
      { kind: 'caution', on: '2026-01-10' },
      REASON,
    );
    expect(written.status).toBe(403);
  });

  it('tells each outcome on the case’s chronology', async () => {
    const r = await manager.call('GET', `/api/young-people/${id}/chronology?module=outcomes`);
    expect(r.status).toBe(200);
    const texts = (r.body.entries as { text: string }[]).map((e) => e.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Concern opened: criminal exploitation: Seen with older men, new phone',
        'Arrest: Criminal damage',
        'Education, training or work: not in education, employment or training (at a review)',
        'Family group conference plan agreed',
        'Concern closed: criminal exploitation: Safety plan working',
      ]),
    );
  });

  it('counts the indicators from the facts, as known at an instant, and withholds small numbers outside the hub', async () => {
    const now = await manager.call('GET', '/api/outcomes?from=2026-04-01&to=2027-03-31');
    expect(now.status).toBe(200);
    const figure = (r: { body: { indicators: { key: string }[] } }, key: string) =>
      r.body.indicators.find((i) => i.key === key) as Record<string, unknown>;
    expect(figure(now, 'supported')).toMatchObject({ value: 1, covers: 1, suppressed: false });
    expect(figure(now, 'missing')).toMatchObject({
      baselineWindow: '12 months before referral (as recorded)',
    });
    // As known before anything was recorded: no one yet.
    const before = await manager.call(
      'GET',
      '/api/outcomes?from=2026-04-01&to=2027-03-31&asOf=2020-01-01T00:00:00Z',
    );
    expect(figure(before, 'supported')).toMatchObject({ value: 0, covers: 0 });
    // An auditor sees every hub: one young person is fewer than 5, so the figure is withheld.
    const auditor = api.as({ id: 'aud-out', roles: ['auditor'], hubs: [] });
    const outside = await auditor.call(
      'GET',
      '/api/outcomes?from=2026-04-01&to=2027-03-31',
      undefined,
      REASON,
    );
    expect(figure(outside, 'supported')).toMatchObject({ value: null, suppressed: true });
    const csv = await manager.call(
      'GET',
      '/api/outcomes/indicators.csv?from=2026-04-01&to=2027-03-31',
    );
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(String(csv.body).split('\r\n')[0]).toBe(
      'indicator,value,unit,before,after,covers,window,baseline_window,suppressed,definition',
    );
    const other = await api.openHub('Another Hub');
    expect(
      (await manager.call('GET', `/api/outcomes?from=2026-04-01&to=2027-03-31&hubId=${other}`))
        .status,
    ).toBe(403);
    const wrong = await manager.call('GET', '/api/outcomes?from=2026-04-01&to=2025-03-31');
    expect([wrong.status, wrong.body.code]).toEqual([400, 'PERIOD.INVALID']);
  });
});
