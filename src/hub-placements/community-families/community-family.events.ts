import type { EpisodeData } from '../hub-placements.events.js';

/** Events of a community family's stream: carers attached to a hub, and who lives with them. */
export type CommunityFamilyRegistered = {
  type: 'CommunityFamilyRegistered';
  data: {
    familyId: string;
    hubId: string;
    name: string;
    approvedOn: string;
    capacity: number;
    ageRange: { min: number; max: number };
    registeredAt: string;
  };
};

export type YoungPersonPlacedWithFamily = {
  type: 'YoungPersonPlacedWithFamily';
  data: {
    familyId: string;
    hubId: string;
    youngPersonId: string;
    from: string;
    episode: EpisodeData;
  };
};

export type FamilyPlacementEnded = {
  type: 'FamilyPlacementEnded';
  data: {
    familyId: string;
    hubId: string;
    youngPersonId: string;
    on: string;
    reason: string;
    rec: string | null;
    reasonPlaceChange: string | null;
  };
};

/** A care order made (or ended) while the young person lives with the family: the placement goes on. */
export type FamilyLegalStatusChanged = {
  type: 'FamilyLegalStatusChanged';
  data: {
    familyId: string;
    hubId: string;
    youngPersonId: string;
    on: string;
    ls: string;
    previous: string;
  };
};

export type CommunityFamilyEvent =
  | CommunityFamilyRegistered
  | YoungPersonPlacedWithFamily
  | FamilyPlacementEnded
  | FamilyLegalStatusChanged;

export const familyStreamId = (familyId: string) => `community-family-${familyId}`;
