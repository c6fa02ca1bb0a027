import { resolve } from 'node:path';
import { DEFAULT_CLAIMS } from './tokens/claims.js';
import type { AuthConfig } from './tokens/token-verifier.js';

export const AUTH_CONFIG_HELP: [string, string][] = [
  [
    'OIDC_ISSUER',
    'the council identity provider (OIDC issuer URL); set: tokens are verified against its JWKS',
  ],
  ['OIDC_AUDIENCE', 'the audience tokens must carry (the client id registered for nwd-hub)'],
  ['OIDC_CLAIM_USER_ID', 'claim holding the user id (default sub; dotted paths allowed)'],
  ['OIDC_CLAIM_NAME', 'claim holding the display name (default name)'],
  ['OIDC_CLAIM_ROLES', 'claim holding the roles, array or space/comma separated (default roles)'],
  ['OIDC_CLAIM_HUBS', 'claim holding the hub ids (default hubs)'],
  ['OIDC_CLIENT_ID', 'the pages’ client at the provider (default OIDC_AUDIENCE)'],
  ['OIDC_CLIENT_SECRET', 'its secret, for a confidential client (unset: public client, PKCE)'],
  ['OIDC_REDIRECT_URI', 'the registered redirect URI (default <request host>/app/auth/callback)'],
  ['WEB_SESSION_MINUTES', 'how long a web sign-in lasts (default 480)'],
  [
    'TOKEN_MAX_MINUTES',
    'the longest lifetime a bearer token may have (exp - iat); longer ones are refused (default 60)',
  ],
  [
    'NWD_KEY_FILE',
    'the local signing key when no OIDC_ISSUER (default ./.nwd-keys/local-signing-key.json)',
  ],
];

/** Refuses a set-up that would accept tokens meant for other applications. */
export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  if (env.OIDC_ISSUER && !env.OIDC_AUDIENCE) {
    throw new Error(
      'OIDC_ISSUER is set without OIDC_AUDIENCE: set OIDC_AUDIENCE to the client id registered for nwd-hub, or tokens issued for any of the council’s applications would be accepted',
    );
  }
  const maxMinutes = Number(env.TOKEN_MAX_MINUTES || 60);
  if (!Number.isInteger(maxMinutes) || maxMinutes < 1) {
    throw new Error(
      `TOKEN_MAX_MINUTES must be a whole number of minutes, not ${env.TOKEN_MAX_MINUTES}`,
    );
  }
  return {
    oidcIssuer: env.OIDC_ISSUER || null,
    oidcAudience: env.OIDC_AUDIENCE || null,
    tokenMaxMinutes: maxMinutes,
    claims: {
      userId: env.OIDC_CLAIM_USER_ID || DEFAULT_CLAIMS.userId,
      name: env.OIDC_CLAIM_NAME || DEFAULT_CLAIMS.name,
      roles: env.OIDC_CLAIM_ROLES || DEFAULT_CLAIMS.roles,
      hubs: env.OIDC_CLAIM_HUBS || DEFAULT_CLAIMS.hubs,
    },
    keyFile: resolve(env.NWD_KEY_FILE || './.nwd-keys/local-signing-key.json'),
  };
}
