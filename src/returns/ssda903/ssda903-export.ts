import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import { isSupportedCollectionYear } from '#ssda903';
import { DomainError } from '#kernel';
import { HubDirectory } from '../../hub-placements/index.js';
import { CaseDirectory, readEventsAbout } from '../../young-people/index.js';
import {
  deriveSsda903,
  type ChildInput,
  type HubFacts,
  type Ssda903Return,
} from './ssda903.derive.js';

/** Whose return: the hubs a caller may see, narrowed to one council by its ONS code. */
export interface ReturnScope {
  /** null: every hub. */
  hubIds: readonly string[] | null;
  laCode?: string;
}

/**
 * Gathers what the return is derived from: each hub's registration from its stream, and every
 * event about each young person of those hubs (read by the log's young person tag), then derives.
 * Reads the log, not read models, so the return is what the log says.
 */
@Injectable()
export class Ssda903Export {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly hubs: HubDirectory,
    private readonly cases: CaseDirectory,
  ) {}

  /** The hubs a return would cover, with their registrations. */
  hubsOf(hubIds: readonly string[] | null) {
    return this.hubs.registrations(hubIds ?? undefined);
  }

  async derive(year: string, scope: ReturnScope): Promise<Ssda903Return> {
    if (!isSupportedCollectionYear(year)) {
      throw new DomainError(
        'RETURN.YEAR_NOT_SUPPORTED',
        `the return can be made for 2025-26 (the code lists this version holds); not ${year}`,
        400,
        'year',
      );
    }
    let hubs = await this.hubs.registrations(scope.hubIds ?? undefined);
    if (scope.laCode) hubs = hubs.filter((h) => h.laCode === scope.laCode);
    const byId = new Map<string, HubFacts>(hubs.map((h) => [h.hubId, h]));
    const cases = await this.cases.casesOfHubs([...byId.keys()]);
    const children: ChildInput[] = [];
    // Ten at a time: a council's few hundred young people, without one query per person in turn.
    for (let i = 0; i < cases.length; i += 10) {
      const batch = cases.slice(i, i + 10);
      const events = await Promise.all(
        batch.map((c) => readEventsAbout(this.store, c.youngPersonId)),
      );
      batch.forEach((c, j) =>
        children.push({
          youngPersonId: c.youngPersonId,
          hubId: c.hubId,
          name: `${c.givenName} ${c.familyName}`,
          events: events[j],
        }),
      );
    }
    return deriveSsda903(year, children, byId);
  }
}
