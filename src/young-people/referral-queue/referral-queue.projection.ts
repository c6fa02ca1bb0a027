import { ident, type SqlExecutor, type StoredEvent } from '#event-store';
import { PatchSet, writePatches, type PatchColumn, type Projection } from '#projections';
import type { YoungPersonEvent } from '../young-people.events.js';

const KEY: PatchColumn = { name: 'young_person_id', type: 'uuid' };
const COLUMNS: PatchColumn[] = [
  { name: 'hub_id', type: 'uuid' },
  { name: 'status', type: 'text' },
  { name: 'category', type: 'text' },
  { name: 'given_name', type: 'text' },
  { name: 'family_name', type: 'text' },
  { name: 'date_of_birth', type: 'date' },
  { name: 'social_worker_name', type: 'text' },
  { name: 'social_worker_team', type: 'text' },
  { name: 'reason', type: 'text' },
  { name: 'referred_at', type: 'timestamptz' },
  { name: 'decided_at', type: 'timestamptz' },
  { name: 'decline_reason', type: 'text' },
  { name: 'possible_duplicate', type: 'boolean' },
  { name: 'last_referral_id', type: 'uuid' },
];
const REQUIRED = COLUMNS.slice(0, 10).map((c) => c.name);

/** A hub's referrals and what was decided, for the manager's referral queue. */
export const referralQueueProjection: Projection = {
  name: 'referral_queue',
  version: 3,
  handles: [
    'ReferralReceived',
    'ReferralAccepted',
    'ReferralDeclined',
    'RepeatReferralReceived',
    'DuplicateConfirmed',
    'DuplicateRejected',
    'ReferralDetailsCorrected',
  ] satisfies YoungPersonEvent['type'][],

  async setup(db: SqlExecutor, schema: string) {
    await db.exec(`
      CREATE TABLE ${ident(schema)}.referrals (
        young_person_id uuid PRIMARY KEY,
        hub_id uuid NOT NULL,
        status text NOT NULL,
        category text NOT NULL,
        given_name text NOT NULL,
        family_name text NOT NULL,
        date_of_birth date NOT NULL,
        social_worker_name text NOT NULL,
        social_worker_team text NOT NULL,
        reason text NOT NULL,
        referred_at timestamptz NOT NULL,
        decided_at timestamptz,
        decline_reason text,
        possible_duplicate boolean NOT NULL DEFAULT false,
        last_referral_id uuid,
        revision bigint NOT NULL
      );
      CREATE INDEX ON ${ident(schema)}.referrals (hub_id, status, referred_at, young_person_id);
      CREATE INDEX ON ${ident(schema)}.referrals (hub_id, referred_at, young_person_id);`);
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
            social_worker_name: d.socialWorker.name,
            social_worker_team: d.socialWorker.team,
            reason: d.reason,
            referred_at: d.referredAt,
            possible_duplicate: false,
            last_referral_id: d.referralId ?? null,
          });
          break;
        }
        case 'RepeatReferralReceived': {
          const d = event.data;
          patches.set(id, stored.revision, {
            possible_duplicate: d.possibleDuplicate || undefined,
            last_referral_id: d.referralId,
            ...(d.backToScreening
              ? {
                  status: 'referred',
                  referred_at: d.referredAt,
                  category: d.category,
                  reason: d.reason,
                }
              : {}),
          });
          break;
        }
        case 'DuplicateConfirmed':
        case 'DuplicateRejected':
          patches.set(id, stored.revision, { possible_duplicate: false });
          break;
        case 'ReferralDetailsCorrected': {
          const c = event.data.changes;
          patches.set(id, stored.revision, {
            given_name: c.givenName,
            family_name: c.familyName,
            date_of_birth: c.dateOfBirth,
            social_worker_name: c.socialWorkerName,
            social_worker_team: c.socialWorkerTeam,
          });
          break;
        }
        case 'GoalSet':
        case 'GoalStatusChanged':
        case 'PlanReviewed':
        case 'CaseClosed':
        case 'ReturnDetailsRecorded':
          break;
        case 'ReferralAccepted':
          patches.set(id, stored.revision, {
            status: 'accepted',
            decided_at: event.data.acceptedAt,
          });
          break;
        case 'ReferralDeclined':
          patches.set(id, stored.revision, {
            status: 'declined',
            decided_at: event.data.declinedAt,
            decline_reason: event.data.reason,
          });
          break;
        case 'KeyWorkerAllocated':
        case 'ConsentGranted':
        case 'ConsentRevoked':
        case 'ScreeningNoteRecorded':
        case 'TeamMemberAdded':
        case 'TeamMemberEnded':
        case 'CaseSteppedAway':
        case 'CaseReopened':
          break;
        default: {
          const _exhaustive: never = event;
        }
      }
    }
    await writePatches(db, schema, 'referrals', KEY, COLUMNS, REQUIRED, patches);
  },
};
