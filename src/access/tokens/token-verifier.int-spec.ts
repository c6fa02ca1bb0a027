import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { DEFAULT_CLAIMS } from './claims.js';
import {
  LOCAL_AUDIENCE,
  LOCAL_ISSUER,
  loadOrCreateLocalKeys,
  signLocalToken,
} from './local-signing-key.js';
import { loadAuthConfig } from '../auth-config.js';
import { createTokenVerifier, TokenRejected } from './token-verifier.js';

const keyDirs: string[] = [];
const keyFile = () => {
  keyDirs.push(mkdtempSync(join(tmpdir(), 'nwd-key-')));
  return join(keyDirs.at(-1)!, 'key.json');
};
afterAll(() => keyDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const user = { id: 'kw-1', name: 'Kim Worker', roles: ['key_worker' as const], hubs: ['h1'] };

async function localVerifier() {
  const file = keyFile();
  const verifier = await createTokenVerifier({
    oidcIssuer: null,
    oidcAudience: null,
    tokenMaxMinutes: 60,
    claims: DEFAULT_CLAIMS,
    keyFile: file,
  });
  return { verifier, keys: await loadOrCreateLocalKeys(file) };
}

describe('local tokens (the embedded default)', () => {
  it('accepts its own tokens and refuses expired, tampered and foreign ones', async () => {
    const { verifier, keys } = await localVerifier();
    expect(await verifier.verify(await signLocalToken(keys, user))).toEqual(user);

    const expired = await signLocalToken(keys, user, Math.floor(Date.now() / 1000) - 60);
    await expect(verifier.verify(expired)).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });

    const [h, p, s] = (await signLocalToken(keys, user)).split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, roles: ['auditor'] })).toString(
      'base64url',
    );
    await expect(verifier.verify(`${h}.${forged}.${s}`)).rejects.toBeInstanceOf(TokenRejected);

    const otherKeys = await loadOrCreateLocalKeys(keyFile());
    await expect(verifier.verify(await signLocalToken(otherKeys, user))).rejects.toMatchObject({
      code: 'AUTH.TOKEN_INVALID',
    });
  });

  it('refuses a token without an expiry, or living longer than TOKEN_MAX_MINUTES', async () => {
    const { verifier, keys } = await localVerifier();
    const unsigned = (lifetime: string | null) => {
      const jwt = new SignJWT({ name: user.name, roles: user.roles, hubs: user.hubs })
        .setProtectedHeader({ alg: 'EdDSA' })
        .setSubject(user.id)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt();
      return (lifetime ? jwt.setExpirationTime(lifetime) : jwt).sign(keys.privateKey);
    };
    await expect(verifier.verify(await unsigned(null))).rejects.toMatchObject({
      code: 'AUTH.TOKEN_INVALID',
    });
    await expect(verifier.verify(await unsigned('8h'))).rejects.toMatchObject({
      code: 'AUTH.TOKEN_INVALID',
      message: expect.stringContaining('TOKEN_MAX_MINUTES'),
    });
    expect(await verifier.verify(await unsigned('60m'))).toEqual(user);
  });

  it('refuses to start with OIDC_ISSUER but no OIDC_AUDIENCE, naming the setting', () => {
    expect(() => loadAuthConfig({ OIDC_ISSUER: 'https://id.example' })).toThrow(/OIDC_AUDIENCE/);
    expect(
      loadAuthConfig({ OIDC_ISSUER: 'https://id.example', OIDC_AUDIENCE: 'nwd' }),
    ).toMatchObject({ oidcAudience: 'nwd', tokenMaxMinutes: 60 });
    expect(loadAuthConfig({ TOKEN_MAX_MINUTES: '15' }).tokenMaxMinutes).toBe(15);
  });

  it('remembers a verified token only until it expires', async () => {
    const { verifier, keys } = await localVerifier();
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = await signLocalToken(keys, user, exp);
    expect(await verifier.verify(token)).toEqual(user);
    const again = await verifier.verify(token);
    expect(again).toEqual(user);
    again.roles.push('admin'); // a caller changing its copy changes nothing remembered
    expect(await verifier.verify(token)).toEqual(user);
    await new Promise((r) => setTimeout(r, exp * 1000 - Date.now() + 50));
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
  });
});

describe('OIDC tokens, verified against the issuer’s JWKS', () => {
  let server: Server;
  let issuer: string;
  let privateKey: CryptoKey;
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') {
        res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
      } else if (req.url === '/jwks') {
        res.end(JSON.stringify({ keys: [jwk] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const sign = (claims: Record<string, unknown>, audience = 'nwd-api', iss = issuer) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(iss)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

  it('maps claims through the configured mapping, and refuses the wrong audience, issuer or signer', async () => {
    const verifier = await createTokenVerifier({
      oidcIssuer: issuer,
      oidcAudience: 'nwd-api',
      tokenMaxMinutes: 60,
      claims: {
        userId: 'preferred_username',
        name: 'name',
        roles: 'realm_access.roles',
        hubs: 'nwd_hubs',
      },
      keyFile: keyFile(),
    });
    const token = await sign({
      sub: 'opaque-123',
      preferred_username: 'a.manager',
      name: 'Ash Manager',
      realm_access: { roles: ['hub_manager', 'offline_access'] },
      nwd_hubs: 'hub-1 hub-2',
    });
    expect(await verifier.verify(token)).toEqual({
      id: 'a.manager',
      name: 'Ash Manager',
      roles: ['hub_manager'],
      hubs: ['hub-1', 'hub-2'],
    });
    await expect(
      verifier.verify(await sign({ preferred_username: 'x' }, 'someone-else')),
    ).rejects.toBeInstanceOf(TokenRejected);
    await expect(
      verifier.verify(await sign({ preferred_username: 'x' }, 'nwd-api', 'https://evil.example')),
    ).rejects.toBeInstanceOf(TokenRejected);
    const local = await signLocalToken(await loadOrCreateLocalKeys(keyFile()), user);
    await expect(verifier.verify(local)).rejects.toBeInstanceOf(TokenRejected);
  });
});
