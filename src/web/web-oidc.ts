import * as client from 'openid-client';
import type { ClaimMapping } from '../access/index.js';

export const WEB_OIDC = Symbol('WEB_OIDC');

/** How the pages sign in through the council's OpenID provider, when one is configured. */
export interface WebOidcSettings {
  issuer: string;
  clientId: string;
  /** Unset: a public client (PKCE alone). */
  clientSecret: string | null;
  /** The registered redirect address (`OIDC_REDIRECT_URI`); unset: `PUBLIC_URL`/app/auth/callback. */
  redirectUri?: string | null;
  claims: ClaimMapping;
}

export function webOidcFromEnv(
  env: NodeJS.ProcessEnv,
  claims: ClaimMapping,
): WebOidcSettings | null {
  const issuer = env.OIDC_ISSUER;
  const clientId = env.OIDC_CLIENT_ID || env.OIDC_AUDIENCE;
  if (!issuer || !clientId) return null;
  return {
    issuer,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || null,
    redirectUri: env.OIDC_REDIRECT_URI || null,
    claims,
  };
}

/** The provider's configuration, discovered once (plain http is allowed for loopback issuers only). */
export class WebOidc {
  private discovered: Promise<client.Configuration> | null = null;
  constructor(readonly settings: WebOidcSettings) {}

  config(): Promise<client.Configuration> {
    this.discovered ??= (async () => {
      const url = new URL(this.settings.issuer);
      const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      return client.discovery(
        url,
        this.settings.clientId,
        this.settings.clientSecret ? { client_secret: this.settings.clientSecret } : undefined,
        this.settings.clientSecret
          ? client.ClientSecretPost(this.settings.clientSecret)
          : client.None(),
        loopback && url.protocol === 'http:'
          ? { execute: [client.allowInsecureRequests] }
          : undefined,
      );
    })();
    this.discovered.catch(() => (this.discovered = null));
    return this.discovered;
  }

  /** Where to send the browser, and what the callback must check (kept in a signed cookie). */
  async start(redirectUri: string) {
    const config = await this.config();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile',
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, check: { verifier, state, nonce } };
  }

  /** Exchanges the code (PKCE, state, nonce checked) for the ID token's claims. */
  async finish(currentUrl: URL, check: { verifier: string; state: string; nonce: string }) {
    const config = await this.config();
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: check.verifier,
      expectedState: check.state,
      expectedNonce: check.nonce,
      idTokenExpected: true,
    });
    return (tokens.claims() ?? {}) as Record<string, unknown>;
  }
}
