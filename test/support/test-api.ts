import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApi } from '../../apps/api/api.js';
import { ALL_PROJECTIONS } from '../../apps/composition/composition.js';
import {
  loadConfig,
  openInfrastructure,
  type Infrastructure,
  type NwdConfig,
} from '../../libs/platform/src/index.js';
import { createTestDatabase } from '../../libs/testing/src/test-database.js';

export type Dialect = 'postgres' | 'pglite';

export interface TestApi {
  url: string;
  infra: Infrastructure;
  config: NwdConfig;
  app: INestApplication;
  /** fetch against the API, JSON in and out. */
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
): Promise<TestApi> {
  const database = dialect === 'postgres' ? await createTestDatabase() : null;
  const config: NwdConfig = {
    ...loadConfig({}),
    databaseUrl: database?.url ?? null,
    ...overrides,
  };
  const infra = await openInfrastructure(
    // PGlite in memory for tests: no folder, nothing of a developer's touched.
    config,
    ALL_PROJECTIONS,
    { memory: dialect === 'pglite' },
  );
  await infra.runner.prepare();
  if (config.projections === 'inline') infra.runner.start();
  const app = await createApi(infra, config, pino({ level: 'silent' }));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    infra,
    config,
    app,
    async call(method, path, body, headers = {}) {
      const res = await fetch(url + path, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body:
          body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, headers: res.headers, body: parsed };
    },
    async close() {
      await app.close();
      await infra.close();
      await database?.drop();
    },
  };
}
