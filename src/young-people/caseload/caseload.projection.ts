import { ident, type SqlExecutor, type StoredEvent } from '#event-store';
import {
  insertRows,
  PatchSet,
  writePatches,
  type PatchColumn,
  type Projection,
} from '#projections';
import type { ContactAmendedAsRead, EventReadFromElsewhere } from './events-read-from-elsewhere.js';
import type { YoungPersonEvent } from '../young-people.events.js';

/** Contacts count towards "days since last contact" unless nobody was reached. */
const CONTACT_COLUMNS: PatchColumn[] = [
  { name: 'contact_id', type: 'uuid' },
  { name: 'young_person_id', type: 'uuid' },
  { name: 'occurred_at', type: 'timestamptz' },
  { name: 'reached', type: 'boolean' },
  { name: 'revision', type: 'bigint' },
];

async function amendContact(
  db: SqlExecutor,
  schema: string,
  e: ContactAmendedAsRead,
  revision: number,
) {
  const { occurredAt, kind } = e.data.changes;
  if (occurredAt === undefined && kind === undefined) return;
  await db.query(
    `UPDATE ${ident(schema)}.contacts SET occurred_at = coalesce($3, occurred_at),
       reached = coalesce($4, reached), revision = $2
     WHERE contact_id = $1 AND revision < $2`,
    [
      e.data.contactId,
      revision,
      occurredAt ?? null,
      kind === undefined ? null : kind !== 'attempted_no_contact',
    ],
  );
}

const KEY: PatchColumn = { name: 'young_person_id', type: 'uuid' };
const COLUMNS: PatchColumn[] = [
  { name: 'hub_id', type: 'uuid' },
  { name: 'status', type: 'text' },
  { name: 'category', type: 'text' },
  { name: 'given_name', type: 'text' },
  { name: 'family_name', type: 'text' },
  { name: 'date_of_birth', type: 'date' },
  { name: 'worker_id', type: 'text' },
  { name: 'worker_name', type: 'text' },
  { name: 'allocated_at', type: 'timestamptz' },
  { name: 'accepted_at', type: 'timestamptz' },
  { name: 'last_pathway_review', type: 'date' },
];
const REQUIRED = ['hub_id', 'status', 'category', 'given_name', 'family_name', 'date_of_birth'];

