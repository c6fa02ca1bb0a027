import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { outreachStreamId } from '../src/outreach/index.js';
import { youngPersonStreamId } from '../src/young-people/index.js';
import {
  differencesFromRebuild,
  startTestApi,
  type Caller,
  type TestApi,
} from './support/test-api.js';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const ukToday = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

describe('outreach over HTTP on PostgreSQL (return interview window 48 hours)', () => {
  let api: TestApi;
  let hubId: string;
  let manager: Caller;
  let worker: Caller;
  let people = 0;

  beforeAll(async () => {
    api = await startTestApi('postgres', { env: { RETURN_INTERVIEW_WINDOW_HOURS: '48' } });
    const admin = api.as({ id: 'admin', roles: ['admin'] });
    hubId = (
      await admin.call('POST', '/api/hubs', {
        name: 'Outreach',
        council: 'C',
        plannedBeds: 2,
        emergencyBeds: 1,
      })
    ).body.hubId;
    manager = api.as({ id: 'mgr', name: 'Mina Manager', roles: ['hub_manager'], hubs: [hubId] });
    worker = api.as({ id: 'ow-1', name: 'Olu Worker', roles: ['outreach_worker'], hubs: [hubId] });
  });
  afterAll(() => api.close());

  async function acceptedCase() {
    const r = await manager.call('POST', '/api/referrals', {
      hubId,
      category: 'edge_of_care',
      youngPerson: {
        givenName: `Out${++people}`,
        familyName: 'Generated',
        dateOfBirth: '2010-05-05',
      },
      socialWorker: { name: 'S W', team: 'T' },
      reason: 'Outreach',
    });
    const id = r.body.youngPersonId as string;
    await manager.call('POST', `/api/young-people/${id}/accept`);
    const kw = await manager.call('POST', `/api/young-people/${id}/key-worker`, {
      workerId: 'ow-1',
      workerName: 'Olu Worker',
      override: true,
      overrideReason: 'test',
    });
    return { id, position: kw.body.position as number };
  }
  const streamOf = (id: string) => api.infra.store.readStream(outreachStreamId(id));

  it('a contact reads the case stream once for access control and the decision, and only its newer events', async () => {
    const { id } = await acceptedCase();
    const store = api.infra.store;
    const reads: { streamId: string; fromRevision: number }[] = [];
    const readStream = store.readStream.bind(store);
    store.readStream = (streamId, options) => {
      reads.push({ streamId, fromRevision: options?.fromRevision ?? 0 });
      return readStream(streamId, options);
    };
    try {
      const contact = { occurredAt: hoursAgo(1), kind: 'phone', notes: 'Generated check-in' };
      for (let i = 0; i < 3; i++) {
        expect(
          (await worker.call('POST', `/api/young-people/${id}/contacts`, contact)).status,
        ).toBe(201);
      }
    } finally {
      store.readStream = readStream;
    }
    const caseReads = reads.filter((r) => r.streamId === youngPersonStreamId(id));
    const outreachReads = reads.filter((r) => r.streamId === outreachStreamId(id));
    // One read of each stream per request, of the events the process has not folded yet: the
    // outreach stream is empty before the first contact, so the second read starts at 0 too.
    expect(caseReads).toHaveLength(3);
    expect(outreachReads.map((r) => r.fromRevision)).toEqual([0, 0, 1]);
    expect(caseReads.slice(1).every((r) => r.fromRevision > 0)).toBe(true);
  });

  it('records a contact once under concurrent and late retries with one Idempotency-Key', async () => {
    const { id } = await acceptedCase();
    const body = { occurredAt: hoursAgo(2), kind: 'face_to_face', notes: 'Met in town' };
    const headers = { 'Idempotency-Key': `phone-${id}` };
    const burst = await Promise.all(
      Array.from({ length: 8 }, () =>
        worker.call('POST', `/api/young-people/${id}/contacts`, body, headers),
      ),
    );
    const late = await worker.call('POST', `/api/young-people/${id}/contacts`, body, headers);
    const all = [...burst, late];
    expect(all.map((r) => r.status).every((s) => s === 201)).toBe(true);
    expect(new Set(all.map((r) => r.body.contactId)).size).toBe(1);
    expect(late.headers.get('idempotent-replayed')).toBe('true');
    const stream = await streamOf(id);
    expect(stream.filter((e) => e.type === 'ContactLogged')).toHaveLength(1);
    const timeline = await worker.call(
      'GET',
      `/api/young-people/${id}/contacts?after=${late.body.position}`,
    );
    expect(timeline.body.items).toHaveLength(1);
    // The same key with another body is refused and appends nothing.
    const reused = await worker.call(
      'POST',
      `/api/young-people/${id}/contacts`,
      { ...body, notes: 'different' },
      headers,
    );
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY.KEY_REUSED']);
    expect(await streamOf(id)).toHaveLength(1);
  });

  it('sorts the timeline by when contacts happened, flags late ones, amends and keeps the original', async () => {
    const { id } = await acceptedCase();
    const recent = await worker.call('POST', `/api/young-people/${id}/contacts`, {
      occurredAt: hoursAgo(3),
      kind: 'phone',
      notes: 'Quick call',
      portfolioAreas: ['housing'],
    });
    const old = await worker.call('POST', `/api/young-people/${id}/contacts`, {
      occurredAt: hoursAgo(50),
      kind: 'face_to_face',
      location: 'Library',
      durationMinutes: 40,
      notes: 'Long chat about college',
      present: [{ name: 'A. Friend', relationship: 'friend' }],
      followUps: [{ action: 'Ring the college', due: ukToday() }],
    });
    const attempt = await worker.call('POST', `/api/young-people/${id}/contacts`, {
      occurredAt: hoursAgo(1),
      kind: 'attempted_no_contact',
      notes: 'No answer at the door',
    });
    expect([recent.status, old.status, attempt.status]).toEqual([201, 201, 201]);
    const list = await worker.call(
      'GET',
      `/api/young-people/${id}/contacts?after=${attempt.body.position}`,
    );
    expect(list.body.items.map((c: { notes: string }) => c.notes)).toEqual([
      'No answer at the door',
      'Quick call',
      'Long chat about college',
    ]);
    expect(list.body.items.map((c: { lateRecorded: boolean }) => c.lateRecorded)).toEqual([
      false,
      false,
      true,
    ]);
    expect(list.body.items[2].present).toEqual([
      { name: 'A. Friend', relationship: 'friend', thirdParty: true },
    ]);
    const phoneOnly = await worker.call('GET', `/api/young-people/${id}/contacts?kind=phone`);
    expect(phoneOnly.body.items.map((c: { contactId: string }) => c.contactId)).toEqual([
      recent.body.contactId,
    ]);

    const amended = await manager.call(
      'POST',
      `/api/young-people/${id}/contacts/${old.body.contactId}/amendments`,
      { notes: 'Long chat about the college course', reason: 'Added the detail' },
    );
    expect(amended.status).toBe(200);
    const after = await worker.call(
      'GET',
      `/api/young-people/${id}/contacts?after=${amended.body.position}`,
    );
    const entry = after.body.items.find(
      (c: { contactId: string }) => c.contactId === old.body.contactId,
    );
    expect(entry.notes).toBe('Long chat about the college course');
    expect(entry.amendments).toEqual([
      expect.objectContaining({
        by: { id: 'mgr', name: 'Mina Manager' },
        reason: 'Added the detail',
        changes: { notes: 'Long chat about the college course' },
        previous: { notes: 'Long chat about college' },
      }),
    ]);
    const unchanged = await manager.call(
      'POST',
      `/api/young-people/${id}/contacts/${old.body.contactId}/amendments`,
      { notes: 'Long chat about the college course', reason: 'again' },
    );
    expect([unchanged.status, unchanged.body.code]).toEqual([422, 'CONTACT.NO_CHANGE']);

    // The caseload counts the last contact that reached the young person (not the attempt).
    const caseload = await worker.call(
      'GET',
      `/api/caseloads/ow-1?limit=500&after=${amended.body.position}`,
    );
    const mine = caseload.body.items.find((c: { youngPersonId: string }) => c.youngPersonId === id);
    const expected = Math.round(
      (Date.parse(ukToday()) -
        Date.parse(
          new Date(Date.now() - 3 * 3_600_000).toLocaleDateString('en-CA', {
            timeZone: 'Europe/London',
          }),
        )) /
        86_400_000,
    );
    expect(mine.daysSinceLastContact).toBe(expected);

    const day = await worker.call(
      'GET',
      `/api/outreach/workers/ow-1/day?date=${ukToday()}&after=${amended.body.position}`,
    );
    expect(day.status).toBe(200);
    expect(day.body.followUpsDue).toEqual([
      expect.objectContaining({
        contactId: old.body.contactId,
        action: 'Ring the college',
        overdue: false,
      }),
    ]);
  });

  it('refuses bad input with problem+json naming the field, and appends nothing', async () => {
    const { id } = await acceptedCase();
    const head = (await api.infra.store.head()).position;
    const cases: [unknown, string][] = [
      [{ occurredAt: '2026-03-02 18:00', kind: 'phone', notes: 'x' }, 'occurredAt'],
      [{ occurredAt: hoursAgo(1), kind: 'carrier_pigeon', notes: 'x' }, 'kind'],
      [
        { occurredAt: hoursAgo(1), kind: 'phone', notes: 'x', durationMinutes: -1 },
        'durationMinutes',
      ],
      [
        {
          occurredAt: hoursAgo(1),
          kind: 'phone',
          notes: 'x',
          followUps: [{ action: 'a', due: '2026-02-30' }],
        },
        'followUps.0.due',
      ],
    ];
    for (const [body, field] of cases) {
      const r = await worker.call('POST', `/api/young-people/${id}/contacts`, body);
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const future = await worker.call('POST', `/api/young-people/${id}/contacts`, {
      occurredAt: new Date(Date.now() + 3_600_000).toISOString(),
      kind: 'phone',
      notes: 'x',
    });
    expect([future.status, future.body.code]).toEqual([422, 'CONTACT.IN_FUTURE']);
    expect((await api.infra.store.head()).position).toBe(head);
  });

  it('runs a missing episode to the return interview with the configured 48-hour window', async () => {
    const { id } = await acceptedCase();
    const reported = await worker.call('POST', `/api/young-people/${id}/missing-episodes`, {
      category: 'M',
      startedAt: hoursAgo(80),
      policeInformed: true,
      policeReference: 'POL-1',
      circumstances: 'Did not come back from college',
    });
    expect(reported.status).toBe(201);
    const episodeId = reported.body.episodeId;
    const second = await worker.call('POST', `/api/young-people/${id}/missing-episodes`, {
      category: 'A',
      startedAt: hoursAgo(70),
      policeInformed: false,
      circumstances: 'x',
    });
    expect([second.status, second.body.code]).toEqual([409, 'MISSING.EPISODE_OPEN']);
    await worker.call('POST', `/api/young-people/${id}/missing-episodes/${episodeId}/updates`, {
      note: 'Seen at the station',
    });
    let board = await manager.call(
      'GET',
      `/api/hubs/${hubId}/missing-board?after=${reported.body.position}`,
    );
    const open = board.body.open.find((e: { episodeId: string }) => e.episodeId === episodeId);
    expect(open.durationHours).toBeGreaterThanOrEqual(79);
    expect(open.youngPerson.givenName).toMatch(/^Out/);

    const returnedAt = hoursAgo(50);
    const back = await worker.call(
      'POST',
      `/api/young-people/${id}/missing-episodes/${episodeId}/return`,
      {
        returnedAt,
        whereFound: 'At a friend’s flat',
      },
    );
    expect(back.status).toBe(200);
    const overlap = await worker.call('POST', `/api/young-people/${id}/missing-episodes`, {
      category: 'A',
      startedAt: hoursAgo(60),
      policeInformed: false,
      circumstances: 'x',
    });
    expect([overlap.status, overlap.body.code]).toEqual([409, 'MISSING.OVERLAPS']);

    board = await manager.call(
      'GET',
      `/api/hubs/${hubId}/missing-board?after=${back.body.position}`,
    );
    expect(board.body.open.map((e: { episodeId: string }) => e.episodeId)).not.toContain(episodeId);
    const due = board.body.returnInterviews.find(
      (e: { episodeId: string }) => e.episodeId === episodeId,
    );
    expect(due.returnInterview).toMatchObject({
      dueBy: new Date(Date.parse(returnedAt) + 48 * 3_600_000).toISOString(),
      windowHours: 48,
      state: 'due',
      overdue: true,
    });
    const offered = await worker.call(
      'POST',
      `/api/young-people/${id}/missing-episodes/${episodeId}/return-interview`,
      { outcome: 'offered', at: hoursAgo(1) },
    );
    board = await manager.call(
      'GET',
      `/api/hubs/${hubId}/missing-board?after=${offered.body.position}`,
    );
    const now = board.body.returnInterviews.find(
      (e: { episodeId: string }) => e.episodeId === episodeId,
    );
    expect(now.returnInterview).toMatchObject({ state: 'offered', overdue: false });
    await worker.call(
      'POST',
      `/api/young-people/${id}/missing-episodes/${episodeId}/return-interview`,
      {
        outcome: 'accepted',
        at: hoursAgo(0.5),
      },
    );
    const done = await worker.call(
      'POST',
      `/api/young-people/${id}/missing-episodes/${episodeId}/return-interview`,
      { outcome: 'completed', at: hoursAgo(0.1), by: 'Independent RHI worker' },
    );
    expect(done.status).toBe(200);
    board = await manager.call(
      'GET',
      `/api/hubs/${hubId}/missing-board?after=${done.body.position}`,
    );
    expect(
      board.body.returnInterviews.map((e: { episodeId: string }) => e.episodeId),
    ).not.toContain(episodeId);
  });

  it('opens Reg 40 notifications for notifiable incidents, oldest first, until recorded as sent', async () => {
    const { id } = await acceptedCase();
    const cse = await worker.call('POST', `/api/young-people/${id}/incidents`, {
      kind: 'cse_concern',
      occurredAt: hoursAgo(5),
      summary: 'Seen getting into a car with older men',
      involved: [{ name: 'Unknown adult', role: 'adult' }],
    });
    const minor = await worker.call('POST', `/api/young-people/${id}/incidents`, {
      kind: 'police_involvement',
      occurredAt: hoursAgo(4),
      summary: 'Police returned a lost phone',
    });
    expect([cse.status, minor.status]).toEqual([201, 201]);
    let pending = await manager.call(
      'GET',
      `/api/hubs/${hubId}/notifications?after=${minor.body.position}`,
    );
    const mine = (p: { items: { incidentId: string; recipient: string }[] }) =>
      p.items.filter((n) => n.incidentId === cse.body.incidentId).map((n) => n.recipient);
    expect(mine(pending.body)).toEqual(['ofsted', 'placing_authority']);
    expect(
      pending.body.items.some(
        (n: { incidentId: string }) => n.incidentId === minor.body.incidentId,
      ),
    ).toBe(false);

    const denied = await worker.call(
      'POST',
      `/api/young-people/${id}/incidents/${cse.body.incidentId}/notifications`,
      {
        recipient: 'ofsted',
        notifiedAt: hoursAgo(1),
        method: 'Online form',
      },
    );
    expect([denied.status, denied.body.code]).toEqual([403, 'ACCESS.DENIED']);
    const sent = await manager.call(
      'POST',
      `/api/young-people/${id}/incidents/${cse.body.incidentId}/notifications`,
      {
        recipient: 'ofsted',
        notifiedAt: hoursAgo(1),
        method: 'Online form',
        reference: 'OFS-1',
      },
    );
    expect(sent.status).toBe(200);
    pending = await manager.call(
      'GET',
      `/api/hubs/${hubId}/notifications?after=${sent.body.position}`,
    );
    expect(mine(pending.body)).toEqual(['placing_authority']);

    const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const indicators = await manager.call(
      'GET',
      `/api/young-people/${id}/indicators?from=${from}&to=${to}&after=${sent.body.position}`,
    );
    expect(indicators.body).toEqual({
      youngPersonId: id,
      period: { from, to },
      missingEpisodes: { missing: 0, away: 0, total: 0, hoursMissing: 0 },
      incidents: { total: 2, byKind: { cse_concern: 1, police_involvement: 1 }, notifiable: 1 },
    });
  });

  it('shows a worker’s day only within the caller’s hubs', async () => {
    const { id } = await acceptedCase();
    const c = await worker.call('POST', `/api/young-people/${id}/contacts`, {
      occurredAt: new Date().toISOString(),
      kind: 'text',
      notes: 'Texted about tomorrow',
    });
    const path = `/api/outreach/workers/ow-1/day?date=${ukToday()}&after=${c.body.position}`;
    const own = await manager.call('GET', path);
    expect(own.body.contacts.map((x: { contactId: string }) => x.contactId)).toContain(
      c.body.contactId,
    );
    const elsewhere = api.as({
      id: 'mgr-b',
      roles: ['hub_manager'],
      hubs: ['00000000-0000-4000-8000-00000000beef'],
    });
    const other = await elsewhere.call('GET', path);
    expect(other.status).toBe(200);
    expect(other.body.contacts).toEqual([]);
  });

  it('leaves every read model equal to a rebuild from the log', async () => {
    expect(await differencesFromRebuild(api)).toEqual([]);
  });
});
