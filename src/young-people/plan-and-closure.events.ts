/** The six portfolio areas of a No Wrong Door hub: every goal belongs to one. */
export const PORTFOLIO_AREAS = [
  'safety',
  'rebuilding_relationships',
  'accommodation_transitions',
  'education_and_training',
  'resilience_and_self_esteem',
  'emotional_health_and_wellbeing',
] as const;
export type PortfolioArea = (typeof PORTFOLIO_AREAS)[number];

export const GOAL_STATUSES = ['not_started', 'in_progress', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const PLAN_KINDS = ['support', 'pathway'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export type GoalSet = {
  type: 'GoalSet';
  data: {
    youngPersonId: string;
    goalId: string;
    area: PortfolioArea;
    description: string;
    targetDate: string;
    setAt: string;
  };
};

export type GoalStatusChanged = {
  type: 'GoalStatusChanged';
  data: {
    youngPersonId: string;
    goalId: string;
    status: GoalStatus;
    note: string | null;
    changedAt: string;
  };
};

/** A review of the support plan, or of a care leaver's pathway plan (due at least every 6 months). */
export type PlanReviewed = {
  type: 'PlanReviewed';
  data: {
    youngPersonId: string;
    kind: PlanKind;
    reviewedOn: string;
    notes: string;
    recordedAt: string;
  };
};

/** The case closes when the young person reaches 25: a command the manager confirms. */
export type CaseClosed = {
  type: 'CaseClosed';
  data: { youngPersonId: string; reason: 'reached_25'; closedAt: string };
};

/**
 * A mistaken entry in the referral details, corrected: the case shows the corrected value and
 * keeps the original (in the event it `corrects`).
 */
export type ReferralDetailsCorrected = {
  type: 'ReferralDetailsCorrected';
  data: {
    youngPersonId: string;
    /** The event whose details were wrong. */
    corrects: string;
    changes: {
      givenName?: string;
      familyName?: string;
      dateOfBirth?: string;
      socialWorkerName?: string;
      socialWorkerTeam?: string;
    };
    reason: string;
    correctedAt: string;
  };
};

export type PlanAndClosureEvent =
  GoalSet | GoalStatusChanged | PlanReviewed | CaseClosed | ReferralDetailsCorrected;
