import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../../apps/api/api.js';
import {
  createTokenVerifier,
  loadAuthConfig,
  loadOrCreateLocalKeys,
  signLocalToken,
  type AuthenticatedUser,
} from '../../src/access/index.js';
import type { LocalKeys } from '../../src/access/index.js';
import { NWD_MODEL } from '../../apps/composition/composition.js';
import { loadConfig, openInfrastructure, type Infrastructure, type NwdConfig } from '#platform';
import { createTestDatabase } from '#testing/test-database';
import { WebSessions } from '../../src/access/index.js';
import type { WebOidc } from '../../src/web/index.js';

export type Dialect = 'postgres' | 'pglite';

export type TestUser = Pick<AuthenticatedUser, 'id' | 'roles'> & Partial<AuthenticatedUser>;

export interface Caller {
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
    // Responses are read field by field in assertions; a JSON value typed loosely on purpose.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ): Promise<{ status: number; headers: Headers; body: any }>;
}

export interface TestApi extends Caller {
  url: string;
  infra: Infrastructure;
  config: NwdConfig;
  app: INestApplication;
  sessions: WebSessions;
  /** The local signing key (for a second WebSessions, as another process would have). */
  keys: LocalKeys;
  /** A token signed with this API's local key. */
  token(user: TestUser, expiresIn?: string | number): Promise<string>;
  /** Calls made as this user (a fresh token each call). */
  as(user: TestUser): Caller;
  /** Opens a hub (as an admin) and returns its id. */
  openHub(name: string, beds?: { planned: number; emergency: number }): Promise<string>;
  /** fetch against the API with no token, JSON in and out. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
    // Responses are read field by field in assertions; a JSON value typed loosely on purpose.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

/**
 * The real API on a real database (its own PostgreSQL database, or an in-memory PGlite), over
 * real HTTP on a loopback port.
 */
export async function startTestApi(
  dialect: Dialect,
  overrides: Partial<NwdConfig> = {},
  options: {
    oidc?: WebOidc;
    logger?: Logger;
    /** History written at simulated times (`infra.clock.simulate`), as a generator writes it. */
    appendAsOwner?: boolean;
  } = {},
): Promise<TestApi> {
  const database = dialect === 'postgres' ? await createTestDatabase() : null;
  // As a council runs it: the owner migrates, the application runs as a role that may only read
  // the log and append through its functions.
  const config: NwdConfig = {
    ...loadConfig({}),
    databaseUrl: database ? (database.runtimeUrl ?? database.url) : null,
    databaseOwnerUrl: database?.url ?? null,
    ...overrides,
  };
  const infra = await openInfrastructure(
    // PGlite in memory for tests: no folder, nothing of a developer's touched.
    config,
    NWD_MODEL,
    { memory: dialect === 'pglite', appendAsOwner: options.appendAsOwner },
  );
  await infra.runner.prepare();
  if (config.projections === 'inline') infra.runner.start();
  const keyDir = mkdtempSync(join(tmpdir(), 'nwd-keys-'));
  const keyFile = join(keyDir, 'key.json');
  const authConfig = { ...loadAuthConfig({}), keyFile };
  const verifier = await createTokenVerifier(authConfig);
  const keys = await loadOrCreateLocalKeys(keyFile);
  const sessions = new WebSessions(keys, 60, infra.store, config.publicUrl);
  const app = await createApi(
    infra,
    config,
    verifier,
    options.logger ?? pino({ level: 'silent' }),
    sessions,
    options.oidc ?? null,
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const token = (user: TestUser, expiresIn?: string | number) =>
    signLocalToken(keys, { name: user.id, hubs: [], ...user }, expiresIn);
  const call: Caller['call'] = async (method, path, body, headers = {}) => {
    const res = await fetch(url + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };
  return {
    url,
    infra,
    config,
    app,
    sessions,
    keys,
    token,
    call,
    as: (user) => ({
      call: async (method, path, body, headers = {}) =>
        call(method, path, body, { authorization: `Bearer ${await token(user)}`, ...headers }),
    }),
    openHub: async (name, beds = { planned: 1, emergency: 1 }) => {
      const r = await call(
        'POST',
        '/api/hubs',
        { name, council: 'C', plannedBeds: beds.planned, emergencyBeds: beds.emergency },
        { authorization: `Bearer ${await token({ id: 'admin', roles: ['admin'] })}` },
      );
      if (r.status !== 201) throw new Error(`could not open hub ${name}: ${r.status}`);
      return r.body.hubId as string;
    },
    async close() {
      await app.close();
      await infra.close();
      await database?.drop();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}

/**
 * Every read model compared with a rebuild from the log into a scratch schema, once the live ones
 * have read the whole log: the tables that differ (none when projections are deterministic and
 * idempotent at whatever batch sizes the live run used).
 */
export async function differencesFromRebuild(api: TestApi): Promise<string[]> {
  const { runner, store } = api.infra;
  const names = runner.projections.map((p) => p.name);
  const head = (await store.head()).position;
  if (head > 0 && (await runner.waitFor(names, head, 10_000)) !== 'caught-up')
    return ['not caught up'];
  const differing: string[] = [];
  for (const name of names) {
    for (const t of await runner.compareWithRebuild(name)) {
      if (t.differingRows !== 0) differing.push(`${name}.${t.table}: ${t.differingRows}`);
    }
  }
  return differing;
}
