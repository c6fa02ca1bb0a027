import { randomBytes, randomUUID } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { EventStore } from '#event-store';
import type { AuthenticatedUser } from '../authenticated-user.js';
import type { LocalKeys } from '../tokens/local-signing-key.js';

export const SESSION_COOKIE = 'nwd_session';
const AUDIENCE = 'nwd-web-session';
const SEALED = 'nwd-web-sealed';

export interface WebSession {
  /** The session's own id (`jti`): what signing out ends. */
  id: string;
  user: AuthenticatedUser;
  /** The CSRF token every form carries (bound to this session). */
  csrf: string;
}

/** A sign-out, kept in the event log so every API process, and a restarted one, honours it. */
export type WebSessionEnded = {
  type: 'WebSessionEnded';
  data: { sessionId: string; userId: string; endedAt: string; expiresAt: string };
};

export const webSessionStreamId = (sessionId: string) => `web-session-${sessionId}`;

/**
 * Signed-in web sessions: a cookie holding a short JWT signed with the local Ed25519 key
 * (HttpOnly, SameSite=Lax, Secure when `PUBLIC_URL` is https), valid for `minutes`. Signing out
 * ends the session on the server: a `WebSessionEnded` event in the log, checked on every request,
 * so the old cookie is refused afterwards by any API process, across restarts.
 */
export class WebSessions {
  /** Sessions known to have ended (an ended session never comes back), until they expire. */
  private readonly ended = new Map<string, number>();

  constructor(
    private readonly keys: LocalKeys,
    readonly minutes: number,
    private readonly store: EventStore,
    /** Where people reach the pages; https makes cookies Secure. */
    readonly publicUrl: string,
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
      .setJti(randomUUID())
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

  /** The session a cookie holds: null when absent, tampered with, expired or signed out. */
  async read(cookie: string | undefined): Promise<WebSession | null> {
    const session = await this.verify(cookie);
    if (!session || (await this.hasEnded(session.id, session.expiresAt))) return null;
    return { id: session.id, user: session.user, csrf: session.csrf };
  }

  /** Ends the cookie's session on the server (signing out); nothing when it is no session. */
  async end(cookie: string | undefined, now: Date): Promise<void> {
    const session = await this.verify(cookie);
    if (!session) return;
    const event: WebSessionEnded = {
      type: 'WebSessionEnded',
      data: {
        sessionId: session.id,
        userId: session.user.id,
        endedAt: now.toISOString(),
        expiresAt: new Date(session.expiresAt).toISOString(),
      },
    };
    await this.store.append(
      webSessionStreamId(session.id),
      [
        {
          eventId: randomUUID(),
          ...event,
          metadata: {
            actor: { id: session.user.id, name: session.user.name, roles: session.user.roles },
            correlationId: randomUUID(),
            causationId: null,
            occurredAt: event.data.endedAt,
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'any' },
    );
    this.remember(session.id, session.expiresAt);
  }

  /** Cookie settings: Secure whenever the pages are served over https. */
  cookieOptions(maxAgeMinutes: number) {
    return {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.publicUrl.startsWith('https:'),
      path: '/',
      maxAge: maxAgeMinutes * 60_000,
    };
  }

  private async verify(cookie: string | undefined) {
    if (!cookie) return null;
    try {
      const { payload } = await jwtVerify(cookie, this.keys.publicKey, { audience: AUDIENCE });
      // A session without an id could not be ended: not a session.
      if (typeof payload.jti !== 'string' || typeof payload.exp !== 'number') return null;
      return {
        id: payload.jti,
        expiresAt: payload.exp * 1000,
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

  private async hasEnded(sessionId: string, expiresAt: number): Promise<boolean> {
    if (this.ended.has(sessionId)) return true;
    const [ended] = await this.store.readStream(webSessionStreamId(sessionId), { toRevision: 0 });
    if (ended) this.remember(sessionId, expiresAt);
    return ended !== undefined;
  }

  private remember(sessionId: string, expiresAt: number) {
    const now = Date.now();
    for (const [id, until] of this.ended) if (until < now) this.ended.delete(id);
    this.ended.set(sessionId, expiresAt);
  }
}
