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
    'NWD_KEY_FILE',
    'the local signing key when no OIDC_ISSUER (default ./.nwd-keys/local-signing-key.json)',
  ],
];

export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  return {
    oidcIssuer: env.OIDC_ISSUER || null,
    oidcAudience: env.OIDC_AUDIENCE || null,
    claims: {
      userId: env.OIDC_CLAIM_USER_ID || DEFAULT_CLAIMS.userId,
      name: env.OIDC_CLAIM_NAME || DEFAULT_CLAIMS.name,
      roles: env.OIDC_CLAIM_ROLES || DEFAULT_CLAIMS.roles,
      hubs: env.OIDC_CLAIM_HUBS || DEFAULT_CLAIMS.hubs,
    },
    keyFile: resolve(env.NWD_KEY_FILE || './.nwd-keys/local-signing-key.json'),
  };
}
