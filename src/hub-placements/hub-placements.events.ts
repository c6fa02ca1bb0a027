/**
 * Events of a hub's stream. The hub stream is the one truth about its beds: who is in which bed
 * from when, so an admission and the bed board can never disagree, even after a crash.
 * Stored types and shapes are a contract: add versions, never edit.
 */
export type HubOpened = {
  type: 'HubOpened';
  data: {
    hubId: string;
    name: string;
    council: string;
    plannedBeds: number;
    emergencyBeds: number;
    openedAt: string;
  };
};

export type StayThresholdSet = {
  type: 'StayThresholdSet';
  data: { hubId: string; weeks: number; setAt: string };
};

/**
 * Who the hub is registered with, for the statutory returns: its council's ONS code (the `la_code`
 * of the SSDA903 return, E10000014) and its Ofsted unique reference number as a children's home.
 * Each recording replaces the last.
 */
export type HubRegistrationRecorded = {
  type: 'HubRegistrationRecorded';
  data: { hubId: string; laCode: string; ofstedUrn: string; recordedAt: string };
};

export type BedTakenOutOfUse = {
  type: 'BedTakenOutOfUse';
  data: { hubId: string; bedId: string; reason: string; from: string };
};

export type BedReturnedToUse = {
  type: 'BedReturnedToUse';
  data: { hubId: string; bedId: string; on: string };
};

/** What SSDA903 needs about a placement episode (codes validated against libs/ssda903). */
export interface EpisodeData {
  collectionYear: string;
  /** Reason for new episode. */
  rne: string;
  /** Legal status. */
  ls: string;
  /** Placement type (a hub bed: K2, children's home). */
  place: string;
  /** Blank for T0 to T3 and Z11 to Z14. */
  placeProvider: string | null;
  reasonPlaceChange: string | null;
  postcode: string;
  outOfArea: boolean;
}

export type YoungPersonAdmitted = {
  type: 'YoungPersonAdmitted';
  data: {
    hubId: string;
    bedId: string;
    youngPersonId: string;
    emergency: boolean;
    from: string;
    plannedEnd: string | null;
    episode: EpisodeData;
  };
};

export const DISCHARGE_DESTINATIONS = [
  'outreach_support',
  'community_family',
  'supported_lodgings',
  'supported_accommodation',
  'home_to_family',
  'elsewhere',
] as const;
export type DischargeDestination = (typeof DISCHARGE_DESTINATIONS)[number];

/** A move out of a bed, inside the one case: never a closure. */
export type YoungPersonDischarged = {
  type: 'YoungPersonDischarged';
  data: {
    hubId: string;
    bedId: string;
    youngPersonId: string;
    on: string;
    destination: DischargeDestination;
    reason: string;
    /** SSDA903 reason episode ceased, when the care episode ends here. */
    rec: string | null;
    reasonPlaceChange: string | null;
  };
};

/**
 * A move from one bed to another of the same hub (from an emergency bed to a planned one, say).
 * The stay goes on: the same admission, the same SSDA903 episode (the same home and carers).
 */
export type YoungPersonMovedBed = {
  type: 'YoungPersonMovedBed';
  data: {
    hubId: string;
    youngPersonId: string;
    fromBedId: string;
    toBedId: string;
    /** Whether the bed moved to is an emergency bed. */
    emergency: boolean;
    on: string;
    reason: string;
  };
};

/**
 * The young person's legal status changed while they stay in the bed (a care order made, say):
 * the stay goes on, and the return starts a new episode that day (RNE L).
 */
export type LegalStatusChanged = {
  type: 'LegalStatusChanged';
  data: {
    hubId: string;
    youngPersonId: string;
    bedId: string;
    on: string;
    /** The new SSDA903 legal status. */
    ls: string;
    previous: string;
  };
};

export type HubEvent =
  | HubOpened
  | StayThresholdSet
  | HubRegistrationRecorded
  | BedTakenOutOfUse
  | BedReturnedToUse
  | YoungPersonAdmitted
  | YoungPersonMovedBed
  | LegalStatusChanged
  | YoungPersonDischarged;

export const hubStreamId = (hubId: string) => `hub-${hubId}`;

export const DEFAULT_STAY_THRESHOLD_WEEKS = 12;
