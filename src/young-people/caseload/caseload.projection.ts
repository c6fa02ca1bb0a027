import { ident, type SqlExecutor, type StoredEvent } from '../../../libs/event-store/src/index.js';
import {
  PatchSet,
  writePatches,
  type PatchColumn,
  type Projection,
} from '../../../libs/projections/src/index.js';
import type { YoungPersonEvent } from '../young-people.events.js';

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
  version: 4,
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
  ] satisfies YoungPersonEvent['type'][],

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
      CREATE INDEX ON ${ident(schema)}.cases (worker_id, family_name, given_name, young_person_id);`);
  },

  async applyBatch(db: SqlExecutor, events: readonly StoredEvent[], schema: string) {
    const patches = new PatchSet();
    for (const stored of events) {
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
    await writePatches(db, schema, 'cases', KEY, COLUMNS, REQUIRED, patches);
  },
};
