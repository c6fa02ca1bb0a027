import type { PlanAndClosureEvent } from './plan-and-closure.events.js';

/**
 * Events of a young person's case: one stream per young person, for as long as they need the hub.
 * Stored types and shapes are a contract: change them by adding a version, never by editing.
 */
export const REFERRAL_CATEGORIES = [
  'edge_of_care',
  'edging_to_care',
  'placement_support',
  'care_leaver',
] as const;
export type ReferralCategory = (typeof REFERRAL_CATEGORIES)[number];

export type ReferralReceived = {
  type: 'ReferralReceived';
  data: {
    youngPersonId: string;
    hubId: string;
    category: ReferralCategory;
    youngPerson: { givenName: string; familyName: string; dateOfBirth: string };
    socialWorker: { name: string; team: string };
    reason: string;
    referredAt: string;
    /** Absent on events recorded before referrals had their own id. */
    referralId?: string;
    /** Set when the case was opened from a referral the manager found was someone else. */
    splitFrom?: { youngPersonId: string; referralId: string } | null;
  };
};

/**
 * Another referral for a young person who already has a case: recorded on that case, never a
 * second case. `possibleDuplicate` when it was matched by name and date of birth (not by id):
 * the manager confirms it is the same young person, or rejects it (a new case opens).
 */
export type RepeatReferralReceived = {
  type: 'RepeatReferralReceived';
  data: Omit<ReferralReceived['data'], 'splitFrom' | 'referralId'> & {
    referralId: string;
    possibleDuplicate: boolean;
    /** The case had been declined: this referral goes back to screening. */
    backToScreening: boolean;
    /**
     * Sent to another hub (`hubId`) by a referrer who could not see this case: a request to the
     * hub that holds it. Absent on events recorded before referrals were forwarded.
     */
    forwarded?: boolean;
  };
};

export type DuplicateConfirmed = {
  type: 'DuplicateConfirmed';
  data: { youngPersonId: string; referralId: string; confirmedAt: string };
};

export type DuplicateRejected = {
  type: 'DuplicateRejected';
  data: { youngPersonId: string; referralId: string; newYoungPersonId: string; rejectedAt: string };
};

export type ReferralAccepted = {
  type: 'ReferralAccepted';
  data: { youngPersonId: string; acceptedAt: string };
};

export type ReferralDeclined = {
  type: 'ReferralDeclined';
  data: { youngPersonId: string; reason: string; declinedAt: string };
};

export type KeyWorkerAllocated = {
  type: 'KeyWorkerAllocated';
  data: {
    youngPersonId: string;
    workerId: string;
    workerName: string;
    previousWorkerId: string | null;
    allocatedAt: string;
    /** Why the key worker changed (required for a change; absent on events before it existed). */
    reason?: string | null;
    /** Allocated past the caseload limit: the manager's reason and the caseload at the time. */
    caseloadOverride?: { reason: string; caseload: number; limit: number } | null;
  };
};

/** Notes from screening a referral, before it is accepted or declined. */
export type ScreeningNoteRecorded = {
  type: 'ScreeningNoteRecorded';
  data: { youngPersonId: string; note: string; recordedAt: string };
};

export const TEAM_ROLES = [
  'portfolio_lead_safety',
  'portfolio_lead_rebuilding_relationships',
  'portfolio_lead_accommodation_transitions',
  'portfolio_lead_education_and_training',
  'portfolio_lead_resilience_and_self_esteem',
  'portfolio_lead_emotional_health_and_wellbeing',
  'life_coach',
  'communication_support_worker',
  'police_liaison',
  'social_worker',
  'personal_adviser',
  'independent_reviewing_officer',
] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Someone joins the team around the young person (in the hub or outside it). */
export type TeamMemberAdded = {
  type: 'TeamMemberAdded';
  data: {
    youngPersonId: string;
    memberId: string;
    role: TeamRole;
    name: string;
    organisation: string | null;
    from: string;
  };
};

export type TeamMemberEnded = {
  type: 'TeamMemberEnded';
  data: { youngPersonId: string; memberId: string; to: string; reason: string };
};

/** Things are stable: the hub steps away. The case stays open to come back to. */
export type CaseSteppedAway = {
  type: 'CaseSteppedAway';
  data: { youngPersonId: string; reason: string; on: string; recordedAt: string };
};

/** The hub comes back in, with the same team, without a new referral or a new case. */
export type CaseReopened = {
  type: 'CaseReopened';
  data: { youngPersonId: string; reason: string; reopenedAt: string };
};

/** The young person consents to an independent (Reg 44) visitor seeing their record. */
export type ConsentGranted = {
  type: 'ConsentGranted';
  data: { youngPersonId: string; visitorId: string; visitorName: string; grantedAt: string };
};

export type ConsentRevoked = {
  type: 'ConsentRevoked';
  data: { youngPersonId: string; visitorId: string; revokedAt: string };
};

/**
 * What the SSDA903 return needs to know about the young person that the referral does not say:
 * the council's own child id (stable across years), sex, ethnicity, the UPN or why there is none,
 * whether a girl is a mother (and the baby's date of birth), the category of need, the home
 * postcode, and when unaccompanied asylum-seeking status ceased. Each recording replaces the last.
 */
export type ReturnDetailsRecorded = {
  type: 'ReturnDetailsRecorded';
  data: {
    youngPersonId: string;
    childId: string;
    sex: 'M' | 'F';
    ethnicity: string;
    upn: string | null;
    upnReason: string | null;
    /** '0' or '1' for a girl, null for a boy. */
    mother: '0' | '1' | null;
    babyDateOfBirth: string | null;
    /** Category of need (N1 to N8), fixed for a period of care. */
    cin: string;
    homePostcode: string;
    /** Unaccompanied asylum-seeking child: the day that status ceased (null: still), or not one. */
    uasc: { ceasedOn: string | null } | null;
    recordedAt: string;
  };
};

export type YoungPersonEvent =
  | ReferralReceived
  | ReferralAccepted
  | ReferralDeclined
  | KeyWorkerAllocated
  | ConsentGranted
  | ConsentRevoked
  | ScreeningNoteRecorded
  | TeamMemberAdded
  | TeamMemberEnded
  | CaseSteppedAway
  | CaseReopened
  | RepeatReferralReceived
  | DuplicateConfirmed
  | DuplicateRejected
  | ReturnDetailsRecorded
  | PlanAndClosureEvent;

export const YOUNG_PERSON_EVENT_TYPES: YoungPersonEvent['type'][] = [
  'ReferralReceived',
  'ReferralAccepted',
  'ReferralDeclined',
  'KeyWorkerAllocated',
  'ConsentGranted',
  'ConsentRevoked',
  'ScreeningNoteRecorded',
  'TeamMemberAdded',
  'TeamMemberEnded',
  'CaseSteppedAway',
  'CaseReopened',
  'RepeatReferralReceived',
  'DuplicateConfirmed',
  'DuplicateRejected',
  'GoalSet',
  'GoalStatusChanged',
  'PlanReviewed',
  'CaseClosed',
  'ReferralDetailsCorrected',
  'ReturnDetailsRecorded',
];

/** The identity claim that keeps one case per young person (name and date of birth). */
export type IdentityClaimed = {
  type: 'IdentityClaimed';
  data: { youngPersonId: string };
};

export const identityStreamId = (identityHash: string) => `identity-${identityHash}`;

export const youngPersonStreamId = (youngPersonId: string) => `young-person-${youngPersonId}`;
