import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createLogger, type Infrastructure, type NwdConfig } from '#platform';
import {
  createTokenVerifier,
  loadAuthConfig,
  loadOrCreateLocalKeys,
  signLocalToken,
  type AuthenticatedUser,
} from '../../src/access/index.js';
import { createApi } from '../api/api.js';

/**
 * The API on a loopback port in this process, with the projections running inline, for the
 * generators (`nwd seed`): every request they make passes validation, access control and the
 * handlers exactly as a user's would. Tokens are signed with the local key.
 */
export async function inProcessApi(
  infra: Infrastructure,
  config: NwdConfig,
): Promise<{
  url: string;
  app: INestApplication;
  sign: (user: AuthenticatedUser, expires: string) => Promise<string>;
}> {
  const auth = loadAuthConfig();
  if (auth.oidcIssuer) throw new Error('nwd seed signs its own tokens: unset OIDC_ISSUER');
  const keys = await loadOrCreateLocalKeys(auth.keyFile);
  await infra.runner.prepare();
  infra.runner.start();
  const app = await createApi(
    infra,
    config,
    await createTokenVerifier(auth),
    createLogger('warn', 'seed'),
  );
  await app.listen(0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`,
    app,
    sign: (user, expires) => signLocalToken(keys, user, expires),
  };
}
