import type { Decider } from '#kernel';
import { DomainError } from '#kernel';
import { providerRequired } from '#ssda903';
import type { DischargeDestination, EpisodeData, HubEvent } from '../hub-placements.events.js';
import { bedOf, evolveHub, initialHub, type Bed, type Hub } from '../hub.state.js';

export interface Admit {
  hubId: string;
  youngPersonId: string;
  /** The case, as the handler found it: accepted, and in this hub. */
  caseStatus: string;
  caseHubId: string | null;
  /** A named bed, or the first free bed of `kind`. */
  bedId: string | null;
  kind: 'planned' | 'emergency';
  from: string;
  plannedEnd: string | null;
  episode: EpisodeData;
}

export interface Discharge {
  hubId: string;
  youngPersonId: string;
  on: string;
  destination: DischargeDestination;
  reason: string;
  rec: string | null;
  reasonPlaceChange: string | null;
}

export interface MoveBed {
  hubId: string;
  youngPersonId: string;
  toBedId: string;
  on: string;
  reason: string;
}

function openHub(state: Hub, hubId: string) {
  if (state.status !== 'open') throw new DomainError('HUB.NOT_FOUND', `no hub ${hubId}`, 404);
  return state;
}

function chooseBed(hub: Extract<Hub, { status: 'open' }>, command: Admit): Bed {
  if (command.bedId) {
    const bed = hub.beds.find((b) => b.bedId === command.bedId);
    if (!bed)
      throw new DomainError('BED.NOT_FOUND', `no bed ${command.bedId} in this hub`, 404, 'bedId');
    if (bed.outOfUse)
      throw new DomainError(
        'PLACEMENT.BED_OUT_OF_USE',
        `${bed.name} is out of use: ${bed.outOfUse.reason}`,
        409,
        'bedId',
      );
    if (bed.occupant)
      throw new DomainError('PLACEMENT.BED_OCCUPIED', `${bed.name} is occupied`, 409, 'bedId');
    return bed;
  }
  const free = hub.beds.find((b) => b.kind === command.kind && !b.outOfUse && !b.occupant);
  if (!free) {
    throw new DomainError(
      'PLACEMENT.HUB_FULL',
      `every ${command.kind} bed in ${hub.name} is taken or out of use`,
    );
  }
  return free;
}

export function decideAdmit(command: Admit, state: Hub): HubEvent[] {
  const hub = openHub(state, command.hubId);
  if (command.caseStatus !== 'accepted') {
    throw new DomainError(
      'YOUNG_PERSON.NOT_ACCEPTED',
      'a young person is admitted once their referral is accepted',
      409,
      'youngPersonId',
    );
  }
  if (command.caseHubId !== command.hubId) {
    throw new DomainError(
      'PLACEMENT.OTHER_HUB',
      'a young person is admitted to a bed of their own hub',
      409,
      'youngPersonId',
    );
  }
  const held = bedOf(hub, command.youngPersonId);
  if (held)
    throw new DomainError(
      'PLACEMENT.ALREADY_IN_BED',
      `the young person is already in ${held.name}`,
      409,
      'youngPersonId',
    );
  if (command.plannedEnd && command.plannedEnd < command.from) {
    throw new DomainError(
      'PLACEMENT.END_BEFORE_START',
      'the planned end is before the admission',
      422,
      'plannedEnd',
    );
  }
  const { place, placeProvider } = command.episode;
  if (providerRequired(place) && !placeProvider) {
    throw new DomainError(
      'SSDA903.PROVIDER_REQUIRED',
      `PLACE ${place} needs a PLACE_PROVIDER`,
      422,
      'episode.placeProvider',
    );
  }
  if (!providerRequired(place) && placeProvider) {
    throw new DomainError(
      'SSDA903.PROVIDER_MUST_BE_BLANK',
      `PLACE_PROVIDER is blank for PLACE ${place}`,
      422,
      'episode.placeProvider',
    );
  }
  const bed = chooseBed(hub, command);
  return [
    {
      type: 'YoungPersonAdmitted',
      data: {
        hubId: command.hubId,
        bedId: bed.bedId,
        youngPersonId: command.youngPersonId,
        emergency: bed.kind === 'emergency',
        from: command.from,
        plannedEnd: command.plannedEnd,
        episode: { ...command.episode, postcode: command.episode.postcode.trim().toUpperCase() },
      },
    },
  ];
}

