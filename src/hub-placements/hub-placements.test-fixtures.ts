import type { HubEvent } from './hub-placements.events.js';

/** A hub of one planned and one emergency bed, an SSDA903 episode, an admission (generated). */
export const opened: HubEvent = {
  type: 'HubOpened',
  data: {
    hubId: 'h1',
    name: 'North',
    council: 'C',
    plannedBeds: 1,
    emergencyBeds: 1,
    openedAt: '2026-01-01T00:00:00.000Z',
  },
};
export const episode = {
  collectionYear: '2025-26',
  rne: 'S',
  ls: 'C2',
  place: 'K2',
  placeProvider: 'PR1',
  reasonPlaceChange: null,
  postcode: ' yo11 1aa ',
  outOfArea: false,
};
export const admitted = (youngPersonId: string, bedId = 'planned-1'): HubEvent => ({
  type: 'YoungPersonAdmitted',
  data: {
    hubId: 'h1',
    bedId,
    youngPersonId,
    emergency: bedId.startsWith('emergency'),
    from: '2026-02-01',
    plannedEnd: '2026-03-01',
    episode: { ...episode, postcode: 'YO11 1AA' },
  },
});
