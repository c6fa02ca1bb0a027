import type { EpisodeData, HubEvent } from './hub-placements.events.js';
import { DEFAULT_STAY_THRESHOLD_WEEKS } from './hub-placements.events.js';

export interface Occupant {
  youngPersonId: string;
  from: string;
  plannedEnd: string | null;
  episode: EpisodeData;
}

export interface Bed {
  bedId: string;
  name: string;
  kind: 'planned' | 'emergency';
  outOfUse: { reason: string; from: string } | null;
  occupant: Occupant | null;
}

export type Hub =
  | { status: 'none' }
  | {
      status: 'open';
      hubId: string;
      name: string;
      council: string;
      plannedBeds: number;
      emergencyBeds: number;
      stayThresholdWeeks: number;
      registration: { laCode: string; ofstedUrn: string } | null;
      beds: Bed[];
    };

export const initialHub = (): Hub => ({ status: 'none' });

/** The beds a hub opens with, named in order: planned-1.. then emergency-1.. */
export function bedsFor(plannedBeds: number, emergencyBeds: number): Bed[] {
  const make = (kind: Bed['kind'], n: number) =>
    Array.from({ length: n }, (_, i) => ({
      bedId: `${kind}-${i + 1}`,
      name: `${kind === 'planned' ? 'Planned' : 'Emergency'} bed ${i + 1}`,
      kind,
      outOfUse: null,
      occupant: null,
    }));
  return [...make('planned', plannedBeds), ...make('emergency', emergencyBeds)];
}

export function evolveHub(state: Hub, event: HubEvent): Hub {
  if (event.type === 'HubOpened') {
    const { openedAt: _at, ...hub } = event.data;
    return {
      status: 'open',
      ...hub,
      stayThresholdWeeks: DEFAULT_STAY_THRESHOLD_WEEKS,
      registration: null,
      beds: bedsFor(hub.plannedBeds, hub.emergencyBeds),
    };
  }
  if (state.status === 'none') return state;
  const bed = (bedId: string, change: (b: Bed) => Bed): Hub => ({
    ...state,
    beds: state.beds.map((b) => (b.bedId === bedId ? change(b) : b)),
  });
  switch (event.type) {
    case 'StayThresholdSet':
      return { ...state, stayThresholdWeeks: event.data.weeks };
    case 'LegalStatusChanged':
      return bed(event.data.bedId, (b) =>
        b.occupant
          ? {
              ...b,
              occupant: { ...b.occupant, episode: { ...b.occupant.episode, ls: event.data.ls } },
            }
          : b,
      );
    case 'HubRegistrationRecorded':
      return {
        ...state,
        registration: { laCode: event.data.laCode, ofstedUrn: event.data.ofstedUrn },
      };
    case 'BedTakenOutOfUse':
      return bed(event.data.bedId, (b) => ({
        ...b,
        outOfUse: { reason: event.data.reason, from: event.data.from },
      }));
    case 'BedReturnedToUse':
      return bed(event.data.bedId, (b) => ({ ...b, outOfUse: null }));
    case 'YoungPersonAdmitted': {
      const { youngPersonId, from, plannedEnd, episode } = event.data;
      return bed(event.data.bedId, (b) => ({
        ...b,
        occupant: { youngPersonId, from, plannedEnd, episode },
      }));
    }
    case 'YoungPersonMovedBed': {
      const { fromBedId, toBedId } = event.data;
      const occupant = state.beds.find((b) => b.bedId === fromBedId)?.occupant ?? null;
      return {
        ...state,
        beds: state.beds.map((b) =>
          b.bedId === fromBedId
            ? { ...b, occupant: null }
            : b.bedId === toBedId
              ? { ...b, occupant }
              : b,
        ),
      };
    }
    case 'YoungPersonDischarged':
      return bed(event.data.bedId, (b) => ({ ...b, occupant: null }));
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

export function bedOf(state: Hub, youngPersonId: string): Bed | null {
  if (state.status !== 'open') return null;
  return state.beds.find((b) => b.occupant?.youngPersonId === youngPersonId) ?? null;
}
