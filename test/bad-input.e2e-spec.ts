import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SAMPLES } from './support/routes.js';
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
  let fixture: { hubId: string; youngPersonId: string; workerId: string };

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
    fixture = { hubId, youngPersonId: yp, workerId: 'fuzz' };
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

  /** Every string in a body, as [path, value] (a.b.0.c). */
  const leaves = (v: unknown, at = ''): string[] =>
    typeof v === 'string'
      ? [at]
      : v && typeof v === 'object'
        ? Object.entries(v).flatMap(([k, c]) => leaves(c, at ? `${at}.${k}` : k))
        : [];
  const setAt = (v: unknown, path: string, value: unknown): unknown => {
    const copy = structuredClone(v) as Record<string, unknown>;
    const keys = path.split('.');
    let o = copy;
    for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
    o[keys.at(-1)!] = value;
    return copy;
  };
  /** Valid requests of every POST route that takes a body, from the access matrix's samples. */
  const validPosts = () =>
    Object.entries(SAMPLES)
      .filter(([key]) => key.startsWith('POST /api/'))
      .map(([key, sample]) => ({ key, ...sample(fixture, 'fuzz') }))
      .filter((r) => r.body !== undefined && leaves(r.body).length > 0);

  it('refuses NUL and half surrogate pairs in any string of a valid body, naming the field', async () => {
    const poison = fc.constantFrom('a\u0000b', '\u0000', 'x\ud800', '\udc00y', 'ok\ud800\ud800');
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...validPosts()), fc.nat(), poison, async (r, n, bad) => {
        const fields = leaves(r.body);
        const field = fields[n % fields.length];
        const head = (await api.infra.store.head()).position;
        const res = await manager.call('POST', r.path, JSON.stringify(setAt(r.body, field, bad)), {
          'content-type': 'application/json',
        });
        const ok =
          res.status === 400 &&
          res.body.code === 'REQUEST.INVALID_TEXT' &&
          res.body.errors?.[0]?.field === field &&
          (await api.infra.store.head()).position === head;
        if (!ok) failures.push(`${r.key} ${field}: ${res.status} ${res.body?.code}`);
      }),
      { numRuns: 150, seed: 20261205 },
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses __proto__, constructor and prototype keys like any unknown field', async () => {
    const failures: string[] = [];
    for (const r of validPosts()) {
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        const raw = JSON.stringify(r.body).replace(/^\{/, `{"${key}":{"admin":true},`);
        const res = await manager.call('POST', r.path, raw, { 'content-type': 'application/json' });
        if (res.status !== 400 || res.body.errors?.[0]?.field !== key)
          failures.push(`${r.key} ${key}: ${res.status} ${res.body?.code}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses positions and revisions too large for the log with 400 naming the field', async () => {
    const huge = '99999999999999999999';
    const asOf = await manager.call(
      'GET',
      `/api/young-people/${fixture.youngPersonId}/as-of?revision=${huge}`,
    );
    expect([asOf.status, asOf.body.errors?.[0]?.field]).toEqual([400, 'revision']);
    const after = await manager.call(
      'GET',
      `/api/young-people/${fixture.youngPersonId}/contacts?after=${huge}`,
    );
    expect([after.status, after.body.errors?.[0]?.field]).toEqual([400, 'after']);
    const nul = await manager.call(
      'GET',
      `/api/young-people/${fixture.youngPersonId}/contacts?cursor=a%00b`,
    );
    expect([nul.status, nul.body.code]).toEqual([400, 'REQUEST.INVALID_TEXT']);
  });
});
