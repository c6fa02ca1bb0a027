import { randomUUID } from 'node:crypto';
import type { EventStore } from '#event-store';
import { accessLogStreamId, type CaseRecordsViewed } from './access-log.events.js';

/**
 * Writes one look (or disclosure) at young people's records to the user's access log stream, and
 * resolves once it is committed: whoever shows or hands over the records waits for it first.
 */
export async function recordAccess(
  store: Pick<EventStore, 'append'>,
  look: Omit<CaseRecordsViewed['data'], 'entryId' | 'viewedAt'>,
): Promise<CaseRecordsViewed['data']> {
  const now = new Date().toISOString();
  const data: CaseRecordsViewed['data'] = { entryId: randomUUID(), ...look, viewedAt: now };
  await store.append(
    accessLogStreamId(look.userId),
    [
      {
        eventId: data.entryId,
        type: 'CaseRecordsViewed',
        data,
        metadata: {
          actor: { id: look.userId, name: look.userName, roles: look.roles },
          correlationId: randomUUID(),
          causationId: null,
          occurredAt: now,
          schemaVersion: 1,
        },
      },
    ],
    { expectedRevision: 'any' },
  );
  return data;
}
