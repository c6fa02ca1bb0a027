/**
 * Events of other capabilities the caseload reads, as it reads them: only the fields it uses.
 * A stored event's shape is a published contract (it changes only by a new version and an
 * upcaster), so the caseload names what it relies on here instead of importing outreach and
 * housing, which build on the case and import it. apps/composition/event-contracts.ts checks
 * that the producers' types still fit these.
 */
export interface ContactLoggedAsRead {
  type: 'ContactLogged';
  data: { contactId: string; youngPersonId: string; occurredAt: string; kind: string };
}

export interface ContactAmendedAsRead {
  type: 'ContactAmended';
  data: {
    contactId: string;
    youngPersonId: string;
    changes: { occurredAt?: string; kind?: string };
  };
}

export interface CareLeaverRecordMadeAsRead {
  type: 'CareLeaverRecordMade';
  data: { youngPersonId: string; age: number };
}

export type EventReadFromElsewhere =
  ContactLoggedAsRead | ContactAmendedAsRead | CareLeaverRecordMadeAsRead;
