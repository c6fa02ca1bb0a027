import { DomainError } from '#kernel';
import type { IncidentKind, NotifyRecipient, OutreachEvent } from '../outreach.events.js';
import {
  notInFuture,
  outreachDecider,
  requireOpenCase,
  type CaseSnapshot,
  type OutreachRecord,
} from '../outreach-record.state.js';
import { CLOCK_SKEW_MS } from '../contacts/contacts.decide.js';

type Person = { id: string; name: string };

export interface RecordIncident extends CaseSnapshot {
  incidentId: string;
  youngPersonId: string;
  kind: IncidentKind;
  occurredAt: string;
  summary: string;
  serious: boolean;
  involved: { name: string; role: string; thirdParty: boolean }[];
  by: Person;
  now: string;
}

export interface RecordNotification extends CaseSnapshot {
  incidentId: string;
  youngPersonId: string;
  recipient: NotifyRecipient;
  notifiedAt: string;
  method: string;
  reference: string | null;
  by: Person;
  now: string;
}

/**
 * Children's Homes (England) Regulations 2015, reg. 40(4): HMCI (Ofsted) and the placing
 * authority are told of a child's involvement or suspected involvement in sexual exploitation,
 * an allegation of abuse against the home or its staff, a serious incident relating to a child,
 * and an incident requiring the police to be called that the registered person judges serious.
 */
export function reg40Recipients(kind: IncidentKind, serious: boolean): NotifyRecipient[] {
  switch (kind) {
    case 'serious_incident':
    case 'cse_concern':
    case 'allegation_against_staff':
      return ['ofsted', 'placing_authority'];
    case 'police_involvement':
      return serious ? ['ofsted', 'placing_authority'] : [];
    case 'other':
      return [];
    default: {
      const _exhaustive: never = kind;
      return [];
    }
  }
}

export function decideRecordIncident(c: RecordIncident, state: OutreachRecord): OutreachEvent[] {
  if (state.incidents[c.incidentId]) return [];
  requireOpenCase(c);
  notInFuture(c.occurredAt, c.now, CLOCK_SKEW_MS, 'occurredAt', 'INCIDENT.IN_FUTURE');
  return [
    {
      type: 'IncidentRecorded',
      data: {
        incidentId: c.incidentId,
        youngPersonId: c.youngPersonId,
        hubId: c.hubId,
        kind: c.kind,
        occurredAt: c.occurredAt,
        summary: c.summary.trim(),
        serious: c.serious,
        involved: c.involved,
        notify: reg40Recipients(c.kind, c.serious),
        recordedBy: c.by,
        recordedAt: c.now,
      },
    },
  ];
}

export function decideRecordNotification(
  c: RecordNotification,
  state: OutreachRecord,
): OutreachEvent[] {
  const incident = state.incidents[c.incidentId];
  if (!incident) {
    throw new DomainError(
      'INCIDENT.NOT_FOUND',
      `no incident ${c.incidentId} for this young person`,
      404,
      'incidentId',
    );
  }
  if (!incident.notify.includes(c.recipient)) {
    throw new DomainError(
      'NOTIFICATION.NOT_REQUIRED',
      `this incident is not notifiable to ${c.recipient} under reg. 40`,
      409,
      'recipient',
    );
  }
  if (incident.notified.includes(c.recipient)) {
    throw new DomainError(
      'NOTIFICATION.ALREADY_RECORDED',
      `${c.recipient} was notified already`,
      409,
      'recipient',
    );
  }
  notInFuture(c.notifiedAt, c.now, CLOCK_SKEW_MS, 'notifiedAt', 'NOTIFICATION.IN_FUTURE');
  if (c.notifiedAt < incident.occurredAt) {
    throw new DomainError(
      'NOTIFICATION.BEFORE_INCIDENT',
      'notified before the incident happened',
      422,
      'notifiedAt',
    );
  }
  return [
    {
      type: 'Reg40NotificationSent',
      data: {
        incidentId: c.incidentId,
        youngPersonId: c.youngPersonId,
        hubId: c.hubId,
        recipient: c.recipient,
        notifiedAt: c.notifiedAt,
        method: c.method.trim(),
        reference: c.reference,
        recordedBy: c.by,
      },
    },
  ];
}

export const recordIncident = outreachDecider(decideRecordIncident);
export const recordNotification = outreachDecider(decideRecordNotification);
