import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

/** Strings that have hurt web applications: SQL, HTML, control and odd unicode, path tricks. */
const NASTY = [
  "'; DROP TABLE events; --",
  '"><script>alert(1)</script>',
  '../../etc/passwd',
  '\u0000\u0001\u001f',
  '\u202e\u200b\ud83d\ude00',
  '${7*7}{{7*7}}',
  'NaN',
  '-1e309',
];
const nasty = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 40 }));
const hugeString = fc.constant('x'.repeat(200_000));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(nasty, fc.constantFrom('hubId', 'kind', 'occurredAt', 'youngPersonId')),
      tie('v'),
      { maxKeys: 4 },
    ),
  ),
})).v;

/** Bodies as raw text: JSON values, prototype pollution keys, deep nesting, broken JSON. */
const body = fc.oneof(
  value.map((v) => JSON.stringify(v) ?? 'null'),
  fc.constantFrom(
    '{"__proto__":{"admin":true},"notes":"x"}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    `${'['.repeat(5000)}${']'.repeat(5000)}`,
    `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`,
    '{"occurredAt": "2026-01-01T00:00:00Z", "kind": "phone", "notes": ',
    'not json at all',
    '',
  ),
  hugeString.map((s) => JSON.stringify({ notes: s, reason: s, name: s })),
);

describe('hostile input on every write route (PGlite)', () => {
  let api: TestApi;
  let manager: Caller;
  let paths: string[];

  beforeAll(async () => {
    api = await startTestApi('pglite');
    const admin = api.as({ id: 'admin', roles: ['admin'] });
    const hubId = (
      await admin.call('POST', '/api/hubs', {
        name: 'Fuzz',
        council: 'C',
        plannedBeds: 1,
        emergencyBeds: 1,
      })
    ).body.hubId;
    manager = api.as({ id: 'fuzz', roles: ['hub_manager', 'admin'], hubs: [hubId] });
    const yp = (
      await manager.call('POST', '/api/referrals', {
        hubId,
        category: 'edge_of_care',
        youngPerson: { givenName: 'Fuzz', familyName: 'Generated', dateOfBirth: '2010-01-01' },
        socialWorker: { name: 'S', team: 'T' },
        reason: 'fuzz',
      })
    ).body.youngPersonId;
    const any = '00000000-0000-4000-8000-000000000001';
    paths = [
      '/api/hubs',
      '/api/referrals',
      `/api/young-people/${yp}/decline`,
      `/api/young-people/${yp}/key-worker`,
      `/api/young-people/${yp}/contacts`,
      `/api/young-people/${yp}/contacts/${any}/amendments`,
      `/api/young-people/${yp}/missing-episodes`,
      `/api/young-people/${yp}/incidents`,
      `/api/young-people/${yp}/plan/goals`,
      `/api/young-people/${yp}/team`,
      `/api/young-people/${yp}/corrections`,
      `/api/young-people/${yp}/housing/moves`,
      `/api/young-people/${yp}/tenancies`,
      `/api/young-people/${yp}/care-leaver-records`,
      `/api/hubs/${hubId}/admissions`,
      `/api/hubs/${hubId}/community-families`,
      `/api/hubs/${hubId}/housing-options`,
    ];
  }, 60_000);
  afterAll(() => api.close());

  it('never answers 5xx, always names the problem, and appends nothing when it refuses', async () => {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), body, async (path, raw) => {
        const head = (await api.infra.store.head()).position;
        const res = await manager.call('POST', path, raw, { 'content-type': 'application/json' });
        if (res.status >= 500) failures.push(`${path} ${res.status} ${raw.slice(0, 80)}`);
        if (res.status >= 400) {
          expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
          expect(typeof res.body.code).toBe('string');
          expect((await api.infra.store.head()).position).toBe(head);
        }
        expect(({} as Record<string, unknown>).admin).toBeUndefined();
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300, seed: 20261123 },
    );
    expect(failures).toEqual([]);
  }, 240_000);

  it('answers hostile ids and query strings with 4xx problem+json', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, async (id, q) => {
        const path = `/api/young-people/${encodeURIComponent(id)}/contacts?limit=${encodeURIComponent(q)}&cursor=${encodeURIComponent(q)}`;
        const res = await manager.call('GET', path);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      }),
      { numRuns: 100, seed: 20261123 },
    );
  }, 120_000);
});
