import { DomainError } from '#kernel';
import {
  NOT_UNDER_16,
  type HousingOptionEvent,
  type HousingOptionRegistered,
} from '../housing.events.js';
import { evolveOption, initialOption, type HousingOption } from './housing-option.state.js';

/** Registering an option: what the event records, with the clock's `now` for its time. */
export type RegisterOption = Omit<HousingOptionRegistered['data'], 'registeredAt'> & {
  now: string;
};

export interface MoveIn {
  optionId: string;
  hubId: string;
  youngPersonId: string;
  /** The case as the handler found it. */
  caseStatus: string;
  caseHubId: string | null;
  /** Whole years on the day of the move. */
  ageOnMove: number;
  on: string;
  reason: string;
  planned: boolean;
}

function registered(state: HousingOption, hubId: string, optionId: string) {
  if (state.status !== 'registered' || state.hubId !== hubId) {
    throw new DomainError(
      'HOUSING.OPTION_NOT_FOUND',
      `no housing option ${optionId} in this hub`,
      404,
      'optionId',
    );
  }
  return state;
}

export function decideRegisterOption(
  c: RegisterOption,
  state: HousingOption,
): HousingOptionEvent[] {
  if (state.status !== 'none') return [];
  if (c.ageRange.min > c.ageRange.max) {
    throw new DomainError(
      'HOUSING.AGE_RANGE_INVALID',
      'the youngest age is above the oldest',
      422,
      'ageRange.min',
    );
  }
  if (NOT_UNDER_16.includes(c.kind) && c.ageRange.min < 16) {
    throw new DomainError(
      'HOUSING.UNDER_16',
      `${c.kind.replace('_', ' ')} cannot take anyone under 16`,
      422,
      'ageRange.min',
    );
  }
  if (c.kind === 'supported_lodgings' && !c.approvedOn) {
    throw new DomainError(
      'HOUSING.HOST_NOT_APPROVED',
      'a supported lodgings host needs an approval date',
      422,
      'approvedOn',
    );
  }
  if (c.kind === 'move_on' && !c.moveOnType) {
    throw new DomainError(
      'HOUSING.MOVE_ON_TYPE_REQUIRED',
      'say which move-on option this is',
      422,
      'moveOnType',
    );
  }
  const { now, ...option } = c;
  return [
    {
      type: 'HousingOptionRegistered',
      data: { ...option, name: c.name.trim(), registeredAt: now },
    },
  ];
}

export function decideMoveIn(c: MoveIn, state: HousingOption): HousingOptionEvent[] {
  const option = registered(state, c.hubId, c.optionId);
  const here = option.residents.find((r) => r.youngPersonId === c.youngPersonId);
  if (here) {
    if (here.on === c.on) return [];
    throw new DomainError(
      'HOUSING.ALREADY_LIVING_HERE',
      'the young person lives here already',
      409,
    );
  }
  if (c.caseStatus === 'none' || c.caseHubId !== c.hubId) {
    throw new DomainError(
      'YOUNG_PERSON.NOT_FOUND',
      'no such young person in this hub',
      404,
      'youngPersonId',
    );
  }
  if (c.caseStatus !== 'accepted') {
    throw new DomainError(
      'CASE.NOT_ACCEPTED',
      `the case is ${c.caseStatus}: moves are for accepted cases`,
    );
  }
  if (NOT_UNDER_16.includes(option.kind) && c.ageOnMove < 16) {
    throw new DomainError(
      'HOUSING.UNDER_16',
      'no one under 16 may live in supported accommodation or supported lodgings (banned in England since September 2021)',
    );
  }
  if (option.kind === 'supported_accommodation' && c.ageOnMove < 18 && !option.ofstedRegistration) {
    throw new DomainError(
      'HOUSING.PROVIDER_NOT_REGISTERED',
      'supported accommodation for 16 and 17 year olds must be registered with Ofsted',
    );
  }
  if (option.suspended !== null) {
    throw new DomainError(
      'HOUSING.OPTION_SUSPENDED',
      `${option.name} is suspended: ${option.suspended}`,
    );
  }
  if (c.ageOnMove < option.ageRange.min || c.ageOnMove > option.ageRange.max) {
    throw new DomainError(
      'HOUSING.OUTSIDE_AGE_RANGE',
      `${option.name} takes ages ${option.ageRange.min} to ${option.ageRange.max}`,
    );
  }
  if (option.residents.length >= option.capacity) {
    throw new DomainError('HOUSING.NO_VACANCY', `${option.name} has no vacancy`);
  }
  return [
    {
      type: 'YoungPersonMovedIn',
      data: {
        optionId: c.optionId,
        hubId: c.hubId,
        kind: option.kind,
        optionName: option.name,
        youngPersonId: c.youngPersonId,
        on: c.on,
        reason: c.reason.trim(),
        planned: c.planned,
      },
    },
  ];
}

