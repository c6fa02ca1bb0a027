import type { Decider } from '#kernel';
import { DomainError } from '#kernel';
import type { EpisodeData } from '../hub-placements.events.js';
import type { PlacementOutsideEvent } from './placements-outside.events.js';

export interface PlacementOutside {
  placementId: string;
  description: string;
  from: string;
  to: string | null;
}

export interface PlacementsOutside {
  placements: PlacementOutside[];
}

export const initialPlacementsOutside = (): PlacementsOutside => ({ placements: [] });

export function evolvePlacementsOutside(
  state: PlacementsOutside,
  event: PlacementOutsideEvent,
): PlacementsOutside {
  switch (event.type) {
    case 'PlacementOutsideHubRecorded':
      return {
        placements: [
          ...state.placements,
          {
            placementId: event.data.placementId,
            description: event.data.description,
            from: event.data.from,
            to: null,
          },
        ],
      };
    case 'PlacementOutsideHubEnded':
      return {
        placements: state.placements.map((p) =>
          p.placementId === event.data.placementId ? { ...p, to: event.data.on } : p,
        ),
      };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

export interface RecordPlacementOutside {
  placementId: string;
  youngPersonId: string;
  /** The case's hub (from the case, by the handler). */
  hubId: string;
  description: string;
  from: string;
  /** When it has ended already (a placement before they came to the hub). */
  end: { on: string; rec: string; reasonPlaceChange: string | null } | null;
  episode: EpisodeData;
  urn: string | null;
  now: string;
}

export interface EndPlacementOutside {
  placementId: string;
  youngPersonId: string;
  hubId: string;
  on: string;
  rec: string;
  reasonPlaceChange: string | null;
}

const overlaps = (a: { from: string; to: string | null }, b: { from: string; to: string | null }) =>
  a.from < (b.to ?? '9999-12-31') && b.from < (a.to ?? '9999-12-31');

/** One placement outside the hub at a time, each ending after it starts. */
export function decideRecordPlacementOutside(
  c: RecordPlacementOutside,
  state: PlacementsOutside,
): PlacementOutsideEvent[] {
  if (c.end && c.end.on <= c.from) {
    throw new DomainError(
      'PLACEMENT.END_BEFORE_START',
      'a placement ends on a day after it starts',
      422,
      'end.on',
    );
  }
  const mine = { from: c.from, to: c.end?.on ?? null };
  const clash = state.placements.find((p) => overlaps(p, mine));
  if (clash) {
    throw new DomainError(
      'PLACEMENT.OVERLAPS',
      `it overlaps ${clash.description} (from ${clash.from}${clash.to ? ` to ${clash.to}` : ''})`,
      409,
      'from',
    );
  }
  const recorded: PlacementOutsideEvent = {
    type: 'PlacementOutsideHubRecorded',
    data: {
      placementId: c.placementId,
      youngPersonId: c.youngPersonId,
      hubId: c.hubId,
      description: c.description.trim(),
      from: c.from,
      episode: c.episode,
      urn: c.urn,
      recordedAt: c.now,
    },
  };
  if (!c.end) return [recorded];
  return [
    recorded,
    {
      type: 'PlacementOutsideHubEnded',
      data: {
        placementId: c.placementId,
        youngPersonId: c.youngPersonId,
        hubId: c.hubId,
        ...c.end,
      },
    },
  ];
}

export function decideEndPlacementOutside(
  c: EndPlacementOutside,
  state: PlacementsOutside,
): PlacementOutsideEvent[] {
  const p = state.placements.find((x) => x.placementId === c.placementId);
  if (!p) throw new DomainError('PLACEMENT.NOT_FOUND', 'no such placement outside the hub', 404);
  if (p.to) throw new DomainError('PLACEMENT.ENDED', `it ended on ${p.to}`, 409);
  if (c.on <= p.from) {
    throw new DomainError(
      'PLACEMENT.END_BEFORE_START',
      `it started on ${p.from}: it ends on a later day`,
      422,
      'on',
    );
  }
  return [
    {
      type: 'PlacementOutsideHubEnded',
      data: {
        placementId: c.placementId,
        youngPersonId: c.youngPersonId,
        hubId: c.hubId,
        on: c.on,
        rec: c.rec,
        reasonPlaceChange: c.reasonPlaceChange,
      },
    },
  ];
}

const decider = <C>(
  decide: (c: C, s: PlacementsOutside) => PlacementOutsideEvent[],
): Decider<C, PlacementOutsideEvent, PlacementsOutside> => ({
  decide,
  evolve: evolvePlacementsOutside,
  initialState: initialPlacementsOutside,
});
export const recordPlacementOutside = decider(decideRecordPlacementOutside);
export const endPlacementOutside = decider(decideEndPlacementOutside);
