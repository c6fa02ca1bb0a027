import type { HousingOptionEvent, HousingOptionRegistered } from '../housing.events.js';

/** One housing option (a supported lodging, a training flat) as its stream says, folded. */
export type HousingOption =
  | { status: 'none' }
  | (Pick<
      HousingOptionRegistered['data'],
      'optionId' | 'hubId' | 'kind' | 'name' | 'capacity' | 'ageRange' | 'ofstedRegistration'
    > & {
      status: 'registered';
      suspended: string | null;
      residents: { youngPersonId: string; on: string }[];
    });

export const initialOption = (): HousingOption => ({ status: 'none' });

export function evolveOption(state: HousingOption, event: HousingOptionEvent): HousingOption {
  if (event.type === 'HousingOptionRegistered') {
    const d = event.data;
    return {
      status: 'registered',
      optionId: d.optionId,
      hubId: d.hubId,
      kind: d.kind,
      name: d.name,
      capacity: d.capacity,
      ageRange: d.ageRange,
      ofstedRegistration: d.ofstedRegistration,
      suspended: null,
      residents: [],
    };
  }
  if (state.status !== 'registered') return state;
  switch (event.type) {
    case 'OfstedRegistrationRecorded':
      return { ...state, ofstedRegistration: event.data.reference };
    case 'HousingOptionSuspended':
      return { ...state, suspended: event.data.reason };
    case 'HousingOptionReinstated':
      return { ...state, suspended: null };
    case 'YoungPersonMovedIn':
      return {
        ...state,
        residents: [
          ...state.residents,
          { youngPersonId: event.data.youngPersonId, on: event.data.on },
        ],
      };
    case 'YoungPersonMovedOut':
      return {
        ...state,
        residents: state.residents.filter((r) => r.youngPersonId !== event.data.youngPersonId),
      };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}