/** Each case with its current key worker: a worker's caseload is a filter on it. */
export const caseloadProjection: Projection = {
  name: 'caseloads',
  version: 6,
  handles: [
    'ReferralReceived',
    'ReferralAccepted',
    'ReferralDeclined',
    'KeyWorkerAllocated',
    'CaseSteppedAway',
    'CaseReopened',
    'RepeatReferralReceived',
    'PlanReviewed',
    'CaseClosed',
    'ReferralDetailsCorrected',
    'ContactLogged',
    'ContactAmended',
    'CareLeaverRecordMade',
  ] satisfies (YoungPersonEvent | EventReadFromElsewhere)['type'][],

  async setup(db: SqlExecutor, schema: string) {
    await db.exec(`
      CREATE TABLE ${ident(schema)}.cases (
        young_person_id uuid PRIMARY KEY,
        hub_id uuid NOT NULL,
        status text NOT NULL,
        category text NOT NULL,
        given_name text NOT NULL,
        family_name text NOT NULL,
        date_of_birth date NOT NULL,
        worker_id text,
        worker_name text,
        allocated_at timestamptz,
        accepted_at timestamptz,
        last_pathway_review date,
        revision bigint NOT NULL
      );
      CREATE INDEX ON ${ident(schema)}.cases (worker_id, family_name, given_name, young_person_id);
      CREATE TABLE ${ident(schema)}.contacts (
        contact_id uuid PRIMARY KEY,
        young_person_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        reached boolean NOT NULL,
        revision bigint NOT NULL
      );
      CREATE INDEX ON ${ident(schema)}.contacts (young_person_id, occurred_at DESC) WHERE reached;
      CREATE TABLE ${ident(schema)}.care_leaver_records (
        young_person_id uuid NOT NULL,
        age int NOT NULL,
        PRIMARY KEY (young_person_id, age)
      );`);
  },

  async applyBatch(db: SqlExecutor, events: readonly StoredEvent[], schema: string) {
    const patches = new PatchSet();
    let contacts: Record<string, unknown>[] = [];
    const flushContacts = async () => {
      await insertRows(db, schema, 'contacts', CONTACT_COLUMNS, contacts, ['contact_id']);
      contacts = [];
    };
    for (const stored of events) {
      const other = stored as unknown as EventReadFromElsewhere;
      if (other.type === 'CareLeaverRecordMade') {
        await db.query(
          `INSERT INTO ${ident(schema)}.care_leaver_records VALUES ($1, $2) ON CONFLICT DO NOTHING`,
          [other.data.youngPersonId, other.data.age],
        );
        continue;
      }
      if (other.type === 'ContactLogged') {
        const d = other.data;
        contacts.push({
          contact_id: d.contactId,
          young_person_id: d.youngPersonId,
          occurred_at: d.occurredAt,
          reached: d.kind !== 'attempted_no_contact',
          revision: stored.revision,
        });
        continue;
      }
      if (other.type === 'ContactAmended') {
        await flushContacts();
        await amendContact(db, schema, other, stored.revision);
        continue;
      }
      const event = stored as unknown as YoungPersonEvent;
      const id = event.data.youngPersonId;
      switch (event.type) {
        case 'ReferralReceived': {
          const d = event.data;
          patches.set(id, stored.revision, {
            hub_id: d.hubId,
            status: 'referred',
            category: d.category,
            given_name: d.youngPerson.givenName,
            family_name: d.youngPerson.familyName,
            date_of_birth: d.youngPerson.dateOfBirth,
          });
          break;
        }
        case 'ReferralAccepted':
          patches.set(id, stored.revision, {
            status: 'accepted',
            accepted_at: event.data.acceptedAt,
          });
          break;
        case 'PlanReviewed':
          if (event.data.kind === 'pathway') {
            patches.set(id, stored.revision, { last_pathway_review: event.data.reviewedOn });
          }
          break;
        case 'CaseClosed':
          patches.set(id, stored.revision, { status: 'closed' });
          break;
        case 'ReferralDetailsCorrected': {
          const c = event.data.changes;
          patches.set(id, stored.revision, {
            given_name: c.givenName,
            family_name: c.familyName,
            date_of_birth: c.dateOfBirth,
          });
          break;
        }
        case 'ReferralDeclined':
          patches.set(id, stored.revision, { status: 'declined' });
          break;
        case 'KeyWorkerAllocated':
          patches.set(id, stored.revision, {
            worker_id: event.data.workerId,
            worker_name: event.data.workerName,
            allocated_at: event.data.allocatedAt,
          });
          break;
        case 'CaseSteppedAway':
          patches.set(id, stored.revision, { status: 'stepped_away' });
          break;
        case 'CaseReopened':
          patches.set(id, stored.revision, { status: 'accepted' });
          break;
        case 'RepeatReferralReceived':
          if (event.data.backToScreening) patches.set(id, stored.revision, { status: 'referred' });
          break;
        case 'DuplicateConfirmed':
        case 'DuplicateRejected':
        case 'ReturnDetailsRecorded':
        case 'GoalSet':
        case 'GoalStatusChanged':
        case 'ConsentGranted':
        case 'ConsentRevoked':
        case 'ScreeningNoteRecorded':
        case 'TeamMemberAdded':
        case 'TeamMemberEnded':
          break;
        default: {
          const _exhaustive: never = event;
        }
      }
    }
    await flushContacts();
    await writePatches(db, schema, 'cases', KEY, COLUMNS, REQUIRED, patches);
  },
};
