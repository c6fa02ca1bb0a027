import { randomUUID } from 'node:crypto';
import type { EventStore } from '#event-store';
import type { AuthenticatedUser } from '../access/index.js';

export const DEMO_USERS_STREAM = 'demo-users';

/** The local demo users (`nwd seed --demo`): who the embedded sign-in page offers. */
export async function registerDemoUsers(
  store: EventStore,
  users: AuthenticatedUser[],
): Promise<void> {
  const now = new Date().toISOString();
  await store.append(
    DEMO_USERS_STREAM,
    [
      {
        eventId: randomUUID(),
        type: 'DemoUsersRegistered',
        data: { users: users.map((u) => ({ ...u })) },
        metadata: {
          actor: { id: 'nwd seed' },
          correlationId: randomUUID(),
          causationId: null,
          occurredAt: now,
          schemaVersion: 1,
        },
      },
    ],
    { expectedRevision: 'any' },
  );
}

export async function listDemoUsers(store: EventStore): Promise<AuthenticatedUser[]> {
  const events = await store.readStream(DEMO_USERS_STREAM);
  const last = events[events.length - 1];
  return last ? ((last.data as { users: AuthenticatedUser[] }).users ?? []) : [];
}
