import { randomUUID } from 'node:crypto';
import type { EventStore } from '#event-store';
import type { AuthenticatedUser } from '../access/index.js';

export const DEMO_USERS_STREAM = 'demo-users';

/** A demo user, and the group the sign-in page lists them in (their hub's name). */
export interface DemoUser extends AuthenticatedUser {
  group?: string;
}

/**
 * The local demo users (`nwd seed --demo`, `nwd seed --hubs`): who the embedded sign-in page
 * offers. Users already registered stay, unless registered again by id.
 */
export async function registerDemoUsers(
  store: EventStore,
  given: DemoUser[],
  /** A generator that must write the same log twice names the event and its moment itself. */
  as: { eventId?: string; correlationId?: string; at?: string } = {},
): Promise<void> {
  const ids = new Set(given.map((u) => u.id));
  const users = [...(await listDemoUsers(store)).filter((u) => !ids.has(u.id)), ...given];
  const now = as.at ?? new Date().toISOString();
  await store.append(
    DEMO_USERS_STREAM,
    [
      {
        eventId: as.eventId ?? randomUUID(),
        type: 'DemoUsersRegistered',
        data: { users: users.map((u) => ({ ...u })) },
        metadata: {
          actor: { id: 'nwd seed' },
          correlationId: as.correlationId ?? randomUUID(),
          causationId: null,
          occurredAt: now,
          schemaVersion: 1,
        },
      },
    ],
    { expectedRevision: 'any' },
  );
}

export async function listDemoUsers(store: EventStore): Promise<DemoUser[]> {
  const events = await store.readStream(DEMO_USERS_STREAM);
  const last = events[events.length - 1];
  return last ? ((last.data as { users: DemoUser[] }).users ?? []) : [];
}
