import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WebSessions } from '../src/access/index.js';
import { startTestApi, type TestApi } from './support/test-api.js';

/** Signing out ends the session on the server: the old cookie is refused, by any process. */
describe('web sessions end on the server (PostgreSQL)', () => {
  let api: TestApi;
  let hubId: string;

  beforeAll(async () => {
    api = await startTestApi('postgres');
    hubId = await api.openHub('Session Hub');
  });
  afterAll(() => api.close());

  const page = (cookie: string) =>
    fetch(`${api.url}/app/caseload`, {
      headers: { cookie: `nwd_session=${cookie}`, accept: 'application/json' },
      redirect: 'manual',
    });
  const signOut = (cookie: string, csrf?: string) =>
    fetch(`${api.url}/app/sign-out`, {
      method: 'POST',
      headers: {
        cookie: `nwd_session=${cookie}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(csrf ? { _csrf: csrf } : {}).toString(),
      redirect: 'manual',
    });

  it('refuses the old cookie after sign-out, also in a process that starts afterwards', async () => {
    const user = { id: 'kw-s', name: 'Kai Session', roles: ['key_worker' as const], hubs: [hubId] };
    const cookie = await api.sessions.issue(user);
    const session = await api.sessions.read(cookie);
    expect((await page(cookie)).status).toBe(200);

    // Sign-out is a form: without the session's CSRF token it is refused and ends nothing.
    expect((await signOut(cookie)).status).toBe(403);
    expect((await page(cookie)).status).toBe(200);

    const out = await signOut(cookie, session!.csrf);
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/app/sign-in');
    const refused = await page(cookie);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe('AUTH.SESSION_MISSING');

    // Another API process (or this one restarted) reads the same log and refuses it too.
    const another = new WebSessions(api.keys, 60, api.infra.store, api.config.publicUrl);
    expect(await another.read(cookie)).toBeNull();
    // The sign-out is in the log, with who and when.
    const [ended] = await api.infra.store.readStream(`web-session-${session!.id}`);
    expect(ended).toMatchObject({ type: 'WebSessionEnded', data: { userId: 'kw-s' } });

    // A new sign-in is a new session.
    expect((await page(await api.sessions.issue(user))).status).toBe(200);
  });

  it('makes cookies Secure from PUBLIC_URL, not from the request', () => {
    const https = new WebSessions(api.keys, 60, api.infra.store, 'https://nwd.example.gov.uk');
    expect(https.cookieOptions(5)).toMatchObject({ secure: true, httpOnly: true, sameSite: 'lax' });
    expect(api.sessions.cookieOptions(5).secure).toBe(false);
  });
});
