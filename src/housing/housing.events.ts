/**
 * Housing options: the hub's options with their vacancies (stream `housing-option-<optionId>`),
 * and each young person's accommodation pathway, plan, tenancies and care leaver records
 * (stream `housing-<youngPersonId>`). A move into an option is recorded on the option's stream,
 * which guards its vacancies; the pathway read model puts both in date order.
 */

export const OPTION_KINDS = [
  'supported_lodgings',
  'supported_accommodation',
  'training_flat',
  'move_on',
] as const;
export type OptionKind = (typeof OPTION_KINDS)[number];

export const MOVE_ON_TYPES = ['social_housing_application', 'private_tenancy'] as const;
export type MoveOnType = (typeof MOVE_ON_TYPES)[number];

/** Settings that must never take a child under 16 (unregulated for under-16s since Sept 2021). */
export const NOT_UNDER_16: readonly OptionKind[] = [
  'supported_lodgings',
  'supported_accommodation',
];

export type HousingOptionRegistered = {
  type: 'HousingOptionRegistered';
  data: {
    optionId: string;
    hubId: string;
    kind: OptionKind;
    name: string;
    /** Rooms (lodgings), units (accommodation, flats) or places (move-on). */
    capacity: number;
    ageRange: { min: number; max: number };
    /** Supported lodgings hosts: when the host was approved. */
    approvedOn: string | null;
    /** Supported accommodation: Ofsted registration reference, once registered. */
    ofstedRegistration: string | null;
    moveOnType: MoveOnType | null;
    registeredAt: string;
  };
};

export type OfstedRegistrationRecorded = {
  type: 'OfstedRegistrationRecorded';
  data: { optionId: string; hubId: string; reference: string; registeredOn: string };
};

export type HousingOptionSuspended = {
  type: 'HousingOptionSuspended';
  data: { optionId: string; hubId: string; reason: string; from: string };
};

export type HousingOptionReinstated = {
  type: 'HousingOptionReinstated';
  data: { optionId: string; hubId: string; on: string; note: string };
};

export type YoungPersonMovedIn = {
  type: 'YoungPersonMovedIn';
  data: {
    optionId: string;
    hubId: string;
    kind: OptionKind;
    optionName: string;
    youngPersonId: string;
    on: string;
    reason: string;
    planned: boolean;
  };
};

export type YoungPersonMovedOut = {
  type: 'YoungPersonMovedOut';
  data: {
    optionId: string;
    hubId: string;
    youngPersonId: string;
    on: string;
    reason: string;
    planned: boolean;
  };
};

export type HousingOptionEvent =
  | HousingOptionRegistered
  | OfstedRegistrationRecorded
  | HousingOptionSuspended
  | HousingOptionReinstated
  | YoungPersonMovedIn
  | YoungPersonMovedOut;

/** Accommodation that is not one of the hub's options. */
export const ACCOMMODATION_TYPES = [
  'with_family',
  'foster_care',
  'childrens_home',
  'nwd_hub',
  'staying_put',
  'independent_tenancy',
  'social_housing',
  'private_rented',
  'emergency_accommodation',
  'custody',
  'no_fixed_abode',
  'other',
] as const;
export type AccommodationType = (typeof ACCOMMODATION_TYPES)[number];

export type AccommodationChanged = {
  type: 'AccommodationChanged';
  data: {
    youngPersonId: string;
    hubId: string;
    accommodation: AccommodationType;
    description: string;
    on: string;
    reason: string;
    planned: boolean;
  };
};

export type AccommodationPlanSet = {
  type: 'AccommodationPlanSet';
  data: {
    youngPersonId: string;
    hubId: string;
    targetMoves: { to: string; by: string }[];
    notes: string;
    setOn: string;
  };
};

export const LANDLORD_TYPES = ['council', 'housing_association', 'private'] as const;
export type LandlordType = (typeof LANDLORD_TYPES)[number];

export type TenancyStarted = {
  type: 'TenancyStarted';
  data: {
    tenancyId: string;
    youngPersonId: string;
    hubId: string;
    landlordType: LandlordType;
    start: string;
    weeklyRent: number;
    address: string;
  };
};

export const TENANCY_CONCERNS = [
  'arrears',
  'notice_seeking_possession',
  'notice_to_quit',
  'antisocial_behaviour',
  'sustainment',
] as const;
export type TenancyConcern = (typeof TENANCY_CONCERNS)[number];

export type TenancyConcernRecorded = {
  type: 'TenancyConcernRecorded';
  data: {
    tenancyId: string;
    youngPersonId: string;
    hubId: string;
    concern: TenancyConcern;
    on: string;
    detail: string;
    arrears: number | null;
  };
};

export type TenancyConcernResolved = {
  type: 'TenancyConcernResolved';
  data: {
    tenancyId: string;
    youngPersonId: string;
    hubId: string;
    concern: TenancyConcern;
    on: string;
    note: string;
  };
};

export type TenancyEnded = {
  type: 'TenancyEnded';
  data: {
    tenancyId: string;
    youngPersonId: string;
    hubId: string;
    on: string;
    reason: string;
    planned: boolean;
  };
};

/**
 * SSDA903 OC3: on and around the birthdays from 17 to 21. Version 2 (2025-26 codes): ACCOM ends
 * in 1 (suitable) or 2 (not suitable), and a care leaver not in touch has ACTIV and ACCOM `0`.
 * Version 1 stored `BY`/`BN`-style codes and nulls; it reads as version 2 (upcasters below).
 */
export type CareLeaverRecordMade = {
  type: 'CareLeaverRecordMade';
  data: {
    youngPersonId: string;
    hubId: string;
    /** The birthday this record is for (17 to 21). */
    age: number;
    birthday: string;
    inTouch: string;
    activ: string;
    accom: string;
    recordedOn: string;
    collectionYear: string;
  };
};

export type HousingPathwayEvent =
  | AccommodationChanged
  | AccommodationPlanSet
  | TenancyStarted
  | TenancyConcernRecorded
  | TenancyConcernResolved
  | TenancyEnded
  | CareLeaverRecordMade;

export const optionStreamId = (optionId: string) => `housing-option-${optionId}`;
export const housingStreamId = (youngPersonId: string) => `housing-${youngPersonId}`;
