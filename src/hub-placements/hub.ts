import type { HubEvent } from './hub-placements.events.js';

export type Hub =
  | { status: 'none' }
  | {
      status: 'open';
      hubId: string;
      name: string;
      council: string;
      plannedBeds: number;
      emergencyBeds: number;
    };

export const initialHub = (): Hub => ({ status: 'none' });

export function evolveHub(state: Hub, event: HubEvent): Hub {
  switch (event.type) {
    case 'HubOpened':
      return { status: 'open', ...withoutOpenedAt(event.data) };
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}

function withoutOpenedAt({ openedAt: _openedAt, ...rest }: HubEvent['data']) {
  return rest;
}
