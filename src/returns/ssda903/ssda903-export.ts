import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventStore, JsonObject } from '#event-store';
import { EVENT_STORE } from '#platform';
import {
  COLLECTION_YEARS,
  isSupportedCollectionYear,
  previousCollectionYear,
  type TableRow,
} from '#ssda903';
import { DomainError } from '#kernel';
import { HubDirectory } from '../../hub-placements/index.js';
import { CaseDirectory, readEventsAbout } from '../../young-people/index.js';
import {
  deriveSsda903,
  type ChildInput,
  type HubFacts,
  type PreviousReturn,
  type Ssda903Return,
} from './ssda903.derive.js';
import { ssda903ReturnStreamId, type Ssda903ReturnRecorded } from './ssda903.events.js';

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

  /** The return, with the hubs it covers (read once, for whoever shows their councils). */
  async derive(year: string, scope: ReturnScope): Promise<Ssda903Return & { hubs: HubFacts[] }> {
    if (!isSupportedCollectionYear(year)) {
      throw new DomainError(
        'RETURN.YEAR_NOT_SUPPORTED',
        `the return can be made for ${COLLECTION_YEARS.join(' and ')} (the years this version holds); not ${year}`,
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
    const laCodes = [...new Set(hubs.flatMap((h) => (h.laCode ? [h.laCode] : [])))];
    const r = deriveSsda903(year, children, byId, await this.previous(year, laCodes));
    return { ...r, hubs };
  }

  /** Last year's returns as recorded for these councils (null when none was recorded). */
  private async previous(year: string, laCodes: readonly string[]): Promise<PreviousReturn | null> {
    const last = previousCollectionYear(year);
    const recorded = (
      await Promise.all(
        laCodes.map(async (la) =>
          (await this.store.readStream(ssda903ReturnStreamId(la, last))).at(-1),
        ),
      )
    ).flatMap((e) => (e ? [e.data as unknown as Ssda903ReturnRecorded['data']] : []));
    if (recorded.length === 0) return null;
    return {
      year: last,
      header: recorded.flatMap((r) => r.header),
      openEpisodes: recorded.flatMap((r) => r.openEpisodes),
    };
  }

  /** What was recorded as sent for a council's year, if anything. */
  async recorded(year: string, laCode: string): Promise<Ssda903ReturnRecorded['data'] | null> {
    const last = (await this.store.readStream(ssda903ReturnStreamId(laCode, year))).at(-1);
    return last ? (last.data as unknown as Ssda903ReturnRecorded['data']) : null;
  }

  /**
   * Records a council's return as sent: what next year's must carry on. Refused while something
   * stands in the way (a return with problems is not the one the council sends).
   */
  async record(
    year: string,
    laCode: string,
    actor: { id: string; name: string },
  ): Promise<{ position: number; return: Ssda903Return }> {
    const r = await this.derive(year, { hubIds: null, laCode });
    if (r.problems.length > 0) {
      throw new DomainError(
        'RETURN.NOT_READY',
        `${r.problems.length} problem(s) stand in the way; put them right before recording the return as sent`,
        409,
      );
    }
    const now = new Date().toISOString();
    const data: Ssda903ReturnRecorded['data'] = {
      laCode,
      year,
      hubIds: r.hubs.map((h) => h.hubId),
      header: r.tables.header,
      openEpisodes: r.tables.episodes.filter((e: TableRow<'episodes'>) => e.DEC === null),
      rows: Object.fromEntries(Object.entries(r.tables).map(([t, rows]) => [t, rows.length])),
      recordedAt: now,
    };
    const appended = await this.store.append(
      ssda903ReturnStreamId(laCode, year),
      [
        {
          eventId: randomUUID(),
          type: 'Ssda903ReturnRecorded',
          data: data as unknown as JsonObject,
          metadata: {
            actor,
            correlationId: randomUUID(),
            causationId: null,
            occurredAt: now,
            schemaVersion: 1,
          },
        },
      ],
      { expectedRevision: 'any' },
    );
    return { position: appended.position, return: r };
  }
}
