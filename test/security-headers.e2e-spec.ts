import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, type TestApi } from './support/test-api.js';

/** Every answer carries the security headers; answers with personal data are never cached. */
describe('security headers and caching', () => {
  let api: TestApi;
  let hubId: string;
  let cookie: string;

  beforeAll(async () => {
    api = await startTestApi('pglite');
    hubId = await api.openHub('Header Hub');
    cookie = await api.sessions.issue({
      id: 'mgr',
      name: 'Mo Manager',
      roles: ['hub_manager'],
      hubs: [hubId],
    });
  });
  afterAll(() => api.close());

  const get = async (path: string, headers: Record<string, string> = {}) =>
    fetch(`${api.url}${path}`, { headers, redirect: 'manual' });

  it('sends a strict CSP and the other headers on pages, API answers, errors and files', async () => {
    const token = await api.token({ id: 'mgr', roles: ['hub_manager'], hubs: [hubId] });
    const answers = {
      page: await get(`/app/hubs/${hubId}/beds`, { cookie: `nwd_session=${cookie}` }),
      api: await get(`/api/hubs/${hubId}/bed-board`, { authorization: `Bearer ${token}` }),
      refused: await get(`/api/hubs/${hubId}/bed-board`),
      file: await get('/app-assets/app.js'),
    };
    expect(answers.page.status).toBe(200);
    expect(answers.api.status).toBe(200);
    expect(answers.refused.status).toBe(401);
    expect(answers.file.status).toBe(200);
    for (const [name, res] of Object.entries(answers)) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect([name, csp]).toEqual([name, expect.stringContaining("default-src 'self'")]);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self' 'sha256-[^']+'(;|$)/);
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-powered-by')).toBeNull();
      // PUBLIC_URL is plain http on this machine: no HSTS (it is sent when PUBLIC_URL is https).
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    for (const name of ['page', 'api', 'refused'] as const) {
      expect([name, answers[name].headers.get('cache-control')]).toEqual([name, 'no-store']);
    }
    expect(answers.file.headers.get('cache-control')).not.toBe('no-store');
  });

  it('the pages carry no inline script but the GOV.UK template line the CSP hashes', async () => {
    const html = await (
      await get(`/app/hubs/${hubId}/beds`, { cookie: `nwd_session=${cookie}` })
    ).text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
      (m) => m[1],
    );
    expect(inline).toEqual([expect.stringContaining("document.body.className += ' js-enabled'")]);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/\sstyle=/i);
  });
});
