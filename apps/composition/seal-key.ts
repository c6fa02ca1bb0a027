import { resolve } from 'node:path';
import { calculateJwkThumbprint, exportJWK } from 'jose';
import type { SealKey } from '#event-store';
import { loadAuthConfig, loadOrCreateLocalKeys } from '../../src/access/index.js';

/**
 * The key seals are signed with: NWD_SEAL_KEY_FILE, or the local signing key when the pages and
 * tokens use it too. Never in the database. With a council identity provider there is no local
 * key worth the name, so the seal key must be named.
 */
export async function loadSealKey(env: NodeJS.ProcessEnv = process.env): Promise<SealKey> {
  let file = env.NWD_SEAL_KEY_FILE;
  if (!file) {
    const auth = loadAuthConfig(env);
    if (auth.oidcIssuer) {
      throw new Error(
        'OIDC_ISSUER is set: name the key that signs the log’s seals with NWD_SEAL_KEY_FILE (a file outside the database; it is created on first use)',
      );
    }
    file = auth.keyFile;
  }
  const keys = await loadOrCreateLocalKeys(resolve(file));
  return {
    keyId: await calculateJwkThumbprint(await exportJWK(keys.publicKey)),
    privateKey: keys.privateKey,
    publicKey: keys.publicKey,
  };
}
