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
  };
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
  };
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

export type YoungPersonEvent =
  | ReferralReceived
  | ReferralAccepted
  | ReferralDeclined
  | KeyWorkerAllocated
  | ConsentGranted
  | ConsentRevoked;

export const YOUNG_PERSON_EVENT_TYPES: YoungPersonEvent['type'][] = [
  'ReferralReceived',
  'ReferralAccepted',
  'ReferralDeclined',
  'KeyWorkerAllocated',
  'ConsentGranted',
  'ConsentRevoked',
];

export const youngPersonStreamId = (youngPersonId: string) => `young-person-${youngPersonId}`;
