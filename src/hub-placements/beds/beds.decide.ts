import type { Decider } from '#kernel';
import { DomainError } from '#kernel';
import type { HubEvent } from '../hub-placements.events.js';
import { evolveHub, initialHub, type Hub } from '../hub.state.js';

export interface TakeBedOutOfUse {
  hubId: string;
  bedId: string;
  reason: string;
  from: string;
}
export interface ReturnBedToUse {
  hubId: string;
  bedId: string;
  on: string;
}
export interface SetStayThreshold {
  hubId: string;
  weeks: number;
  now: string;
}

function findBed(state: Hub, hubId: string, bedId: string) {
  if (state.status !== 'open') throw new DomainError('HUB.NOT_FOUND', `no hub ${hubId}`, 404);
  const bed = state.beds.find((b) => b.bedId === bedId);
  if (!bed) throw new DomainError('BED.NOT_FOUND', `no bed ${bedId} in this hub`, 404, 'bedId');
  return bed;
}

export function decideTakeBedOutOfUse(command: TakeBedOutOfUse, state: Hub): HubEvent[] {
  const bed = findBed(state, command.hubId, command.bedId);
  if (bed.outOfUse)
    throw new DomainError('BED.ALREADY_OUT_OF_USE', `${bed.name} is out of use already`);
  if (bed.occupant)
    throw new DomainError(
      'PLACEMENT.BED_OCCUPIED',
      `${bed.name} is occupied: move the young person first`,
    );
  return [
    {
      type: 'BedTakenOutOfUse',
      data: {
        hubId: command.hubId,
        bedId: command.bedId,
        reason: command.reason.trim(),
        from: command.from,
      },
    },
  ];
}

export function decideReturnBedToUse(command: ReturnBedToUse, state: Hub): HubEvent[] {
  const bed = findBed(state, command.hubId, command.bedId);
  if (!bed.outOfUse) throw new DomainError('BED.IN_USE', `${bed.name} is in use`);
  return [
    {
      type: 'BedReturnedToUse',
      data: { hubId: command.hubId, bedId: command.bedId, on: command.on },
    },
  ];
}

export function decideSetStayThreshold(command: SetStayThreshold, state: Hub): HubEvent[] {
  if (state.status !== 'open')
    throw new DomainError('HUB.NOT_FOUND', `no hub ${command.hubId}`, 404);
  return [
    {
      type: 'StayThresholdSet',
      data: { hubId: command.hubId, weeks: command.weeks, setAt: command.now },
    },
  ];
}

export interface RecordHubRegistration {
  hubId: string;
  /** Checked at the edge against the English authorities. */
  laCode: string;
  ofstedUrn: string;
  now: string;
}

/** The hub's council and Ofsted number; recording the same again adds nothing. */
export function decideRecordHubRegistration(
  command: RecordHubRegistration,
  state: Hub,
): HubEvent[] {
  if (state.status !== 'open')
    throw new DomainError('HUB.NOT_FOUND', `no hub ${command.hubId}`, 404);
  const r = state.registration;
  if (r && r.laCode === command.laCode && r.ofstedUrn === command.ofstedUrn) return [];
  return [
    {
      type: 'HubRegistrationRecorded',
      data: {
        hubId: command.hubId,
        laCode: command.laCode,
        ofstedUrn: command.ofstedUrn,
        recordedAt: command.now,
      },
    },
  ];
}

const decider = <C>(decide: (c: C, s: Hub) => HubEvent[]): Decider<C, HubEvent, Hub> => ({
  decide,
  evolve: evolveHub,
  initialState: initialHub,
});
export const takeBedOutOfUse = decider(decideTakeBedOutOfUse);
export const returnBedToUse = decider(decideReturnBedToUse);
export const setStayThreshold = decider(decideSetStayThreshold);
export const recordHubRegistration = decider(decideRecordHubRegistration);
