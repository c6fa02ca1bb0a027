import { createRemoteJWKSet, errors, jwtVerify, type CryptoKey, type JWTVerifyGetKey } from 'jose';
import type { AuthenticatedUser } from '../authenticated-user.js';
import { userFromClaims, type ClaimMapping } from './claims.js';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, loadOrCreateLocalKeys } from './local-signing-key.js';

export interface AuthConfig {
  /** Set: tokens come from this OIDC issuer (its JWKS); local tokens are refused. */
  oidcIssuer: string | null;
  oidcAudience: string | null;
  /** The longest lifetime (`exp` - `iat`, or `exp` - now without `iat`) a token may have. */
  tokenMaxMinutes: number;
  claims: ClaimMapping;
  /** The embedded default's signing key file. */
  keyFile: string;
}

export class TokenRejected extends Error {
  constructor(
    readonly code: 'AUTH.TOKEN_INVALID' | 'AUTH.TOKEN_EXPIRED',
    message: string,
  ) {
    super(message);
  }
}

export interface TokenVerifier {
  verify(token: string): Promise<AuthenticatedUser>;
}

/** How many verified tokens are remembered (oldest forgotten first). */
const VERIFIED_TOKENS_KEPT = 10_000;

/** Verifies bearer tokens: against the OIDC issuer's JWKS, or the local key (embedded). */
export async function createTokenVerifier(config: AuthConfig): Promise<TokenVerifier> {
  let key: JWTVerifyGetKey | CryptoKey;
  let issuer: string;
  let audience: string | undefined;
  if (config.oidcIssuer) {
    const discovery = `${config.oidcIssuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const res = await fetch(discovery);
    if (!res.ok) throw new Error(`OIDC discovery failed: ${discovery} answered ${res.status}`);
    const meta = (await res.json()) as { issuer?: string; jwks_uri?: string };
    if (!meta.jwks_uri) throw new Error(`OIDC discovery at ${discovery} names no jwks_uri`);
    key = createRemoteJWKSet(new URL(meta.jwks_uri));
    issuer = meta.issuer ?? config.oidcIssuer;
    audience = config.oidcAudience ?? undefined;
  } else {
    key = (await loadOrCreateLocalKeys(config.keyFile)).publicKey;
    issuer = LOCAL_ISSUER;
    audience = LOCAL_AUDIENCE;
  }
  // A token is sent again and again until it expires: its signature is checked once (an EdDSA
  // verify was 6% of the API's CPU under load) and its times on every use.
  const verified = new Map<string, { user: AuthenticatedUser; exp: number; nbf: number }>();
  return {
    async verify(token: string) {
      const known = verified.get(token);
      const now = Date.now();
      if (known && now < known.exp && now >= known.nbf) return structuredClone(known.user);
      try {
        const { payload } = await jwtVerify(token, key as JWTVerifyGetKey, {
          issuer,
          audience,
          // A token without an expiry would be good for ever once leaked.
          requiredClaims: ['exp'],
        });
        // A second's grace: an issuer that reads its clock twice can straddle a second.
        const lifetime = payload.exp! - (payload.iat ?? Math.floor(now / 1000));
        if (lifetime > config.tokenMaxMinutes * 60 + 1) {
          throw new TokenRejected(
            'AUTH.TOKEN_INVALID',
            `the token lives longer than ${config.tokenMaxMinutes} minutes (TOKEN_MAX_MINUTES); ask for a shorter one`,
          );
        }
        const user = userFromClaims(payload, config.claims);
        if (!user) throw new TokenRejected('AUTH.TOKEN_INVALID', 'the token names no user');
        if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!);
        verified.set(token, { user, exp: payload.exp! * 1000, nbf: (payload.nbf ?? 0) * 1000 });
        return structuredClone(user);
      } catch (error) {
        if (error instanceof TokenRejected) throw error;
        if (error instanceof errors.JWTExpired) {
          throw new TokenRejected('AUTH.TOKEN_EXPIRED', 'the token has expired; sign in again');
        }
        throw new TokenRejected(
          'AUTH.TOKEN_INVALID',
          `the token was not accepted (${error instanceof Error ? error.message : 'invalid'})`,
        );
      }
    },
  };
}
