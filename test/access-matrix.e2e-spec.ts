import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { POLICY, ROLES, type Role } from '../src/access/index.js';
import { discoverRoutes, SAMPLES, type Fixture, type Route } from './support/routes.js';
import { startTestApi, type Caller, type TestApi } from './support/test-api.js';

describe('every route x every role x in and out of scope, against the policy table', () => {
  let api: TestApi;
  let setup: Caller;
  let hubA: string;
  let hubB: string;
  let routes: Route[];

  beforeAll(async () => {
    api = await startTestApi('pglite');
    const admin = api.as({ id: 'admin', roles: ['admin'] });
    hubA = (
      await admin.call('POST', '/api/hubs', {
        name: 'A',
        council: 'C',
        plannedBeds: 4,
        emergencyBeds: 2,
      })
    ).body.hubId;
    hubB = (
      await admin.call('POST', '/api/hubs', {
        name: 'B',
        council: 'C',
        plannedBeds: 4,
        emergencyBeds: 2,
      })
    ).body.hubId;
    setup = api.as({ id: 'setup', roles: ['hub_manager'], hubs: [hubA, hubB] });
    routes = discoverRoutes(api);
  });
  afterAll(() => api.close());

  /** In scope: the user's hub, the user as key worker, consent for the user. Out: none of those. */
  async function fixture(user: string, inScope: boolean): Promise<Fixture & { position: number }> {
    const hubId = inScope ? hubA : hubB;
    const workerId = inScope ? user : `kw-other-${user}`;
    const r = await setup.call(
      'POST',
      '/api/referrals',
      SAMPLES['POST /api/referrals']({ hubId, youngPersonId: '', workerId }, user).body,
    );
    const youngPersonId = r.body.youngPersonId as string;
    await setup.call('POST', `/api/young-people/${youngPersonId}/accept`);
    const kw = await setup.call('POST', `/api/young-people/${youngPersonId}/key-worker`, {
      workerId,
      workerName: 'K',
      // Every fixture gives the same worker another case: past the limit on purpose.
      override: true,
      overrideReason: 'matrix fixture',
    });
    if (inScope) {
      await setup.call('POST', `/api/young-people/${youngPersonId}/consents`, {
        visitorId: user,
        visitorName: 'V',
      });
    }
    return { hubId, youngPersonId, workerId, position: kw.body.position as number };
  }

  /**
   * One fixture per role, in scope and out, made at once (their streams are all different), then
   * one wait until the read models hold every one of them (lists read projections).
   */
  async function fixtures(roles: readonly string[]) {
    const made = await Promise.all(
      roles.flatMap((role) => [true, false].map((inScope) => fixture(`u-${role}`, inScope))),
    );
    const names = api.infra.runner.projections.map((p) => p.name);
    const last = Math.max(...made.map((f) => f.position));
    expect(await api.infra.runner.waitFor(names, last, 10_000)).toBe('caught-up');
    return (role: string, inScope: boolean) => made[roles.indexOf(role) * 2 + (inScope ? 0 : 1)];
  }

  it('finds every route declared: public, or with a permission and a sample request', () => {
    expect(routes.length).toBeGreaterThanOrEqual(Object.keys(SAMPLES).length);
    const undeclared = routes
      .filter((r) => !r.isPublic && !r.requirement)
      .map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
    const unsampled = routes
      .filter((r) => !r.isPublic)
      .map((r) => `${r.method} ${r.path}`)
      .filter((key) => !SAMPLES[key]);
    expect(unsampled).toEqual([]);
    expect(
      routes
        .filter((r) => r.isPublic)
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(
      [
        'GET /',
        'GET /health',
        'GET /health/live',
        'GET /health/ready',
        // Public to the guard: it asks for METRICS_TOKEN itself (404 when unset, tested below).
        'GET /metrics',
        'GET /app/sign-in',
        'POST /app/sign-in',
        'POST /app/sign-out',
        'GET /app/auth/oidc',
        'GET /app/auth/callback',
      ].sort(),
    );
    // A route about one young person must let the guard check that case's scope.
    const unscopedCases = routes
      .filter((r) => r.path.includes('/young-people/:id'))
      .filter((r) => r.requirement?.target.kind !== 'case')
      .map((r) => `${r.method} ${r.path}`);
    expect(unscopedCases).toEqual([]);
    // A route about one hub's people, or any worker's caseload, must filter to the caller's scope.
    const unscopedLists = routes
      .filter((r) => /\/(referrals|caseloads?)(\/|$)/.test(r.path) && r.method === 'GET')
      .filter((r) => r.requirement?.target.kind !== 'list')
      .map((r) => `${r.method} ${r.path}`);
    expect(unscopedLists).toEqual([]);
    // A route about one hub's beds must let the guard check that hub's scope.
    const unscopedHubs = routes
      .filter(
        (r) => r.path.startsWith('/api/hubs/:hubId/') && !/\/(referrals|caseload)$/.test(r.path),
      )
      .filter((r) => r.requirement?.target.kind !== 'hub')
      .map((r) => `${r.method} ${r.path}`);
    expect(unscopedHubs).toEqual([]);
  });

  it('allows and denies exactly as the policy says', async () => {
    const failures: string[] = [];
    let readFixtures: Awaited<ReturnType<typeof fixtures>> | undefined;
    for (const route of routes.filter((r) => !r.isPublic)) {
      const { permission, target } = route.requirement!;
      // A read changes no case: every GET shares one set of fixtures; a write gets fresh ones.
      const made =
        route.method === 'GET' ? (readFixtures ??= await fixtures(ROLES)) : await fixtures(ROLES);
      for (const role of ROLES) {
        for (const inScope of [true, false]) {
          const userId = `u-${role}`;
          const caller = api.as({ id: userId, roles: [role as Role], hubs: [hubA] });
          const f = made(role, inScope);
          const { path, body } = SAMPLES[`${route.method} ${route.path}`](f, userId);
          const head = (await api.infra.store.head()).position;
          const res = await caller.call(route.method, path, body, {
            'X-Access-Reason': 'matrix test of the access policy',
          });
          const scope = POLICY[role][permission] ?? null;
          const label = `${route.method} ${route.path} as ${role} ${inScope ? 'in' : 'out of'} scope: ${res.status} ${res.body?.code ?? ''}`;
          const unchanged = async () => (await api.infra.store.head()).position === head;

          if (scope === null) {
            if (res.status !== 403 || res.body.code !== 'ACCESS.DENIED' || !(await unchanged()))
              failures.push(`${label} (expected 403 ACCESS.DENIED)`);
            continue;
          }
          const covered = inScope || scope === 'all';
          if (target.kind === 'case' && !covered) {
            if (
              res.status !== 404 ||
              res.body.code !== 'YOUNG_PERSON.NOT_FOUND' ||
              !(await unchanged())
            )
              failures.push(`${label} (expected 404, nothing appended)`);
            continue;
          }
          if (target.kind === 'hub' && target.param && !covered) {
            if (res.status !== 404 || res.body.code !== 'HUB.NOT_FOUND' || !(await unchanged()))
              failures.push(`${label} (expected 404 HUB.NOT_FOUND)`);
            continue;
          }
          if (target.kind === 'hub' && target.bodyField && !covered) {
            if (
              res.status !== 403 ||
              res.body.code !== 'ACCESS.OUT_OF_SCOPE' ||
              !(await unchanged())
            )
              failures.push(`${label} (expected 403 ACCESS.OUT_OF_SCOPE)`);
            continue;
          }
          if (
            [401, 403].includes(res.status) ||
            String(res.body?.code ?? '').startsWith('ACCESS.')
          ) {
            failures.push(`${label} (expected to be allowed)`);
            continue;
          }
          // Lists of cases answer `items`; other scoped reads are tested in their own suites.
          const isList = typeof res.body === 'object' && res.body !== null && 'items' in res.body;
          if (target.kind === 'list' && (res.status !== 200 || isList)) {
            const ids = (res.body.items ?? []).map(
              (i: { youngPersonId: string }) => i.youngPersonId,
            );
            if (res.status !== 200) failures.push(`${label} (expected 200)`);
            else if (ids.includes(f.youngPersonId) !== covered) {
              failures.push(
                `${label} (the case ${covered ? 'is missing from' : 'leaked into'} the list)`,
              );
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it('answers 401 without a valid token on every declared route', async () => {
    for (const route of routes.filter((r) => !r.isPublic)) {
      const { path, body } = SAMPLES[`${route.method} ${route.path}`](
        { hubId: hubA, youngPersonId: '00000000-0000-4000-8000-000000000009', workerId: 'w' },
        'u',
      );
      const res = await api.call(route.method, path, body);
      // Pages sign in with a session cookie; the API asks for a bearer token.
      expect([route.path, res.status, res.body.code]).toEqual([
        route.path,
        401,
        route.path.startsWith('/app') ? 'AUTH.SESSION_MISSING' : 'AUTH.TOKEN_MISSING',
      ]);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      const bad = await api.call(route.method, path, body, { authorization: 'Bearer not.a.token' });
      expect([route.path, bad.status, bad.body.code]).toEqual([
        route.path,
        401,
        'AUTH.TOKEN_INVALID',
      ]);
    }
    expect((await api.call('GET', '/health')).status).toBe(200);
    expect((await api.call('GET', '/health/live')).status).toBe(200);
    expect((await api.call('GET', '/health/ready')).status).toBe(200);
    // No METRICS_TOKEN set: no metrics for anyone, a user's token included.
    const metrics = await api.call('GET', '/metrics', undefined, {
      authorization: `Bearer ${await api.token({ id: 'admin', roles: ['admin'] })}`,
    });
    expect([metrics.status, metrics.body.code]).toEqual([404, 'METRICS.OFF']);
    expect((await fetch(`${api.url}/docs`)).status).toBe(200);
  });
});
