/** Events of a hub's stream. Stored types and shapes are a contract: add versions, never edit. */
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

export type HubEvent = HubOpened;

export const hubStreamId = (hubId: string) => `hub-${hubId}`;
