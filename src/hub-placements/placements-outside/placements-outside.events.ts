import type { EpisodeData } from '../hub-placements.events.js';

/**
 * Placements outside the hub that belong to the young person's period of care (council foster
 * carers before they came, a children's home after), entered by the manager so the whole period
 * lives in the one case. One stream per young person.
 */
export type PlacementOutsideHubRecorded = {
  type: 'PlacementOutsideHubRecorded';
  data: {
    placementId: string;
    youngPersonId: string;
    hubId: string;
    /** Who and where, in words: "Council foster carers, Alton". */
    description: string;
    from: string;
    episode: EpisodeData;
    /** The Ofsted URN of the home, where it has one. */
    urn: string | null;
    recordedAt: string;
  };
};

export type PlacementOutsideHubEnded = {
  type: 'PlacementOutsideHubEnded';
  data: {
    placementId: string;
    youngPersonId: string;
    hubId: string;
    on: string;
    /** SSDA903 reason the episode ceased: an E code, or X1 when care goes on elsewhere. */
    rec: string;
    reasonPlaceChange: string | null;
  };
};

export type PlacementOutsideEvent = PlacementOutsideHubRecorded | PlacementOutsideHubEnded;

export const placementsOutsideStreamId = (youngPersonId: string) =>
  `placements-outside-${youngPersonId}`;
