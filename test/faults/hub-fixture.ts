import type { AuthenticatedUser } from '../../src/access/index.js';
import { tokenSigner } from './processes.js';

export interface Call {
  status: number;
  body: Record<string, string>;
  contentType: string;
  ms: number;
}

/** A client of one API process: sign tokens with its key file, post and get with a timeout. */
export async function apiClient(base: string, keyFile: string) {
  const sign = await tokenSigner(keyFile);
  const request = async (
    u: AuthenticatedUser,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    key?: string,
  ): Promise<Call> => {
    const t0 = performance.now();
    const res = await fetch(base + path, {
      method,
      headers: {
        authorization: `Bearer ${await sign(u)}`,
        'content-type': 'application/json',
        ...(key ? { 'idempotency-key': key } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: (text ? JSON.parse(text) : {}) as Record<string, string>,
      contentType: res.headers.get('content-type') ?? '',
      ms: performance.now() - t0,
    };
  };
  return {
    post: (u: AuthenticatedUser, path: string, body: unknown, key?: string) =>
      request(u, 'POST', path, body, key),
    get: (u: AuthenticatedUser, path: string) => request(u, 'GET', path),
  };
}

/** A hub with a manager, one key worker and `n` accepted young people allocated to them. */
export async function hubWithPeople(
  client: Awaited<ReturnType<typeof apiClient>>,
  tag: string,
  n: number,
) {
  const admin = {
    id: `${tag}-admin`,
    name: 'Admin',
    roles: ['admin'],
    hubs: [],
  } as AuthenticatedUser;
  const hub = await client.post(admin, '/api/hubs', {
    name: `${tag} Hub`,
    council: 'Generated Council',
    plannedBeds: 2,
    emergencyBeds: 1,
  });
  const hubId = hub.body.hubId;
  const manager = {
    id: `${tag}-mgr`,
    name: 'Manager',
    roles: ['hub_manager'],
    hubs: [hubId],
  } as AuthenticatedUser;
  const worker = {
    id: `${tag}-kw`,
    name: 'Worker',
    roles: ['key_worker'],
    hubs: [hubId],
  } as AuthenticatedUser;
  const people: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await client.post(manager, '/api/referrals', {
      hubId,
      category: 'edge_of_care',
      youngPerson: { givenName: `${tag}${i}`, familyName: 'Generated', dateOfBirth: '2010-02-03' },
      socialWorker: { name: 'Generated Social Worker', team: 'Team A' },
      reason: 'generated',
    });
    const id = r.body.youngPersonId;
    people.push(id);
    await client.post(manager, `/api/young-people/${id}/accept`, {});
    await client.post(manager, `/api/young-people/${id}/key-worker`, {
      workerId: worker.id,
      workerName: worker.name,
    });
  }
  return { hubId, manager, worker, people };
}
