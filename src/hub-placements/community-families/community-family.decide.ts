import type { Decider } from '#kernel';
import { DomainError } from '#kernel';
import { providerRequired } from '#ssda903';
import type { EpisodeData } from '../hub-placements.events.js';
import type { CommunityFamilyEvent } from './community-family.events.js';

export type CommunityFamily =
  | { status: 'none' }
  | {
      status: 'registered';
      familyId: string;
      hubId: string;
      name: string;
      capacity: number;
      ageRange: { min: number; max: number };
      /** Who lives with them, since when, and their legal status now. */
      placements: { youngPersonId: string; from: string; ls: string }[];
    };

export const initialFamily = (): CommunityFamily => ({ status: 'none' });

export function evolveFamily(state: CommunityFamily, event: CommunityFamilyEvent): CommunityFamily {
  switch (event.type) {
    case 'CommunityFamilyRegistered': {
      const { familyId, hubId, name, capacity, ageRange } = event.data;
      return { status: 'registered', familyId, hubId, name, capacity, ageRange, placements: [] };
    }
    case 'YoungPersonPlacedWithFamily':
      return state.status === 'registered'
        ? {
            ...state,
            placements: [
              ...state.placements,
              {
                youngPersonId: event.data.youngPersonId,
                from: event.data.from,
                ls: event.data.episode.ls,
              },
            ],
          }
        : state;
    case 'FamilyPlacementEnded':
      return state.status === 'registered'
        ? {
            ...state,
            placements: state.placements.filter(
              (p) => p.youngPersonId !== event.data.youngPersonId,
            ),
          }
        : state;
    case 'FamilyLegalStatusChanged':
      return state.status === 'registered'
        ? {
            ...state,
            placements: state.placements.map((p) =>
              p.youngPersonId === event.data.youngPersonId ? { ...p, ls: event.data.ls } : p,
            ),
          }
        : state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

export interface RegisterFamily {
  familyId: string;
  hubId: string;
  name: string;
  approvedOn: string;
  capacity: number;
  ageRange: { min: number; max: number };
  now: string;
}

export interface PlaceWithFamily {
  familyId: string;
  hubId: string;
  youngPersonId: string;
  /** The case as the handler found it. */
  caseStatus: string;
  caseHubId: string | null;
  ageOnStart: number;
  from: string;
  episode: EpisodeData;
}

export interface EndFamilyPlacement {
  familyId: string;
  hubId: string;
  youngPersonId: string;
  on: string;
  reason: string;
  rec: string | null;
  reasonPlaceChange: string | null;
}

export function decideRegisterFamily(
  command: RegisterFamily,
  state: CommunityFamily,
): CommunityFamilyEvent[] {
  if (state.status !== 'none')
    throw new DomainError('FAMILY.ALREADY_REGISTERED', 'this family is registered already');
  if (command.ageRange.min > command.ageRange.max) {
    throw new DomainError(
      'FAMILY.AGE_RANGE_INVALID',
      'the youngest age is above the oldest',
      422,
      'ageRange.min',
    );
  }
  if (command.approvedOn > command.now.slice(0, 10)) {
    throw new DomainError(
      'FAMILY.APPROVAL_IN_FUTURE',
      'register carers once they are approved',
      422,
      'approvedOn',
    );
  }
  const { now, ...family } = command;
  return [
    {
      type: 'CommunityFamilyRegistered',
      data: { ...family, name: command.name.trim(), registeredAt: now },
    },
  ];
}

function registered(state: CommunityFamily, hubId: string, familyId: string) {
  if (state.status !== 'registered' || state.hubId !== hubId) {
    throw new DomainError(
      'FAMILY.NOT_FOUND',
      `no community family ${familyId} in this hub`,
      404,
      'familyId',
    );
  }
  return state;
}

export function decidePlaceWithFamily(
  command: PlaceWithFamily,
  state: CommunityFamily,
): CommunityFamilyEvent[] {
  const family = registered(state, command.hubId, command.familyId);
  if (command.caseStatus !== 'accepted') {
    throw new DomainError(
      'YOUNG_PERSON.NOT_ACCEPTED',
      'a young person is placed once their referral is accepted',
      409,
      'youngPersonId',
    );
  }
  if (command.caseHubId !== command.hubId) {
    throw new DomainError(
      'PLACEMENT.OTHER_HUB',
      'community families care for young people of their own hub',
      409,
      'youngPersonId',
    );
  }
  if (family.placements.some((p) => p.youngPersonId === command.youngPersonId)) {
    throw new DomainError(
      'PLACEMENT.ALREADY_PLACED',
      `the young person already lives with ${family.name}`,
      409,
      'youngPersonId',
    );
  }
  if (command.ageOnStart < family.ageRange.min || command.ageOnStart > family.ageRange.max) {
    throw new DomainError(
      'PLACEMENT.OUTSIDE_AGE_RANGE',
      `${family.name} are approved for ages ${family.ageRange.min} to ${family.ageRange.max}; the young person is ${command.ageOnStart}`,
    );
  }
  if (family.placements.length >= family.capacity) {
    throw new DomainError(
      'PLACEMENT.FAMILY_FULL',
      `${family.name} have no vacancy (capacity ${family.capacity})`,
    );
  }
  const { place, placeProvider } = command.episode;
  if (providerRequired(place) !== (placeProvider !== null)) {
    throw new DomainError(
      providerRequired(place) ? 'SSDA903.PROVIDER_REQUIRED' : 'SSDA903.PROVIDER_MUST_BE_BLANK',
      `PLACE_PROVIDER does not fit PLACE ${place}`,
      422,
      'episode.placeProvider',
    );
  }
  return [
    {
      type: 'YoungPersonPlacedWithFamily',
      data: {
        familyId: command.familyId,
        hubId: command.hubId,
        youngPersonId: command.youngPersonId,
        from: command.from,
        episode: { ...command.episode, postcode: command.episode.postcode.trim().toUpperCase() },
      },
    },
  ];
}

export function decideEndFamilyPlacement(
  command: EndFamilyPlacement,
  state: CommunityFamily,
): CommunityFamilyEvent[] {
  const family = registered(state, command.hubId, command.familyId);
  const placement = family.placements.find((p) => p.youngPersonId === command.youngPersonId);
  if (!placement)
    throw new DomainError(
      'PLACEMENT.NOT_PLACED',
      `the young person does not live with ${family.name}`,
      409,
    );
  if (command.on < placement.from)
    throw new DomainError('PLACEMENT.END_BEFORE_START', `placed on ${placement.from}`, 422, 'on');
  return [{ type: 'FamilyPlacementEnded', data: { ...command, reason: command.reason.trim() } }];
}

export interface ChangeFamilyLegalStatus {
  familyId: string;
  hubId: string;
  youngPersonId: string;
  on: string;
  /** Checked at the edge against the year's LS codes. */
  ls: string;
}

/** A new legal status for someone living with the family, from a day inside the placement. */
export function decideChangeFamilyLegalStatus(
  command: ChangeFamilyLegalStatus,
  state: CommunityFamily,
): CommunityFamilyEvent[] {
  const family = registered(state, command.hubId, command.familyId);
  const placement = family.placements.find((p) => p.youngPersonId === command.youngPersonId);
  if (!placement)
    throw new DomainError(
      'PLACEMENT.NOT_PLACED',
      `the young person does not live with ${family.name}`,
      409,
    );
  if (command.on < placement.from)
    throw new DomainError(
      'PLACEMENT.LEGAL_STATUS_BEFORE_START',
      `the placement began on ${placement.from}`,
      422,
      'on',
    );
  if (placement.ls === command.ls)
    throw new DomainError(
      'PLACEMENT.LEGAL_STATUS_SAME',
      `the legal status is ${placement.ls} already`,
      409,
      'ls',
    );
  return [
    {
      type: 'FamilyLegalStatusChanged',
      data: { ...command, previous: placement.ls },
    },
  ];
}

const decider = <C>(
  decide: (c: C, s: CommunityFamily) => CommunityFamilyEvent[],
): Decider<C, CommunityFamilyEvent, CommunityFamily> => ({
  decide,
  evolve: evolveFamily,
  initialState: initialFamily,
});
export const registerFamily = decider(decideRegisterFamily);
export const placeWithFamily = decider(decidePlaceWithFamily);
export const endFamilyPlacement = decider(decideEndFamilyPlacement);
export const changeFamilyLegalStatus = decider(decideChangeFamilyLegalStatus);
