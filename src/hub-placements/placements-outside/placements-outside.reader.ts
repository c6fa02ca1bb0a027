import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import type { EpisodeData } from '../hub-placements.events.js';
import {
  placementsOutsideStreamId,
  type PlacementOutsideEvent,
} from './placements-outside.events.js';

export interface PlacementOutsideView {
  placementId: string;
  description: string;
  from: string;
  to: string | null;
  episode: EpisodeData;
  urn: string | null;
  rec: string | null;
}

/** A young person's placements outside the hub, from their stream (a handful at most). */
@Injectable()
export class PlacementsOutsideReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async of(youngPersonId: string): Promise<PlacementOutsideView[]> {
    const events = (await this.store.readStream(
      placementsOutsideStreamId(youngPersonId),
    )) as unknown as PlacementOutsideEvent[];
    const list: PlacementOutsideView[] = [];
    for (const e of events) {
      if (e.type === 'PlacementOutsideHubRecorded') {
        list.push({
          placementId: e.data.placementId,
          description: e.data.description,
          from: e.data.from,
          to: null,
          episode: e.data.episode,
          urn: e.data.urn,
          rec: null,
        });
      } else {
        const p = list.find((x) => x.placementId === e.data.placementId);
        if (p) Object.assign(p, { to: e.data.on, rec: e.data.rec });
      }
    }
    return list.sort((a, b) => a.from.localeCompare(b.from));
  }
}