export interface MoveOut {
  optionId: string;
  hubId: string;
  youngPersonId: string;
  on: string;
  reason: string;
  planned: boolean;
}

export function decideMoveOut(c: MoveOut, state: HousingOption): HousingOptionEvent[] {
  const option = registered(state, c.hubId, c.optionId);
  const here = option.residents.find((r) => r.youngPersonId === c.youngPersonId);
  if (!here) {
    throw new DomainError(
      'HOUSING.NOT_LIVING_HERE',
      'the young person does not live here',
      409,
      'youngPersonId',
    );
  }
  if (c.on < here.on) {
    throw new DomainError('HOUSING.MOVE_OUT_BEFORE_IN', `they moved in on ${here.on}`, 422, 'on');
  }
  return [{ type: 'YoungPersonMovedOut', data: { ...c, reason: c.reason.trim() } }];
}

export interface SuspendOption {
  optionId: string;
  hubId: string;
  suspend: boolean;
  reason: string;
  on: string;
}

export function decideSuspend(c: SuspendOption, state: HousingOption): HousingOptionEvent[] {
  const option = registered(state, c.hubId, c.optionId);
  if (c.suspend) {
    if (option.suspended !== null)
      throw new DomainError('HOUSING.ALREADY_SUSPENDED', `suspended already: ${option.suspended}`);
    return [
      {
        type: 'HousingOptionSuspended',
        data: { optionId: c.optionId, hubId: c.hubId, reason: c.reason.trim(), from: c.on },
      },
    ];
  }
  if (option.suspended === null)
    throw new DomainError('HOUSING.NOT_SUSPENDED', 'this option is not suspended');
  return [
    {
      type: 'HousingOptionReinstated',
      data: { optionId: c.optionId, hubId: c.hubId, on: c.on, note: c.reason.trim() },
    },
  ];
}

export interface RecordRegistration {
  optionId: string;
  hubId: string;
  reference: string;
  registeredOn: string;
}

export function decideRegistration(
  c: RecordRegistration,
  state: HousingOption,
): HousingOptionEvent[] {
  const option = registered(state, c.hubId, c.optionId);
  if (option.kind !== 'supported_accommodation') {
    throw new DomainError(
      'HOUSING.NOT_SUPPORTED_ACCOMMODATION',
      'only supported accommodation providers register with Ofsted',
      409,
    );
  }
  if (option.ofstedRegistration === c.reference) return [];
  return [{ type: 'OfstedRegistrationRecorded', data: { ...c, reference: c.reference.trim() } }];
}

const decider = <C>(decide: (c: C, s: HousingOption) => HousingOptionEvent[]) => ({
  decide,
  evolve: evolveOption,
  initialState: initialOption,
});

export const registerOption = decider(decideRegisterOption);
export const moveIn = decider(decideMoveIn);
export const moveOut = decider(decideMoveOut);
export const suspendOption = decider(decideSuspend);
export const recordRegistration = decider(decideRegistration);
