import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { AuthenticatedUser } from '../access/authenticated-user.js';
import type { LocalKeys } from '../access/tokens/local-signing-key.js';

export const SESSION_COOKIE = 'nwd_session';
const AUDIENCE = 'nwd-web-session';
const SEALED = 'nwd-web-sealed';

export interface WebSession {
  user: AuthenticatedUser;
  /** The CSRF token every form carries (bound to this session). */
  csrf: string;
}

/**
 * Signed-in web sessions: a cookie holding a short JWT signed with the local Ed25519 key
 * (HttpOnly, SameSite=Lax, Secure outside localhost). Nothing is stored on the server, so any
 * API process can read it. Expired or tampered cookies are simply not a session.
 */
export class WebSessions {
  constructor(
    private readonly keys: LocalKeys,
    readonly minutes: number,
  ) {}

  async issue(user: AuthenticatedUser): Promise<string> {
    return new SignJWT({
      name: user.name,
      roles: user.roles,
      hubs: user.hubs,
      csrf: randomBytes(18).toString('base64url'),
    })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject(user.id)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.minutes}m`)
      .sign(this.keys.privateKey);
  }

  /** A short signed value for the browser to carry (the sign-in's PKCE verifier, state, nonce). */
  async seal(payload: Record<string, string>, minutes: number): Promise<string> {
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'EdDSA' })
      .setAudience(SEALED)
      .setIssuedAt()
      .setExpirationTime(`${minutes}m`)
      .sign(this.keys.privateKey);
  }

  async unseal(token: string | undefined): Promise<Record<string, string> | null> {
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, this.keys.publicKey, { audience: SEALED });
      return payload as Record<string, string>;
    } catch {
      return null;
    }
  }

  async read(cookie: string | undefined): Promise<WebSession | null> {
    if (!cookie) return null;
    try {
      const { payload } = await jwtVerify(cookie, this.keys.publicKey, { audience: AUDIENCE });
      return {
        user: {
          id: String(payload.sub),
          name: String(payload.name ?? payload.sub),
          roles: (payload.roles as AuthenticatedUser['roles']) ?? [],
          hubs: (payload.hubs as string[]) ?? [],
        },
        csrf: String(payload.csrf),
      };
    } catch {
      return null;
    }
  }
}

export const cookieOptions = (host: string | undefined, maxAgeMinutes: number) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: !/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host ?? ''),
  path: '/',
  maxAge: maxAgeMinutes * 60_000,
});
