import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Provider from 'oidc-provider';
import { chromium, type Browser } from 'playwright-core';
import { DEFAULT_CLAIMS } from '../src/access/index.js';
import { WebOidc } from '../src/web/index.js';
import { startTestApi, type TestApi } from './support/test-api.js';

const CHROMIUM = '/usr/bin/chromium';
const maybe = existsSync(CHROMIUM) ? describe : describe.skip;

/**
 * A real OpenID provider (`oidc-provider`) on loopback: the pages sign in with the authorisation
 * code flow and PKCE, and the ID token's claims become the session's user.
 */
maybe('signing the pages in through the council’s OpenID provider', () => {
  let api: TestApi;
  let server: Server;
  let browser: Browser;
  let hubId: string;

  beforeAll(async () => {
    let handler: (req: IncomingMessage, res: ServerResponse) => void = (_q, r) => r.end();
    server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const oidc = new WebOidc({
      issuer,
      clientId: 'nwd-hub',
      clientSecret: 'test-secret',
      claims: DEFAULT_CLAIMS,
    });
    api = await startTestApi('pglite', {}, { oidc });
    // As OIDC_REDIRECT_URI would: the address registered with the provider.
    oidc.settings.redirectUri = `${api.url}/app/auth/callback`;
    hubId = (
      await api.as({ id: 'admin', roles: ['admin'] }).call('POST', '/api/hubs', {
        name: 'OIDC Hub',
        council: 'C',
        plannedBeds: 1,
        emergencyBeds: 1,
      })
    ).body.hubId;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'nwd-hub',
          client_secret: 'test-secret',
          redirect_uris: [`${api.url}/app/auth/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      claims: { openid: ['sub'], profile: ['name', 'roles', 'hubs'] },
      conformIdTokenClaims: false,
      findAccount: (_ctx: unknown, sub: string) => ({
        accountId: sub,
        claims: () => ({ sub, name: 'Casey Council', roles: ['hub_manager'], hubs: [hubId] }),
      }),
      pkce: { required: () => true },
      features: { devInteractions: { enabled: true } },
    });
    const callback = provider.callback();
    handler = (req, res) => void callback(req, res);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('turns off the demo sign-in and signs in with the code flow and PKCE', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const authorisations: URL[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (
        url.port === String((server.address() as AddressInfo).port) &&
        url.searchParams.has('response_type')
      )
        authorisations.push(url);
    });
    await page.goto(`${api.url}/app`);
    expect(await page.getByLabel('Demo users (generated, not real people)').count()).toBe(0);
    await page.getByRole('button', { name: 'Sign in with your council account' }).click();
    await page.waitForURL(
      new RegExp(`^http://127.0.0.1:${(server.address() as AddressInfo).port}/`),
    );
    await page.locator('input[name="login"]').fill('casey');
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click(); // consent
    await page.waitForURL(new RegExp(`/app/hubs/${hubId}/referrals$`));
    expect(await page.locator('.app-header__user').textContent()).toContain('Casey Council');
    // The authorisation request was the code flow with a PKCE challenge (S256), state and nonce.
    expect(authorisations).toHaveLength(1);
    const q = authorisations[0].searchParams;
    expect([q.get('response_type'), q.get('code_challenge_method'), q.get('client_id')]).toEqual([
      'code',
      'S256',
      'nwd-hub',
    ]);
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')).toBeTruthy();
    expect(q.get('nonce')).toBeTruthy();
    const demo = await page.request.post(`${api.url}/app/sign-in`, {
      form: { userId: 'x', _csrf: 'x' },
    });
    expect(demo.status()).toBe(403);
    await context.close();
  }, 60_000);

  it('takes the redirect address and the cookies’ Secure flag from configuration, never the Host header', async () => {
    const { port } = new URL(api.url);
    const answer = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/app/auth/oidc', headers: { host: 'evil.example' } },
        resolve,
      );
      req.on('error', reject);
      req.end();
    });
    answer.resume();
    expect(answer.statusCode).toBe(303);
    const to = new URL(String(answer.headers.location));
    expect(to.searchParams.get('redirect_uri')).toBe(`${api.url}/app/auth/callback`);
    // PUBLIC_URL is plain http here (a test on one machine): no Secure, whatever Host says.
    expect(String(answer.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
  });
});
