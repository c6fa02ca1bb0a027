import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { AuthenticatedUser } from '../authenticated-user.js';

export const LOCAL_ISSUER = 'nwd-hub-local';
export const LOCAL_AUDIENCE = 'nwd-hub';
const ALG = 'EdDSA';

export interface LocalKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/**
 * The embedded default's signing key: an Ed25519 key pair in one JSON file, created on first
 * use with mode 0600 (its folder is in .gitignore). Only used when no OIDC issuer is configured.
 */
export async function loadOrCreateLocalKeys(file: string): Promise<LocalKeys> {
  if (!existsSync(file)) {
    const { privateKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
    const jwk = await exportJWK(privateKey);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify({ ...jwk, alg: ALG }), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  const { d: _private, ...publicJwk } = jwk;
  return {
    privateKey: (await importJWK(jwk, ALG)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, ALG)) as CryptoKey,
  };
}

/** A lifetime such as `30m`, `1h`, `90s` or a number of seconds, in seconds (null: unreadable). */
export function lifetimeSeconds(expiresIn: string | number): number | null {
  if (typeof expiresIn === 'number') return expiresIn;
  const m = /^(\d+)\s*(s|m|h|d)$/.exec(expiresIn.trim());
  if (!m) return null;
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86_400 }[m[2] as 's' | 'm' | 'h' | 'd'];
}

export async function signLocalToken(
  keys: LocalKeys,
  user: AuthenticatedUser,
  expiresIn: string | number = '60m',
): Promise<string> {
  // Issued and expiring from one reading of the clock, so the lifetime is exactly what was asked
  // (two readings can straddle a second and make a 60-minute token 3,601 seconds long).
  const issuedAt = Math.floor(Date.now() / 1000);
  const lifetime = typeof expiresIn === 'string' ? lifetimeSeconds(expiresIn) : null;
  return new SignJWT({ name: user.name, roles: user.roles, hubs: user.hubs })
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(lifetime === null ? expiresIn : issuedAt + lifetime)
    .sign(keys.privateKey);
}
