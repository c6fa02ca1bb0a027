import { emptyPlan, evolvePlan, type Plan } from './case-plan.state.js';
import type { ReferralDetailsCorrected } from './plan-and-closure.events.js';
import type {
  ReferralReceived,
  RepeatReferralReceived,
  TeamRole,
  YoungPersonEvent,
} from './young-people.events.js';

export interface KeyWorkerSpell {
  workerId: string;
  workerName: string;
  from: string;
  to: string | null;
  /** Why this worker took over (null for the first allocation). */
  reason: string | null;
  /** The manager's reason for allocating past the caseload limit, if they did. */
  overrideReason: string | null;
}

type Referral = ReferralReceived['data'];

export interface Consent {
  visitorId: string;
  visitorName: string;
  since: string;
}

export interface TeamMember {
  memberId: string;
  role: TeamRole;
  name: string;
  organisation: string | null;
  from: string;
  to: string | null;
  endReason: string | null;
}

export interface StatusChange {
  status: 'referred' | 'accepted' | 'declined' | 'stepped_away' | 'closed';
  at: string;
  reason: string | null;
}

interface Common {
  referral: Referral;
  /** Consents in force for independent visitors to see this record. */
  consents: Consent[];
  screeningNotes: { note: string; at: string }[];
  /** Everyone who has been in the team around the young person, with dates. */
  team: TeamMember[];
  statusHistory: StatusChange[];
  /** Every later referral recorded on this case. */
  repeatReferrals: RepeatReferral[];
  plan: Plan;
  /** Corrections to the referral details: the referral above shows the corrected values. */
  corrections: ReferralDetailsCorrected['data'][];
}

export type RepeatReferral = Omit<RepeatReferralReceived['data'], 'youngPersonId'> & {
  /** For a possible duplicate: pending until the manager confirms or rejects it. */
  duplicate: 'not_flagged' | 'pending' | 'confirmed' | 'rejected';
  newYoungPersonId: string | null;
};

interface Allocated {
  acceptedAt: string;
  keyWorkers: KeyWorkerSpell[];
}

/** One young person's case, folded from their stream. */
export type YoungPersonCase =
  | { status: 'none' }
  | ({ status: 'referred' } & Common)
  | ({ status: 'declined'; declineReason: string; declinedAt: string } & Common)
  | ({ status: 'accepted' } & Allocated & Common)
  | ({ status: 'stepped_away'; steppedAwayOn: string; stepAwayReason: string } & Allocated & Common)
  | ({ status: 'closed'; closedAt: string; closeReason: string } & Allocated & Common);

export const initialCase = (): YoungPersonCase => ({ status: 'none' });

const changed = (
  state: Exclude<YoungPersonCase, { status: 'none' }>,
  status: StatusChange['status'],
  at: string,
  reason: string | null,
) => [...state.statusHistory, { status, at, reason }];

