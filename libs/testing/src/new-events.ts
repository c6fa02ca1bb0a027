import { randomUUID } from 'node:crypto';
import type { JsonObject, NewEvent } from '#event-store';

/**
 * A domain event as a read model's test appends it straight to the store: a fresh event id and
 * plain metadata (a test actor, `occurredAt` as given).
 */
export function newEvent(
  event: { type: string; data: object },
  occurredAt = '2026-01-01T00:00:00.000Z',
): NewEvent {
  return {
    eventId: randomUUID(),
    type: event.type,
    data: event.data as JsonObject,
    metadata: {
      actor: { id: 't' },
      correlationId: 'c',
      causationId: null,
      occurredAt,
      schemaVersion: 1,
    },
  };
}
