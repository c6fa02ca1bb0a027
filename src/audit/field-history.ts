import type { StoredEvent } from '#event-store';
import { currentKeyWorker } from '../young-people/index.js';
import { KnownCaseBuilder } from './known-case.js';

type Reader = (b: KnownCaseBuilder) => unknown;

const whenCase =
  (read: (c: Exclude<KnownCaseBuilder['caseState'], { status: 'none' }>) => unknown): Reader =>
  (b) =>
    b.caseState.status === 'none' ? null : read(b.caseState);

/** The fields of a case whose history can be asked for. */
export const CASE_FIELDS: Record<string, Reader> = {
  status: whenCase((c) => c.status),
  givenName: whenCase((c) => c.referral.youngPerson.givenName),
  familyName: whenCase((c) => c.referral.youngPerson.familyName),
  dateOfBirth: whenCase((c) => c.referral.youngPerson.dateOfBirth),
  socialWorker: whenCase((c) => `${c.referral.socialWorker.name}, ${c.referral.socialWorker.team}`),
  keyWorker: whenCase((c) => currentKeyWorker(c)?.workerName ?? null),
  team: whenCase(
    (c) =>
      c.team
        .filter((m) => m.to === null)
        .map((m) => `${m.name} (${m.role})`)
        .join('; ') || null,
  ),
  legalStatus: (b) => [...b.placements].reverse().find((p) => p.to === null)?.legalStatus ?? null,
  placement: (b) => {
    const open = [...b.placements].reverse().find((p) => p.to === null);
    return open
      ? open.bedId
        ? `hub bed ${open.bedId}`
        : `community family ${open.familyId}`
      : null;
  },
  accommodation: (b) => {
    const last = b.housing.accommodations[b.housing.accommodations.length - 1];
    return last ? `${last.accommodation}${last.description ? `: ${last.description}` : ''}` : null;
  },
};

const CONTACT_FIELD =
  /^contacts\.([0-9a-fA-F-]{36})\.(notes|occurredAt|kind|location|durationMinutes)$/;

export function isField(field: string): boolean {
  return field in CASE_FIELDS || CONTACT_FIELD.test(field);
}

function readerFor(field: string): Reader {
  if (Object.hasOwn(CASE_FIELDS, field)) return CASE_FIELDS[field];
  const m = CONTACT_FIELD.exec(field);
  if (!m) throw new Error(`unknown field ${field}`);
  return (b) => b.contacts.get(m[1].toLowerCase())?.[m[2] as 'notes'] ?? null;
}

export interface FieldChange {
  from: unknown;
  to: unknown;
  at: string;
  by: { id: string; name: string };
  eventType: string;
  eventId: string;
  position: number;
}

/** Who changed a field, when, from what to what: the field read after each event about the case. */
export function fieldHistory(
  youngPersonId: string,
  events: readonly StoredEvent[],
  field: string,
): FieldChange[] {
  const read = readerFor(field);
  const builder = new KnownCaseBuilder(youngPersonId);
  const changes: FieldChange[] = [];
  let current: unknown = null;
  for (const e of events) {
    builder.apply(e);
    const next = read(builder);
    if (JSON.stringify(next) === JSON.stringify(current)) continue;
    const actor = e.metadata.actor as { id: string; name?: string };
    changes.push({
      from: current,
      to: next,
      at: e.recordedAt,
      by: { id: actor.id, name: actor.name ?? actor.id },
      eventType: e.type,
      eventId: e.eventId,
      position: e.position,
    });
    current = next;
  }
  return changes;
}
