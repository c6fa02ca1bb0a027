import { loadConfig, openInfrastructure } from '#platform';
import type { AuthenticatedUser } from '../../src/access/index.js';
import { listDemoUsers, registerDemoUsers } from '../../src/web/index.js';
import { inProcessApi } from './in-process-api.js';
import { NWD_MODEL } from '../composition/composition.js';

/** Generated, obviously fictional names: no real person's data. */
const GIVEN = ['Alex', 'Bo', 'Cam', 'Dee', 'Eli', 'Fran'];
const FAMILY = ['Example', 'Sample', 'Testwell', 'Demoson', 'Placeholder', 'Fictional'];

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

/**
 * `nwd seed --demo`: a demo hub with generated young people, made through the real HTTP API and
 * command handlers (in this process, on the configured storage), and the demo users the embedded
 * sign-in page offers. Running it again changes nothing.
 */
export async function seedDemo(out: (line: string) => void): Promise<void> {
  const config = loadConfig();
  const infra = await openInfrastructure(config, NWD_MODEL);
  try {
    const existing = await listDemoUsers(infra.store);
    if (existing.length > 0) {
      out(`Demo users exist already: ${existing.map((u) => u.name).join(', ')}. Nothing added.`);
      return;
    }
    const { url, app, sign } = await inProcessApi(infra, config);
    const call = async (user: AuthenticatedUser, method: string, path: string, body?: unknown) => {
      const res = await fetch(url + path, {
        method,
        headers: {
          authorization: `Bearer ${await sign(user, '10m')}`,
          'content-type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    try {
      const admin: AuthenticatedUser = {
        id: 'demo-admin',
        name: 'Demo Admin',
        roles: ['admin'],
        hubs: [],
      };
      const hub = await call(admin, 'POST', '/api/hubs', {
        name: 'Demo Hub (generated)',
        council: 'Demo Council',
        plannedBeds: 4,
        emergencyBeds: 2,
      });
      const hubId = String(hub.hubId);
      const users: AuthenticatedUser[] = [
        {
          id: 'demo-manager',
          name: 'Morgan Manager (demo)',
          roles: ['hub_manager'],
          hubs: [hubId],
        },
        {
          id: 'demo-keyworker',
          name: 'Kit Keyworker (demo)',
          roles: ['key_worker'],
          hubs: [hubId],
        },
        {
          id: 'demo-outreach',
          name: 'Olu Outreach (demo)',
          roles: ['outreach_worker'],
          hubs: [hubId],
        },
        { id: 'demo-auditor', name: 'Ada Auditor (demo)', roles: ['auditor'], hubs: [] },
      ];
      const [manager, keyWorker, outreach] = users;
      const staffRoles = ['hub_manager', 'key_worker', 'outreach_worker'];
      for (const [i, person] of [manager, keyWorker, outreach].entries()) {
        await call(admin, 'POST', `/api/hubs/${hubId}/staff`, {
          name: person.name,
          role: staffRoles[i],
          signIn: person.id,
          from: daysAgo(365).toISOString().slice(0, 10),
        });
      }
      for (const [i, given] of GIVEN.entries()) {
        const born = new Date(Date.UTC(2026 - 13 - i * 2, i, 10 + i)).toISOString().slice(0, 10);
        const r = await call(manager, 'POST', '/api/referrals', {
          hubId,
          category: i % 3 === 0 ? 'care_leaver' : 'edge_of_care',
          youngPerson: { givenName: given, familyName: FAMILY[i], dateOfBirth: born },
          socialWorker: { name: 'Sam Social (demo)', team: 'Demo Team' },
          reason: 'Generated demo referral',
        });
        const id = String(r.youngPersonId);
        if (i >= 4) continue; // two stay in the referral queue
        await call(manager, 'POST', `/api/young-people/${id}/accept`);
        const worker = i % 2 === 0 ? keyWorker : outreach;
        await call(manager, 'POST', `/api/young-people/${id}/key-worker`, {
          workerId: worker.id,
          workerName: worker.name,
        });
        await call(worker, 'POST', `/api/young-people/${id}/contacts`, {
          occurredAt: daysAgo(i + 1).toISOString(),
          kind: 'face_to_face',
          location: 'Town centre',
          notes: 'Generated demo contact: talked about the week ahead',
        });
      }
      await registerDemoUsers(infra.store, users);
      out(`Seeded ${hubId} (Demo Hub) with ${GIVEN.length} generated young people.`);
      out(`Demo users: ${users.map((u) => u.name).join(', ')}. Sign in at /app after npm start.`);
    } finally {
      await app.close();
    }
  } finally {
    await infra.close();
  }
}
