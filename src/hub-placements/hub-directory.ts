import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, SqlDatabase } from '#event-store';
import { EVENT_STORE, READ_DB } from '#platform';
import { fold } from '#kernel';
import type { HubRegister, HubStaffMember } from '../young-people/index.js';
import { hubStreamId, type HubEvent } from './hub-placements.events.js';
import { evolveHub, initialHub, type Hub } from './hub.state.js';
import type { StaffEvent } from './staff/staff.events.js';
import { STAFF_ROLE_NAMES, staffStreamId } from './staff/staff.events.js';
import { currentStaff, evolveStaff, initialStaff, type HubStaff } from './staff/staff.state.js';

export interface HubRegistration {
  hubId: string;
  name: string;
  laCode: string | null;
  ofstedUrn: string | null;
}

/** What other modules may ask about a hub, answered from the hub's own stream (never stale). */
@Injectable()
export class HubDirectory implements HubRegister {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: SqlDatabase,
  ) {}

  /**
   * Every hub (or those of `hubIds`) with its council and Ofsted number, from each hub's stream:
   * what a statutory return is made for.
   */
  async registrations(hubIds?: readonly string[]): Promise<HubRegistration[]> {
    const ids = hubIds
      ? [...hubIds]
      : (
          await this.db.query<{ id: string }>(`SELECT hub_id::text AS id FROM rm_hubs_list.hubs`)
        ).rows.map((r) => r.id);
    const hubs = await Promise.all(ids.map((id) => this.find(id)));
    return hubs.flatMap((hub) =>
      hub.status === 'open'
        ? [
            {
              hubId: hub.hubId,
              name: hub.name,
              laCode: hub.registration?.laCode ?? null,
              ofstedUrn: hub.registration?.ofstedUrn ?? null,
            },
          ]
        : [],
    );
  }

  async find(hubId: string): Promise<Hub> {
    const events = await this.store.readStream(hubStreamId(hubId));
    return fold<HubEvent, Hub>({ evolve: evolveHub, initialState: initialHub }, events);
  }

  /** Everyone who has worked in the hub, from its staff stream. */
  async staffList(hubId: string): Promise<HubStaff> {
    const events = await this.store.readStream(staffStreamId(hubId));
    return fold<StaffEvent, HubStaff>({ evolve: evolveStaff, initialState: initialStaff }, events);
  }

  /** Who works in the hub now: the people a case can be allocated to. */
  async staffOf(hubId: string): Promise<HubStaffMember[]> {
    return currentStaff(await this.staffList(hubId)).map(({ staffId, name, role, signIn }) => ({
      staffId,
      name,
      role: STAFF_ROLE_NAMES[role],
      signIn,
    }));
  }

  async statusOf(hubId: string): Promise<'none' | 'open'> {
    return (await this.find(hubId)).status;
  }

  /** A hub's name, for lists that span hubs (null: no such hub). */
  async nameOf(hubId: string): Promise<string | null> {
    const hub = await this.find(hubId);
    return hub.status === 'open' ? hub.name : null;
  }
}
