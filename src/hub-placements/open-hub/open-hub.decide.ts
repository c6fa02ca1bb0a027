import { DomainError } from '#kernel';
import type { Decider } from '#kernel';
import type { HubEvent } from '../hub-placements.events.js';
import { evolveHub, initialHub, type Hub } from '../hub.state.js';

export interface OpenHub {
  hubId: string;
  name: string;
  council: string;
  plannedBeds: number;
  emergencyBeds: number;
  now: string;
}

export function decideOpenHub(command: OpenHub, state: Hub): HubEvent[] {
  if (state.status !== 'none') {
    throw new DomainError('HUB.ALREADY_OPEN', `hub ${command.hubId} is already open`);
  }
  return [
    {
      type: 'HubOpened',
      data: {
        hubId: command.hubId,
        name: command.name.trim(),
        council: command.council.trim(),
        plannedBeds: command.plannedBeds,
        emergencyBeds: command.emergencyBeds,
        openedAt: command.now,
      },
    },
  ];
}

export const openHub: Decider<OpenHub, HubEvent, Hub> = {
  decide: decideOpenHub,
  evolve: evolveHub,
  initialState: initialHub,
};