export function evolveCase(state: YoungPersonCase, event: YoungPersonEvent): YoungPersonCase {
  if (event.type === 'ReferralReceived') {
    return {
      status: 'referred',
      referral: event.data,
      consents: [],
      screeningNotes: [],
      team: [],
      statusHistory: [{ status: 'referred', at: event.data.referredAt, reason: null }],
      repeatReferrals: [],
      plan: emptyPlan(),
      corrections: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ReferralAccepted':
      return state.status === 'referred'
        ? {
            ...state,
            status: 'accepted',
            acceptedAt: event.data.acceptedAt,
            keyWorkers: [],
            statusHistory: changed(state, 'accepted', event.data.acceptedAt, null),
          }
        : state;
    case 'ReferralDeclined':
      return state.status === 'referred'
        ? {
            ...state,
            status: 'declined',
            declineReason: event.data.reason,
            declinedAt: event.data.declinedAt,
            statusHistory: changed(state, 'declined', event.data.declinedAt, event.data.reason),
          }
        : state;
    case 'KeyWorkerAllocated': {
      if (state.status !== 'accepted' && state.status !== 'stepped_away') return state;
      const at = event.data.allocatedAt;
      return {
        ...state,
        keyWorkers: [
          ...state.keyWorkers.map((s) => (s.to === null ? { ...s, to: at } : s)),
          {
            workerId: event.data.workerId,
            workerName: event.data.workerName,
            from: at,
            to: null,
            reason: event.data.reason ?? null,
            overrideReason: event.data.caseloadOverride?.reason ?? null,
          },
        ],
      };
    }
    case 'ConsentGranted':
      return {
        ...state,
        consents: [
          ...state.consents.filter((c) => c.visitorId !== event.data.visitorId),
          {
            visitorId: event.data.visitorId,
            visitorName: event.data.visitorName,
            since: event.data.grantedAt,
          },
        ],
      };
    case 'ConsentRevoked':
      return {
        ...state,
        consents: state.consents.filter((c) => c.visitorId !== event.data.visitorId),
      };
    case 'ScreeningNoteRecorded':
      return {
        ...state,
        screeningNotes: [
          ...state.screeningNotes,
          { note: event.data.note, at: event.data.recordedAt },
        ],
      };
    case 'TeamMemberAdded': {
      const { youngPersonId: _id, ...member } = event.data;
      return { ...state, team: [...state.team, { ...member, to: null, endReason: null }] };
    }
    case 'TeamMemberEnded':
      return {
        ...state,
        team: state.team.map((m) =>
          m.memberId === event.data.memberId
            ? { ...m, to: event.data.to, endReason: event.data.reason }
            : m,
        ),
      };
    case 'CaseSteppedAway':
      return state.status === 'accepted'
        ? {
            ...state,
            status: 'stepped_away',
            steppedAwayOn: event.data.on,
            stepAwayReason: event.data.reason,
            statusHistory: changed(state, 'stepped_away', event.data.recordedAt, event.data.reason),
          }
        : state;
    case 'CaseReopened': {
      if (state.status !== 'stepped_away') return state;
      const { steppedAwayOn: _on, stepAwayReason: _reason, ...rest } = state;
      return {
        ...rest,
        status: 'accepted',
        statusHistory: changed(state, 'accepted', event.data.reopenedAt, event.data.reason),
      };
    }
    case 'RepeatReferralReceived': {
      const { youngPersonId: _id, ...referral } = event.data;
      const repeat: RepeatReferral = {
        ...referral,
        duplicate: referral.possibleDuplicate ? 'pending' : 'not_flagged',
        newYoungPersonId: null,
      };
      const recorded = { ...state, repeatReferrals: [...state.repeatReferrals, repeat] };
      if (state.status !== 'declined') return recorded;
      // A declined young person referred again goes back to screening, in the same case.
      const {
        declineReason: _r,
        declinedAt: _d,
        ...rest
      } = recorded as typeof recorded & {
        status: 'declined';
      };
      return {
        ...rest,
        status: 'referred',
        statusHistory: changed(state, 'referred', referral.referredAt, 'referred again'),
      };
    }
    case 'GoalSet':
    case 'GoalStatusChanged':
    case 'PlanReviewed':
      return { ...state, plan: evolvePlan(state.plan, event) };
    case 'ReturnDetailsRecorded':
      // The return reads these from the log; the case's own rules do not depend on them.
      return state;
    case 'CaseClosed': {
      if (state.status !== 'accepted' && state.status !== 'stepped_away') return state;
      const { acceptedAt, keyWorkers, ...common } = state;
      return {
        ...common,
        acceptedAt,
        keyWorkers,
        status: 'closed',
        closedAt: event.data.closedAt,
        closeReason: event.data.reason,
        statusHistory: changed(state, 'closed', event.data.closedAt, event.data.reason),
      };
    }
    case 'ReferralDetailsCorrected': {
      const c = event.data.changes;
      const r = state.referral;
      return {
        ...state,
        referral: {
          ...r,
          youngPerson: {
            givenName: c.givenName ?? r.youngPerson.givenName,
            familyName: c.familyName ?? r.youngPerson.familyName,
            dateOfBirth: c.dateOfBirth ?? r.youngPerson.dateOfBirth,
          },
          socialWorker: {
            name: c.socialWorkerName ?? r.socialWorker.name,
            team: c.socialWorkerTeam ?? r.socialWorker.team,
          },
        },
        corrections: [...state.corrections, event.data],
      };
    }
    case 'DuplicateConfirmed':
    case 'DuplicateRejected':
      return {
        ...state,
        repeatReferrals: state.repeatReferrals.map((r) =>
          r.referralId === event.data.referralId
            ? {
                ...r,
                duplicate: event.type === 'DuplicateConfirmed' ? 'confirmed' : 'rejected',
                newYoungPersonId:
                  event.type === 'DuplicateRejected' ? event.data.newYoungPersonId : null,
              }
            : r,
        ),
      };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

export type OpenCase = Exclude<YoungPersonCase, { status: 'none' }>;
