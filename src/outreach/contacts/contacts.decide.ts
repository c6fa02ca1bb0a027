import { DomainError } from '#kernel';
import type { ContactDetails, OutreachEvent } from '../outreach.events.js';
import {
  notInFuture,
  outreachDecider,
  requireOpenCase,
  type CaseSnapshot,
  type OutreachRecord,
} from '../outreach-record.state.js';

/** The clock skew allowed on a contact's time: a phone's clock may run a little fast. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export interface LogContact extends CaseSnapshot {
  contactId: string;
  youngPersonId: string;
  worker: { id: string; name: string };
  details: ContactDetails;
  now: string;
  lateAfterHours: number;
}

export interface AmendContact extends CaseSnapshot {
  contactId: string;
  youngPersonId: string;
  changes: Partial<ContactDetails>;
  reason: string;
  by: { id: string; name: string };
  now: string;
  /**
   * The version of the contact the correction was made on (how many corrections it had then):
   * made on an older one, it is refused, so no one's correction is overwritten unseen. Null: the
   * caller did not say (the API's first clients).
   */
  basedOn: number | null;
}

function followUpsAfterContact(details: Partial<ContactDetails>, occurredAt: string) {
  const day = occurredAt.slice(0, 10);
  (details.followUps ?? []).forEach((f, i) => {
    if (f.due < day) {
      throw new DomainError(
        'CONTACT.FOLLOW_UP_BEFORE_CONTACT',
        'a follow-up cannot be due before the contact happened',
        422,
        `followUps.${i}.due`,
      );
    }
  });
}

export function decideLogContact(c: LogContact, state: OutreachRecord): OutreachEvent[] {
  // The same contact again (a retry that lost its answer): already recorded, nothing to add.
  if (state.contacts[c.contactId]) return [];
  requireOpenCase(c);
  notInFuture(c.details.occurredAt, c.now, CLOCK_SKEW_MS, 'occurredAt', 'CONTACT.IN_FUTURE');
  followUpsAfterContact(c.details, c.details.occurredAt);
  const lateMs = Date.parse(c.now) - Date.parse(c.details.occurredAt);
  return [
    {
      type: 'ContactLogged',
      data: {
        contactId: c.contactId,
        youngPersonId: c.youngPersonId,
        hubId: c.hubId,
        workerId: c.worker.id,
        workerName: c.worker.name,
        ...c.details,
        recordedAt: c.now,
        lateRecorded: lateMs > c.lateAfterHours * 3_600_000,
      },
    },
  ];
}

export function decideAmendContact(c: AmendContact, state: OutreachRecord): OutreachEvent[] {
  const current = state.contacts[c.contactId];
  if (!current) {
    throw new DomainError(
      'CONTACT.NOT_FOUND',
      `no contact ${c.contactId} for this young person`,
      404,
      'contactId',
    );
  }
  const version = state.contactVersions[c.contactId] ?? 0;
  if (c.basedOn !== null && c.basedOn !== version) {
    throw new DomainError(
      'CONTACT.CHANGED_SINCE',
      `someone corrected this contact after you opened it; it now reads: “${current.notes}”. Open it again to correct what it says now`,
      412,
      'version',
    );
  }
  const changes: Partial<ContactDetails> = {};
  const previous: Partial<ContactDetails> = {};
  for (const key of Object.keys(c.changes) as (keyof ContactDetails)[]) {
    const next = c.changes[key];
    if (next === undefined || JSON.stringify(next) === JSON.stringify(current[key])) continue;
    Object.assign(changes, { [key]: next });
    Object.assign(previous, { [key]: current[key] });
  }
  if (Object.keys(changes).length === 0) {
    throw new DomainError('CONTACT.NO_CHANGE', 'the amendment changes nothing', 422);
  }
  if (changes.occurredAt) {
    notInFuture(changes.occurredAt, c.now, CLOCK_SKEW_MS, 'occurredAt', 'CONTACT.IN_FUTURE');
  }
  followUpsAfterContact(changes, changes.occurredAt ?? current.occurredAt);
  return [
    {
      type: 'ContactAmended',
      data: {
        contactId: c.contactId,
        youngPersonId: c.youngPersonId,
        hubId: c.hubId,
        changes,
        previous,
        reason: c.reason.trim(),
        amendedBy: c.by,
        amendedAt: c.now,
      },
    },
  ];
}

export const logContact = outreachDecider(decideLogContact);
export const amendContact = outreachDecider(decideAmendContact);
