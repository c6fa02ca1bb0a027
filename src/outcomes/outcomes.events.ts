/**
 * A young person's outcomes, on their own stream (`outcomes-<youngPersonId>`): what the
 * evaluation's indicators need beyond what the other capabilities record. Every event names the
 * young person and the hub, so it is on the case's chronology and in every as-known-at view.
 */

export const JUSTICE_KINDS = ['arrest', 'charge', 'caution', 'conviction'] as const;
export type JusticeKind = (typeof JUSTICE_KINDS)[number];

/** Under 16: school; 16 and over: education, training, employment or neither (NEET). */
export const SCHOOL_STATUSES = ['school', 'school_part_time', 'not_attending', 'excluded'] as const;
export const POST_16_STATUSES = ['education', 'training', 'employment', 'neet'] as const;
export const ETE_STATUSES = [...SCHOOL_STATUSES, ...POST_16_STATUSES] as const;
export type EteStatus = (typeof ETE_STATUSES)[number];

export const RISK_MARKERS = ['cse', 'cce', 'substance_misuse', 'crisis'] as const;
export type RiskMarker = (typeof RISK_MARKERS)[number];

export const FGC_STAGES = ['planned', 'held', 'plan_agreed', 'reviewed'] as const;
export type FgcStage = (typeof FGC_STAGES)[number];

/** The counts of the year before referral, the young person's baseline. */
export type BaselineCounts = {
  missingEpisodes: number;
  arrests: number;
  placements: number;
  residentialNights: number;
  exclusions: number;
};

type OnCase = {
  youngPersonId: string;
  hubId: string;
};

export type JusticeEventRecorded = {
  type: 'JusticeEventRecorded';
  data: OnCase & { entryId: string; kind: JusticeKind; on: string; note: string };
};

export type EducationStatusRecorded = {
  type: 'EducationStatusRecorded';
  data: OnCase & {
    entryId: string;
    status: EteStatus;
    /** From this day until the next status. */
    from: string;
    /** School attendance this term, as a percentage (under 16 only). */
    attendance: number | null;
    /** Recorded at a review (or when it changed). */
    atReview: boolean;
  };
};

export type RiskMarkerOpened = {
  type: 'RiskMarkerOpened';
  data: OnCase & { markerId: string; kind: RiskMarker; on: string; note: string };
};

export type RiskMarkerClosed = {
  type: 'RiskMarkerClosed';
  data: OnCase & { markerId: string; kind: RiskMarker; on: string; note: string };
};

export type BaselineRecorded = {
  type: 'BaselineRecorded';
  data: OnCase &
    BaselineCounts & {
      /** Where the counts came from ("police and children's services records"). */
      source: string;
      /** A second recording replaces the first (the reason is said). */
      replaces: boolean;
      reason: string;
    };
};

export type FamilyGroupConferenceRecorded = {
  type: 'FamilyGroupConferenceRecorded';
  data: OnCase & { fgcId: string; stage: FgcStage; on: string; note: string };
};

export type OutcomeEvent =
  | JusticeEventRecorded
  | EducationStatusRecorded
  | RiskMarkerOpened
  | RiskMarkerClosed
  | BaselineRecorded
  | FamilyGroupConferenceRecorded;

export const OUTCOME_EVENT_TYPES: readonly OutcomeEvent['type'][] = [
  'JusticeEventRecorded',
  'EducationStatusRecorded',
  'RiskMarkerOpened',
  'RiskMarkerClosed',
  'BaselineRecorded',
  'FamilyGroupConferenceRecorded',
];

export const outcomesStreamId = (youngPersonId: string) => `outcomes-${youngPersonId}`;
