import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import { fold } from '#kernel';
import type { HubRegister } from '../young-people/index.js';
import { hubStreamId, type HubEvent } from './hub-placements.events.js';
import { evolveHub, initialHub, type Hub } from './hub.state.js';

/** What other modules may ask about a hub, answered from the hub's own stream (never stale). */
@Injectable()
export class HubDirectory implements HubRegister {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async find(hubId: string): Promise<Hub> {
    const events = await this.store.readStream(hubStreamId(hubId));
    return fold<HubEvent, Hub>({ evolve: evolveHub, initialState: initialHub }, events);
  }

  async statusOf(hubId: string): Promise<'none' | 'open'> {
    return (await this.find(hubId)).status;
  }
}