/** The bed someone is in, on a day of their stay (`on` not before they came). */
function occupiedOn(state: Hub, hubId: string, youngPersonId: string, on: string) {
  const bed = bedOf(openHub(state, hubId), youngPersonId);
  if (!bed || !bed.occupant) {
    throw new DomainError(
      'PLACEMENT.NOT_IN_BED',
      'the young person is not in a bed of this hub',
      409,
    );
  }
  if (on < bed.occupant.from) {
    throw new DomainError(
      'PLACEMENT.END_BEFORE_START',
      `admitted on ${bed.occupant.from}: this must be on or after that day`,
      422,
      'on',
    );
  }
  return { bed, occupant: bed.occupant };
}

export function decideDischarge(command: Discharge, state: Hub): HubEvent[] {
  const { bed } = occupiedOn(state, command.hubId, command.youngPersonId, command.on);
  // Care goes on only with a community family of the hub; any other move ends this episode, and
  // the return must say why (X1 when they stay looked after somewhere else).
  if (command.destination !== 'community_family' && !command.rec) {
    throw new DomainError(
      'PLACEMENT.REASON_CEASED_REQUIRED',
      'say why the episode of care ends here (the SSDA903 reason episode ceased), or X1 if they stay looked after somewhere else',
      422,
      'rec',
    );
  }
  return [
    {
      type: 'YoungPersonDischarged',
      data: {
        hubId: command.hubId,
        bedId: bed.bedId,
        youngPersonId: command.youngPersonId,
        on: command.on,
        destination: command.destination,
        reason: command.reason.trim(),
        rec: command.rec,
        reasonPlaceChange: command.reasonPlaceChange,
      },
    },
  ];
}

export interface ChangeLegalStatus {
  hubId: string;
  youngPersonId: string;
  on: string;
  /** Checked at the edge against the year's LS codes. */
  ls: string;
}

/** A new legal status for someone in a bed, from a day inside their stay. */
export function decideChangeLegalStatus(command: ChangeLegalStatus, state: Hub): HubEvent[] {
  const { bed, occupant } = occupiedOn(state, command.hubId, command.youngPersonId, command.on);
  const previous = occupant.episode.ls;
  if (previous === command.ls) {
    throw new DomainError(
      'PLACEMENT.LEGAL_STATUS_SAME',
      `the legal status is ${previous} already`,
      409,
      'ls',
    );
  }
  return [
    {
      type: 'LegalStatusChanged',
      data: {
        hubId: command.hubId,
        youngPersonId: command.youngPersonId,
        bedId: bed.bedId,
        on: command.on,
        ls: command.ls,
        previous,
      },
    },
  ];
}

export function decideMoveBed(command: MoveBed, state: Hub): HubEvent[] {
  const hub = openHub(state, command.hubId);
  const from = bedOf(hub, command.youngPersonId);
  if (!from || !from.occupant) {
    throw new DomainError(
      'PLACEMENT.NOT_IN_BED',
      'the young person is not in a bed of this hub',
      409,
    );
  }
  const to = hub.beds.find((b) => b.bedId === command.toBedId);
  if (!to)
    throw new DomainError('BED.NOT_FOUND', `no bed ${command.toBedId} in this hub`, 404, 'toBedId');
  if (to.bedId === from.bedId)
    throw new DomainError('PLACEMENT.SAME_BED', `they are in ${to.name} already`, 422, 'toBedId');
  if (to.outOfUse)
    throw new DomainError(
      'PLACEMENT.BED_OUT_OF_USE',
      `${to.name} is out of use: ${to.outOfUse.reason}`,
      409,
      'toBedId',
    );
  if (to.occupant)
    throw new DomainError('PLACEMENT.BED_OCCUPIED', `${to.name} is occupied`, 409, 'toBedId');
  if (command.on < from.occupant.from) {
    throw new DomainError(
      'PLACEMENT.END_BEFORE_START',
      `they came on ${from.occupant.from}`,
      422,
      'on',
    );
  }
  return [
    {
      type: 'YoungPersonMovedBed',
      data: {
        hubId: command.hubId,
        youngPersonId: command.youngPersonId,
        fromBedId: from.bedId,
        toBedId: to.bedId,
        emergency: to.kind === 'emergency',
        on: command.on,
        reason: command.reason.trim(),
      },
    },
  ];
}

export const admit: Decider<Admit, HubEvent, Hub> = {
  decide: decideAdmit,
  evolve: evolveHub,
  initialState: initialHub,
};
export const discharge: Decider<Discharge, HubEvent, Hub> = {
  decide: decideDischarge,
  evolve: evolveHub,
  initialState: initialHub,
};
export const changeLegalStatus: Decider<ChangeLegalStatus, HubEvent, Hub> = {
  decide: decideChangeLegalStatus,
  evolve: evolveHub,
  initialState: initialHub,
};
export const moveBed: Decider<MoveBed, HubEvent, Hub> = {
  decide: decideMoveBed,
  evolve: evolveHub,
  initialState: initialHub,
};
