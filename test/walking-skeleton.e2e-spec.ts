import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, type Caller, type Dialect, type TestApi } from './support/test-api.js';

const ADMIN = { id: 'admin-1', roles: ['admin' as const] };
const NO_SUCH_HUB = '00000000-0000-4000-8000-000000000000';

// Each referral names a different (generated) young person unless a test says otherwise:
// the same name and date of birth would be recorded on the first one's case.
let people = 0;
const referral = (hubId: string, overrides: Record<string, unknown> = {}) => ({
  hubId,
  category: 'edge_of_care',
  youngPerson: {
    givenName: `Jordan${++people}`,
    familyName: 'Testcase',
    dateOfBirth: '2011-04-23',
  },
  socialWorker: { name: 'Casey Worker', team: 'Children in Need East' },
  reason: 'Risk of family breakdown',
  ...overrides,
});

describe.each<Dialect>(['postgres', 'pglite'])(
  'referral to caseload over HTTP on %s',
  (dialect) => {
    let api: TestApi;
    let hubId: string;
    let admin: Caller;
    let manager: Caller;

    beforeAll(async () => {
      api = await startTestApi(dialect);
      admin = api.as(ADMIN);
      const hub = await admin.call('POST', '/api/hubs', {
        name: 'Northbridge Hub',
        council: 'Example County Council',
        plannedBeds: 4,
        emergencyBeds: 2,
      });
      expect(hub.status).toBe(201);
      hubId = hub.body.hubId;
      manager = api.as({ id: 'mgr-1', roles: ['hub_manager'], hubs: [hubId, NO_SUCH_HUB] });
    });
    afterAll(() => api.close());

    const streamOf = (youngPersonId: string) =>
      api.infra.store.readStream(`young-person-${youngPersonId}`);

    it('takes a referral through acceptance and key worker to the worker’s caseload', async () => {
      const hubs = await admin.call('GET', `/api/hubs?after=1`);
      expect(hubs.body.items.map((h: { hubId: string }) => h.hubId)).toContain(hubId);

      const created = await manager.call('POST', '/api/referrals', referral(hubId));
      expect(created.status).toBe(201);
      const id = created.body.youngPersonId;
      expect(created.headers.get('location')).toBe(`/api/young-people/${id}`);

      const queued = await manager.call(
        'GET',
        `/api/hubs/${hubId}/referrals?status=referred&after=${created.body.position}`,
      );
      expect(queued.status).toBe(200);
      expect(queued.body.items.map((r: { youngPersonId: string }) => r.youngPersonId)).toContain(
        id,
      );

      expect((await manager.call('POST', `/api/young-people/${id}/accept`)).status).toBe(200);
      const allocated = await manager.call('POST', `/api/young-people/${id}/key-worker`, {
        workerId: 'kw-ruby',
        workerName: 'Ruby Keyworker',
      });
      expect(allocated.status).toBe(200);
      expect(allocated.headers.get('etag')).toBe('"2"');

      const caseload = await manager.call(
        'GET',
        `/api/caseloads/kw-ruby?after=${allocated.body.position}`,
      );
      expect(caseload.status).toBe(200);
      expect(caseload.body).toEqual({
        items: [
          expect.objectContaining({
            youngPersonId: id,
            hubId,
            status: 'accepted',
            category: 'edge_of_care',
            youngPerson: {
              givenName: expect.stringMatching(/^Jordan\d+$/),
              familyName: 'Testcase',
              dateOfBirth: '2011-04-23',
            },
            keyWorker: {
              workerId: 'kw-ruby',
              workerName: 'Ruby Keyworker',
              since: expect.any(String),
            },
            keyWorkerSince: expect.any(String),
          }),
        ],
        nextCursor: null,
      });

      const summary = await manager.call('GET', `/api/young-people/${id}`);
      expect(summary.status).toBe(200);
      expect(summary.headers.get('etag')).toBe('"2"');
      expect(summary.body).toMatchObject({
        status: 'accepted',
        keyWorker: { workerId: 'kw-ruby' },
      });

      const accepted = await manager.call(
        'GET',
        `/api/hubs/${hubId}/referrals?status=accepted&after=${allocated.body.position}`,
      );
      expect(accepted.body.items.map((r: { youngPersonId: string }) => r.youngPersonId)).toContain(
        id,
      );
      const events = await streamOf(id);
      expect(events.map((e) => e.type)).toEqual([
        'ReferralReceived',
        'ReferralAccepted',
        'KeyWorkerAllocated',
      ]);
      expect(events[0].metadata).toMatchObject({
        occurredAt: expect.any(String),
        schemaVersion: 1,
      });
    });

    it('pages every list the same way, with no duplicates and a null cursor on the last page', async () => {
      const pagingHub = await admin.call('POST', '/api/hubs', {
        name: 'Paging Hub',
        council: 'Example County Council',
        plannedBeds: 1,
        emergencyBeds: 0,
      });
      const pager = api.as({ id: 'mgr-2', roles: ['hub_manager'], hubs: [pagingHub.body.hubId] });
      let last = 0;
      for (let i = 0; i < 5; i++) {
        const r = await pager.call(
          'POST',
          '/api/referrals',
          referral(pagingHub.body.hubId, {
            youngPerson: { givenName: `Pat${i}`, familyName: 'Pager', dateOfBirth: '2010-01-01' },
          }),
        );
        last = r.body.position;
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `limit=2&after=${last}${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await pager.call(
          'GET',
          `/api/hubs/${pagingHub.body.hubId}/referrals?${query}`,
        );
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((r: { youngPersonId: string }) => r.youngPersonId));
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(5);
      expect((await admin.call('GET', '/api/hubs?limit=501')).status).toBe(400);
      expect((await admin.call('GET', '/api/hubs?cursor=bm90LWEtY3Vyc29y')).body.code).toBe(
        'PAGING.CURSOR_INVALID',
      );
    });

    it('replays the first response for a retried Idempotency-Key and refuses the key with another body', async () => {
      const body = referral(hubId, {
        youngPerson: { givenName: 'Ida', familyName: 'Empotent', dateOfBirth: '2009-09-09' },
      });
      const key = { 'Idempotency-Key': `phone-retry-${dialect}` };
      const first = await manager.call('POST', '/api/referrals', body, key);
      const retries = await Promise.all(
        [1, 2, 3, 4].map(() => manager.call('POST', '/api/referrals', body, key)),
      );
      for (const retry of retries) {
        expect(retry.status).toBe(201);
        expect(retry.body).toEqual(first.body);
        expect(retry.headers.get('idempotent-replayed')).toBe('true');
      }
      expect(await streamOf(first.body.youngPersonId)).toHaveLength(1);

      const head = (await api.infra.store.head()).position;
      const other = await manager.call(
        'POST',
        '/api/referrals',
        { ...body, reason: 'Something else' },
        key,
      );
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
      expect((await api.infra.store.head()).position).toBe(head);

      const accept = { 'Idempotency-Key': `accept-${dialect}` };
      const accepted = await manager.call(
        'POST',
        `/api/young-people/${first.body.youngPersonId}/accept`,
        undefined,
        accept,
      );
      const again = await manager.call(
        'POST',
        `/api/young-people/${first.body.youngPersonId}/accept`,
        undefined,
        accept,
      );
      expect(again.status).toBe(200);
      expect(again.body).toEqual(accepted.body);
      expect(await streamOf(first.body.youngPersonId)).toHaveLength(2);
    });

    it('answers 412 to a stale If-Match and appends nothing', async () => {
      const created = await manager.call('POST', '/api/referrals', referral(hubId));
      const id = created.body.youngPersonId;
      const etag = (await manager.call('GET', `/api/young-people/${id}`)).headers.get('etag')!;
      expect(etag).toBe('"0"');
      expect(
        (
          await manager.call('POST', `/api/young-people/${id}/accept`, undefined, {
            'If-Match': etag,
          })
        ).status,
      ).toBe(200);
      const stale = await manager.call(
        'POST',
        `/api/young-people/${id}/key-worker`,
        { workerId: 'kw-1', workerName: 'K' },
        { 'If-Match': etag },
      );
      expect(stale.status).toBe(412);
      expect(stale.headers.get('content-type')).toContain('application/problem+json');
      expect(stale.body.code).toBe('CONCURRENCY.STALE_IF_MATCH');
      expect(await streamOf(id)).toHaveLength(2);
      const fresh = await manager.call(
        'POST',
        `/api/young-people/${id}/key-worker`,
        { workerId: 'kw-1', workerName: 'K' },
        { 'If-Match': '"1"' },
      );
      expect(fresh.status).toBe(200);
    });

    describe('turns away bad input with a problem naming the field or rule, appending nothing', () => {
      let declinedId: string;
      beforeAll(async () => {
        const created = await manager.call('POST', '/api/referrals', referral(hubId));
        declinedId = created.body.youngPersonId;
        await manager.call('POST', `/api/young-people/${declinedId}/decline`, {
          reason: 'Needs met elsewhere',
        });
      });

      const cases: [string, () => [string, string, unknown], number, string, string | null][] = [
        [
          'a missing field',
          () => ['POST', '/api/referrals', { ...referral('x'), hubId: undefined }],
          400,
          'VALIDATION.FAILED',
          'hubId',
        ],
        [
          'a wrong type',
          () => ['POST', '/api/referrals', { ...referral(hubId), reason: 42 }],
          400,
          'VALIDATION.FAILED',
          'reason',
        ],
        [
          'an unknown field',
          () => ['POST', '/api/referrals', { ...referral(hubId), nickname: 'J' }],
          400,
          'VALIDATION.FAILED',
          'nickname',
        ],
        [
          'a nested field missing',
          () => ['POST', '/api/referrals', referral(hubId, { socialWorker: { name: 'A' } })],
          400,
          'VALIDATION.FAILED',
          'socialWorker.team',
        ],
        [
          'a date of birth in the future',
          () => [
            'POST',
            '/api/referrals',
            referral(hubId, {
              youngPerson: { givenName: 'F', familyName: 'Uture', dateOfBirth: '2099-01-01' },
            }),
          ],
          422,
          'YOUNG_PERSON.DATE_OF_BIRTH_IN_FUTURE',
          'youngPerson.dateOfBirth',
        ],
        [
          'an impossible date',
          () => [
            'POST',
            '/api/referrals',
            referral(hubId, {
              youngPerson: { givenName: 'F', familyName: 'Eb', dateOfBirth: '2011-02-30' },
            }),
          ],
          400,
          'VALIDATION.FAILED',
          'youngPerson.dateOfBirth',
        ],
        [
          'an unknown hub',
          () => ['POST', '/api/referrals', referral(NO_SUCH_HUB)],
          422,
          'HUB.NOT_FOUND',
          'hubId',
        ],
        [
          'an unknown category',
          () => ['POST', '/api/referrals', referral(hubId, { category: 'other' })],
          400,
          'VALIDATION.FAILED',
          'category',
        ],
        [
          'accepting a declined referral',
          () => ['POST', `/api/young-people/${declinedId}/accept`, undefined],
          409,
          'YOUNG_PERSON.NOT_REFERRED',
          null,
        ],
        [
          'a key worker before acceptance',
          () => [
            'POST',
            `/api/young-people/${declinedId}/key-worker`,
            { workerId: 'w', workerName: 'W' },
          ],
          409,
          'YOUNG_PERSON.NOT_ACCEPTED',
          null,
        ],
        [
          'a malformed id',
          () => ['POST', '/api/young-people/not-a-uuid/accept', undefined],
          400,
          'REQUEST.MALFORMED_ID',
          'id',
        ],
        [
          'an unknown young person',
          () => [
            'POST',
            '/api/young-people/00000000-0000-4000-8000-000000000001/accept',
            undefined,
          ],
          404,
          'YOUNG_PERSON.NOT_FOUND',
          null,
        ],
        [
          'malformed JSON',
          () => ['POST', '/api/referrals', '{"hubId": '],
          400,
          'REQUEST.MALFORMED_JSON',
          null,
        ],
        [
          'a malformed If-Match',
          () => ['POST', `/api/young-people/${declinedId}/accept`, undefined],
          400,
          'CONCURRENCY.IF_MATCH_INVALID',
          'If-Match',
        ],
      ];

      it.each(cases)('%s', async (name, request, status, code, field) => {
        const [method, path, body] = request();
        const headBefore = (await api.infra.store.head()).position;
        const declinedBefore = (await streamOf(declinedId)).length;
        const headers: Record<string, string> =
          name === 'a malformed If-Match' ? { 'If-Match': 'yesterday' } : {};
        const res = await manager.call(method, path, body, headers);
        expect(res.status).toBe(status);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(res.body).toMatchObject({
          status,
          code,
          type: expect.any(String),
          title: expect.any(String),
        });
        if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
        expect((await api.infra.store.head()).position).toBe(headBefore);
        expect(await streamOf(declinedId)).toHaveLength(declinedBefore);
      });
    });

    it('reports the database and each projection’s lag on /health, and serves OpenAPI', async () => {
      const health = await api.call('GET', '/health');
      expect(health.status).toBe(200);
      expect(health.body.database.status).toBe('up');
      expect(health.body.projections.map((p: { name: string }) => p.name).sort()).toEqual([
        'access_log',
        'bed_board',
        'caseloads',
        'community_families',
        'contact_timeline',
        'housing_options',
        'housing_pathway',
        'hubs_list',
        'incidents',
        'missing_board',
        'outcomes',
        'placement_history',
        'referral_queue',
      ]);
      const docs = await api.call('GET', '/docs-json');
      expect(Object.keys(docs.body.paths)).toEqual(
        expect.arrayContaining([
          '/api/referrals',
          '/api/caseloads/{workerId}',
          '/api/young-people/{id}/accept',
        ]),
      );
      const ui = await fetch(`${api.url}/docs`);
      expect(ui.status).toBe(200);
      expect(await ui.text()).toContain('swagger');
    });
  },
);

describe('read-your-writes when projections run elsewhere', () => {
  let api: TestApi;
  let admin: Caller;
  beforeAll(async () => {
    api = await startTestApi('pglite', { projections: 'external', readWaitMs: 200 });
    admin = api.as(ADMIN);
  });
  afterAll(() => api.close());

  it('answers 503 past the bound while the read model lags, and 400 for a position never written', async () => {
    const hub = await admin.call('POST', '/api/hubs', {
      name: 'Lag Hub',
      council: 'C',
      plannedBeds: 1,
      emergencyBeds: 1,
    });
    const lagging = await admin.call('GET', `/api/hubs?after=${hub.body.position}`);
    expect(lagging.status).toBe(503);
    expect(lagging.body.code).toBe('READ_MODEL.NOT_CAUGHT_UP');
    expect((await admin.call('GET', `/api/hubs?after=${hub.body.position + 100}`)).body.code).toBe(
      'READ_MODEL.UNKNOWN_POSITION',
    );
    await api.infra.runner.catchUp();
    const fresh = await admin.call('GET', `/api/hubs?after=${hub.body.position}`);
    expect(fresh.status).toBe(200);
    expect(fresh.body.items).toHaveLength(1);
  });
});
