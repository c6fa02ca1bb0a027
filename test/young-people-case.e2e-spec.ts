import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

describe('a case from screening to stepping away and coming back, over HTTP on PostgreSQL', () => {
  let api: TestApi;
  let hubId: string;
  let manager: Caller;
  let keyWorker: Caller;

  const stream = (id: string) => api.infra.store.readStream(`young-person-${id}`);
  const refer = async (givenName: string) => {
    const r = await manager.call('POST', '/api/referrals', {
      hubId,
      category: 'care_leaver',
      youngPerson: { givenName, familyName: 'Generated', dateOfBirth: '2007-07-07' },
      socialWorker: { name: 'S W', team: 'Leaving Care' },
      reason: 'Needs a trusted adult',
    });
    return r.body.youngPersonId as string;
  };
  const acceptWith = async (id: string, workerId: string) => {
    await manager.call('POST', `/api/young-people/${id}/accept`);
    return manager.call('POST', `/api/young-people/${id}/key-worker`, {
      workerId,
      workerName: workerId,
    });
  };

  beforeAll(async () => {
    api = await startTestApi('postgres', { env: { KEY_WORKER_CASELOAD_LIMIT: '2' } });
    const admin = api.as({ id: 'admin', roles: ['admin'] });
    hubId = (
      await admin.call('POST', '/api/hubs', {
        name: 'Case Hub',
        council: 'C',
        plannedBeds: 4,
        emergencyBeds: 2,
      })
    ).body.hubId;
    manager = api.as({ id: 'mgr', name: 'Morgan Manager', roles: ['hub_manager'], hubs: [hubId] });
    keyWorker = api.as({ id: 'kw-a', roles: ['key_worker'], hubs: [hubId] });
  });
  afterAll(() => api.close());

  it('records screening notes before the decision, and refuses them after', async () => {
    const id = await refer('Screened');
    const note = await manager.call('POST', `/api/young-people/${id}/screening-notes`, {
      note: 'Spoke to the social worker',
    });
    expect(note.status).toBe(201);
    const decline = await manager.call('POST', `/api/young-people/${id}/decline`, {
      reason: 'Needs met by the locality team',
    });
    const late = await manager.call('POST', `/api/young-people/${id}/screening-notes`, {
      note: 'late',
    });
    expect([late.status, late.body.code]).toEqual([409, 'REFERRAL.ALREADY_DECIDED']);
    const summary = await manager.call('GET', `/api/young-people/${id}`);
    expect(summary.body.screeningNotes.map((n: { note: string }) => n.note)).toEqual([
      'Spoke to the social worker',
    ]);
    expect(summary.body.statusHistory.map((s: { status: string }) => s.status)).toEqual([
      'referred',
      'declined',
    ]);
    // Declined referrals stay in the queue's history.
    const declined = await manager.call(
      'GET',
      `/api/hubs/${hubId}/referrals?status=declined&after=${decline.body.position}`,
    );
    expect(declined.body.items.map((r: { youngPersonId: string }) => r.youngPersonId)).toContain(
      id,
    );
  });

  it('holds the caseload limit unless the manager overrides it with a recorded reason', async () => {
    const a = await refer('One');
    const b = await refer('Two');
    const c = await refer('Three');
    expect((await acceptWith(a, 'kw-full')).status).toBe(200);
    expect((await acceptWith(b, 'kw-full')).status).toBe(200);
    await manager.call('POST', `/api/young-people/${c}/accept`);
    const before = (await stream(c)).length;
    const full = await manager.call('POST', `/api/young-people/${c}/key-worker`, {
      workerId: 'kw-full',
      workerName: 'Full',
    });
    expect([full.status, full.body.code]).toEqual([409, 'KEY_WORKER.CASELOAD_FULL']);
    const noReason = await manager.call('POST', `/api/young-people/${c}/key-worker`, {
      workerId: 'kw-full',
      workerName: 'Full',
      override: true,
    });
    expect([noReason.status, noReason.body.code, noReason.body.errors[0].field]).toEqual([
      422,
      'KEY_WORKER.OVERRIDE_REASON_REQUIRED',
      'overrideReason',
    ]);
    expect(await stream(c)).toHaveLength(before);
    const over = await manager.call('POST', `/api/young-people/${c}/key-worker`, {
      workerId: 'kw-full',
      workerName: 'Full',
      override: true,
      overrideReason: 'Sibling already with this worker',
    });
    expect(over.status).toBe(200);
    expect((await stream(c)).at(-1)?.data).toMatchObject({
      caseloadOverride: { reason: 'Sibling already with this worker', caseload: 2, limit: 2 },
    });
    const summary = await manager.call('GET', `/api/young-people/${c}`);
    expect(summary.body.keyWorker).toMatchObject({
      workerId: 'kw-full',
      overrideReason: 'Sibling already with this worker',
    });
  });

  it('changes the key worker only with a reason, keeping every allocation', async () => {
    const id = await refer('Changing');
    await acceptWith(id, 'kw-a');
    const noReason = await manager.call('POST', `/api/young-people/${id}/key-worker`, {
      workerId: 'kw-b',
      workerName: 'B',
    });
    expect([noReason.status, noReason.body.code]).toEqual([422, 'KEY_WORKER.REASON_REQUIRED']);
    const changed = await manager.call('POST', `/api/young-people/${id}/key-worker`, {
      workerId: 'kw-b',
      workerName: 'B',
      reason: 'kw-a on long leave',
    });
    expect(changed.status).toBe(200);
    const summary = await manager.call('GET', `/api/young-people/${id}`);
    expect(
      summary.body.keyWorkerHistory.map(
        (k: { workerId: string; reason: string | null; to: string | null }) => [
          k.workerId,
          k.reason,
          k.to === null,
        ],
      ),
    ).toEqual([
      ['kw-a', null, false],
      ['kw-b', 'kw-a on long leave', true],
    ]);
  });

  it('keeps the team around the young person with dates, and steps away and back with the same team', async () => {
    const id = await refer('Teamed');
    await acceptWith(id, 'kw-a');
    const added = await keyWorker.call('POST', `/api/young-people/${id}/team`, {
      role: 'police_liaison',
      name: 'Pat Liaison',
      organisation: 'Example Police',
      from: '2026-05-01',
    });
    expect(added.status).toBe(201);
    const coach = await manager.call('POST', `/api/young-people/${id}/team`, {
      role: 'life_coach',
      name: 'Lee Coach',
      from: '2026-05-02',
    });
    expect(coach.status).toBe(201);
    const badRole = await manager.call('POST', `/api/young-people/${id}/team`, {
      role: 'wizard',
      name: 'X',
      from: '2026-05-02',
    });
    expect([badRole.status, badRole.body.errors[0].field]).toEqual([400, 'role']);

    let summary = await manager.call('GET', `/api/young-people/${id}`);
    const liaison = summary.body.team.find((m: { role: string }) => m.role === 'police_liaison');
    const ended = await manager.call(
      'POST',
      `/api/young-people/${id}/team/${liaison.memberId}/end`,
      { to: '2026-08-31', reason: 'Moved force area' },
    );
    expect(ended.status).toBe(200);
    const early = await manager.call(
      'POST',
      `/api/young-people/${id}/team/${liaison.memberId}/end`,
      { to: '2026-09-01', reason: 'again' },
    );
    expect(early.body.code).toBe('TEAM.ALREADY_ENDED');

    const coachId = summary.body.team.find(
      (m: { role: string }) => m.role === 'life_coach',
    ).memberId;
    const handover = await manager.call('POST', `/api/young-people/${id}/team/${coachId}/change`, {
      name: 'Lou Coach',
      from: '2026-08-01',
      reason: 'Lee moved to another hub',
    });
    expect(handover.status).toBe(200);

    const away = await manager.call('POST', `/api/young-people/${id}/step-away`, {
      reason: 'Settled at home',
      on: '2026-09-01',
    });
    expect(away.status).toBe(200);
    const caseload = await manager.call('GET', `/api/caseloads/kw-a?after=${away.body.position}`);
    expect(
      caseload.body.items.map((i: { youngPersonId: string }) => i.youngPersonId),
    ).not.toContain(id);
    expect(
      (
        await manager.call('POST', `/api/young-people/${id}/step-away`, {
          reason: 'x',
          on: '2026-09-02',
        })
      ).body.code,
    ).toBe('CASE.NOT_OPEN');

    const back = await manager.call('POST', `/api/young-people/${id}/reopen`, {
      reason: 'Family breakdown again',
    });
    expect(back.status).toBe(200);
    summary = await manager.call('GET', `/api/young-people/${id}`);
    expect(summary.body).toMatchObject({
      youngPersonId: id,
      status: 'accepted',
      keyWorker: { workerId: 'kw-a' },
      steppedAway: null,
    });
    expect(summary.body.team.map((m: { name: string }) => m.name)).toEqual(['Lou Coach']);
    expect(
      summary.body.formerTeam.map((m: { name: string; to: string }) => [m.name, m.to]),
    ).toEqual([
      ['Pat Liaison', '2026-08-31'],
      ['Lee Coach', '2026-08-01'],
    ]);
    expect(summary.body.statusHistory.map((s: { status: string }) => s.status)).toEqual([
      'referred',
      'accepted',
      'stepped_away',
      'accepted',
    ]);
    const again = await manager.call('GET', `/api/caseloads/kw-a?after=${back.body.position}`);
    expect(again.body.items.map((i: { youngPersonId: string }) => i.youngPersonId)).toContain(id);
  });

  describe('one case per young person', () => {
    const person = (givenName: string, familyName = 'Known') => ({
      hubId,
      category: 'edge_of_care',
      youngPerson: { givenName, familyName, dateOfBirth: '2011-01-01' },
      socialWorker: { name: 'S W', team: 'T' },
      reason: 'Referred by school',
    });

    it('records a second referral on the existing case, flagging a name match for the manager', async () => {
      const first = await manager.call('POST', '/api/referrals', person('Robin', 'Known'));
      const again = await manager.call('POST', '/api/referrals', person('  robin ', 'KNOWN'));
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ youngPersonId: first.body.youngPersonId, repeat: true });
      const named = await manager.call('POST', '/api/referrals', {
        ...person('R.', 'K.'),
        youngPersonId: first.body.youngPersonId,
      });
      expect(named.body).toMatchObject({ youngPersonId: first.body.youngPersonId, repeat: true });

      const queue = await manager.call(
        'GET',
        `/api/hubs/${hubId}/referrals?status=referred&limit=500&after=${named.body.position}`,
      );
      const row = queue.body.items.find(
        (r: { youngPersonId: string }) => r.youngPersonId === first.body.youngPersonId,
      );
      expect(row).toMatchObject({ possibleDuplicate: true, waitingDays: 0 });
      const summary = await manager.call('GET', `/api/young-people/${first.body.youngPersonId}`);
      expect(summary.body.repeatReferrals.map((r: { duplicate: string }) => r.duplicate)).toEqual([
        'pending',
        'not_flagged',
      ]);

      const pending = summary.body.repeatReferrals[0].referralId;
      const confirmed = await manager.call(
        'POST',
        `/api/young-people/${first.body.youngPersonId}/referrals/${pending}/confirm-duplicate`,
      );
      expect(confirmed.status).toBe(200);
      const after = await manager.call(
        'GET',
        `/api/hubs/${hubId}/referrals?status=referred&limit=500&after=${confirmed.body.position}`,
      );
      expect(
        after.body.items.find(
          (r: { youngPersonId: string }) => r.youngPersonId === first.body.youngPersonId,
        ).possibleDuplicate,
      ).toBe(false);
      expect(
        (
          await manager.call(
            'POST',
            `/api/young-people/${first.body.youngPersonId}/referrals/${pending}/confirm-duplicate`,
          )
        ).body.code,
      ).toBe('DUPLICATE.ALREADY_DECIDED');
    });

    it('opens a case of their own when the manager finds the match is someone else', async () => {
      const first = await manager.call('POST', '/api/referrals', person('Alex', 'Samename'));
      await manager.call('POST', '/api/referrals', person('Alex', 'Samename'));
      const summary = await manager.call('GET', `/api/young-people/${first.body.youngPersonId}`);
      const referralId = summary.body.repeatReferrals[0].referralId;
      const rejected = await manager.call(
        'POST',
        `/api/young-people/${first.body.youngPersonId}/referrals/${referralId}/reject-duplicate`,
      );
      expect(rejected.status).toBe(200);
      const other = await manager.call(
        'GET',
        `/api/young-people/${rejected.body.newYoungPersonId}`,
      );
      expect(other.body).toMatchObject({
        status: 'referred',
        youngPerson: { givenName: 'Alex', familyName: 'Samename' },
      });
      const events = await stream(rejected.body.newYoungPersonId);
      expect(events[0].data).toMatchObject({
        splitFrom: { youngPersonId: first.body.youngPersonId, referralId },
      });
      const again = await manager.call(
        'POST',
        `/api/young-people/${first.body.youngPersonId}/referrals/${referralId}/reject-duplicate`,
      );
      expect(again.body.code).toBe('DUPLICATE.ALREADY_DECIDED');
      expect(await stream(rejected.body.newYoungPersonId)).toHaveLength(1);
    });

    it('opens exactly one case when the same new young person is referred five times at once', async () => {
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map(() =>
          manager.call('POST', '/api/referrals', person('Simultaneous', 'Five')),
        ),
      );
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(results.map((r) => r.body.youngPersonId)).size).toBe(1);
      expect(results.filter((r) => r.body.repeat === false)).toHaveLength(1);
      const events = await stream(results[0].body.youngPersonId);
      expect(events.map((e) => e.type)).toEqual([
        'ReferralReceived',
        ...Array(4).fill('RepeatReferralReceived'),
      ]);
    });

    it('sends a declined young person referred again back to screening, and refuses an unknown id', async () => {
      const first = await manager.call('POST', '/api/referrals', person('Declan', 'Again'));
      await manager.call('POST', `/api/young-people/${first.body.youngPersonId}/decline`, {
        reason: 'Not now',
      });
      await manager.call('POST', '/api/referrals', {
        ...person('Declan', 'Again'),
        youngPersonId: first.body.youngPersonId,
      });
      const summary = await manager.call('GET', `/api/young-people/${first.body.youngPersonId}`);
      expect(summary.body.status).toBe('referred');
      expect(summary.body.statusHistory.map((s: { status: string }) => s.status)).toEqual([
        'referred',
        'declined',
        'referred',
      ]);

      const head = (await api.infra.store.head()).position;
      const unknown = await manager.call('POST', '/api/referrals', {
        ...person('Nobody', 'Known'),
        youngPersonId: '00000000-0000-4000-8000-0000000000cc',
      });
      // As for every other write to a case nobody may see: 404, the same for unknown and others'.
      expect([unknown.status, unknown.body.code, unknown.body.errors[0].field]).toEqual([
        404,
        'YOUNG_PERSON.NOT_FOUND',
        'youngPersonId',
      ]);
      expect((await api.infra.store.head()).position).toBe(head);
    });
  });

  describe('plans, turning 25, corrections and the hub caseload', () => {
    const isoDay = (d: Date) => d.toISOString().slice(0, 10);
    const shift = (years: number, days: number) => {
      const d = new Date();
      d.setUTCFullYear(d.getUTCFullYear() + years);
      d.setUTCDate(d.getUTCDate() + days);
      return isoDay(d);
    };
    const openCase = async (givenName: string, dateOfBirth: string, category = 'care_leaver') => {
      const r = await manager.call('POST', '/api/referrals', {
        hubId,
        category,
        youngPerson: { givenName, familyName: 'Planned', dateOfBirth },
        socialWorker: { name: 'S W', team: 'T' },
        reason: 'test',
      });
      expect(r.status).toBe(201);
      await manager.call('POST', `/api/young-people/${r.body.youngPersonId}/accept`);
      await manager.call('POST', `/api/young-people/${r.body.youngPersonId}/key-worker`, {
        workerId: 'kw-plan',
        workerName: 'Plan Worker',
        override: true,
        overrideReason: 'test',
      });
      return r.body.youngPersonId as string;
    };

    it('keeps goals by portfolio area with their progress, and plan reviews', async () => {
      const id = await openCase('Goaly', '2008-02-02');
      const goal = await keyWorker.call('POST', `/api/young-people/${id}/plan/goals`, {
        area: 'education_and_training',
        description: 'Start college',
        targetDate: shift(0, 60),
      });
      // kw-a may update only their own caseload: another worker's case is out of scope, so 404.
      expect([goal.status, goal.body.code]).toEqual([404, 'YOUNG_PERSON.NOT_FOUND']);
      const set = await manager.call('POST', `/api/young-people/${id}/plan/goals`, {
        area: 'education_and_training',
        description: 'Start college',
        targetDate: shift(0, 60),
      });
      expect(set.status).toBe(201);
      const badArea = await manager.call('POST', `/api/young-people/${id}/plan/goals`, {
        area: 'football',
        description: 'x',
        targetDate: shift(0, 60),
      });
      expect([badArea.status, badArea.body.errors[0].field]).toEqual([400, 'area']);
      let summary = await manager.call('GET', `/api/young-people/${id}`);
      const goalId = summary.body.plan.goals[0].goalId;
      expect(
        (
          await manager.call('POST', `/api/young-people/${id}/plan/goals/${goalId}/status`, {
            status: 'in_progress',
            note: 'Enrolled',
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await manager.call('POST', `/api/young-people/${id}/plan/reviews`, {
            kind: 'support',
            reviewedOn: shift(0, 0),
            notes: 'Good progress',
          })
        ).status,
      ).toBe(201);
      summary = await manager.call('GET', `/api/young-people/${id}`);
      expect(summary.body.plan.goals[0]).toMatchObject({
        area: 'education_and_training',
        status: 'in_progress',
      });
      expect(summary.body.plan.reviews).toEqual([
        { kind: 'support', reviewedOn: shift(0, 0), notes: 'Good progress' },
      ]);
    });

    it('shows pathway reviews due or overdue, and who turns 25 soon, on the hub caseload', async () => {
      const overdue = await openCase('Pathway', '2007-03-03');
      const review = await manager.call('POST', `/api/young-people/${overdue}/plan/reviews`, {
        kind: 'pathway',
        reviewedOn: shift(0, -215),
        notes: 'Review',
      });
      expect(review.status).toBe(201);
      const soon = await openCase('Nearly', shift(-25, 30), 'edge_of_care');
      const caseload = await manager.call(
        'GET',
        `/api/hubs/${hubId}/caseload?limit=500&after=${review.body.position}`,
      );
      expect(caseload.status).toBe(200);
      const byId = (id: string) =>
        caseload.body.items.find((i: { youngPersonId: string }) => i.youngPersonId === id);
      expect(byId(overdue).pathwayReview).toMatchObject({ state: 'overdue' });
      expect(byId(soon)).toMatchObject({ age: 24, turning25On: shift(0, 30), pathwayReview: null });
      expect(byId(overdue).turning25On).toBeNull();
      expect(
        (await manager.call('POST', `/api/young-people/${soon}/close`, { reason: 'reached_25' }))
          .body.code,
      ).toBe('CASE.NOT_YET_25');
    });

    it('closes a case at 25 on the manager’s command', async () => {
      const id = await openCase('Twentyfive', shift(-25, -10), 'care_leaver');
      const closed = await manager.call('POST', `/api/young-people/${id}/close`, {
        reason: 'reached_25',
      });
      expect(closed.status).toBe(200);
      const summary = await manager.call('GET', `/api/young-people/${id}`);
      expect(summary.body).toMatchObject({
        status: 'closed',
        closed: { reason: 'reached_25' },
        pathwayReviewDue: null,
      });
      const caseload = await manager.call(
        'GET',
        `/api/hubs/${hubId}/caseload?limit=500&after=${closed.body.position}`,
      );
      expect(
        caseload.body.items.map((i: { youngPersonId: string }) => i.youngPersonId),
      ).not.toContain(id);
    });

    it('corrects a mistaken referral detail, showing the new value and keeping the old', async () => {
      const id = await openCase('Misspelt', '2009-09-09', 'edge_of_care');
      const fix = await manager.call('POST', `/api/young-people/${id}/corrections`, {
        givenName: 'Misspelled',
        reason: 'Typo at referral',
      });
      expect(fix.status).toBe(201);
      const summary = await manager.call('GET', `/api/young-people/${id}`);
      expect(summary.body.youngPerson.givenName).toBe('Misspelled');
      const events = await stream(id);
      expect(summary.body.corrections).toEqual([
        expect.objectContaining({
          corrects: events[0].eventId,
          changes: { givenName: 'Misspelled' },
          reason: 'Typo at referral',
        }),
      ]);
      expect((events[0].data as { youngPerson: { givenName: string } }).youngPerson.givenName).toBe(
        'Misspelt',
      );
      const caseload = await manager.call(
        'GET',
        `/api/caseloads/kw-plan?limit=500&after=${fix.body.position}`,
      );
      expect(
        caseload.body.items.find((i: { youngPersonId: string }) => i.youngPersonId === id)
          .youngPerson.givenName,
      ).toBe('Misspelled');
      const nothing = await manager.call('POST', `/api/young-people/${id}/corrections`, {
        givenName: 'Misspelled',
        reason: 'again',
      });
      expect(nothing.body.code).toBe('CORRECTION.NOTHING_TO_CORRECT');
    });
  });
});
