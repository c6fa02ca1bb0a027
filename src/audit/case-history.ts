import { Inject, Injectable } from '@nestjs/common';
import { SqlEventStore, type EventStore, type StoredEvent } from '#event-store';
import { EVENT_STORE } from '#platform';
import { DomainError } from '#kernel';
import { youngPersonStreamId } from '../young-people/index.js';
import { CaseSnapshots, SNAPSHOT_EVERY } from './case-snapshots.js';
import { KnownCaseBuilder } from './known-case.js';
import type { KnownCase } from './known-case.types.js';
import { readEventsAbout } from '../young-people/index.js';

/** The moment a view reflects: an instant (what was recorded by then) or a case revision. */
export interface AsOf {
  asOf?: string;
  revision?: number;
}

export interface Reflects {
  /** The instant asked for (events recorded up to it), or null. */
  instant: string | null;
  /** The case stream revision asked for, or null. */
  revision: number | null;
  /** The last event folded: its position and when it was recorded. */
  lastEvent: { position: number; recordedAt: string } | null;
  events: number;
}

/** Reads every event about a young person as it was known at an instant or a case revision. */
@Injectable()
export class CaseHistory {
  private readonly snapshots: CaseSnapshots | null;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    // Snapshots live beside the log; with EventStoreDB every view folds from the start.
    this.snapshots = store instanceof SqlEventStore ? new CaseSnapshots(store.db) : null;
  }

  /**
   * The whole case as known at `at`: from the latest snapshot that stands for it, then the
   * events after it; a fold that went past SNAPSHOT_EVERY new events leaves a new snapshot.
   */
  async fold(
    youngPersonId: string,
    at: AsOf = {},
  ): Promise<{ known: KnownCase; reflects: Reflects; fromSnapshotAt: number | null }> {
    const toPosition = await this.positionOf(youngPersonId, at);
    const snapshot = await this.snapshots?.find(youngPersonId, { asOf: at.asOf, toPosition });
    const events = await readEventsAbout(this.store, youngPersonId, {
      recordedUpTo: at.asOf,
      toPosition,
      afterPosition: snapshot?.upToPosition,
    });
    const builder = snapshot
      ? KnownCaseBuilder.restore(youngPersonId, snapshot.state)
      : new KnownCaseBuilder(youngPersonId);
    let maxRecordedAt = snapshot?.lastRecordedAt ?? '';
    for (const e of events) {
      builder.apply(e);
      if (e.recordedAt > maxRecordedAt) maxRecordedAt = e.recordedAt;
    }
    const total = (snapshot?.events ?? 0) + events.length;
    const last = events[events.length - 1];
    if (this.snapshots && last && events.length >= SNAPSHOT_EVERY) {
      await this.snapshots.save(youngPersonId, total, maxRecordedAt, last, builder.snapshot());
    }
    const lastEvent = last
      ? { position: last.position, recordedAt: last.recordedAt }
      : snapshot
        ? { position: snapshot.upToPosition, recordedAt: snapshot.lastRecordedAt }
        : null;
    return {
      fromSnapshotAt: snapshot?.upToPosition ?? null,
      known: builder.view(),
      reflects: {
        instant: at.asOf ? new Date(at.asOf).toISOString() : null,
        revision: at.revision ?? null,
        lastEvent,
        events: total,
      },
    };
  }

  private async positionOf(youngPersonId: string, at: AsOf): Promise<number | undefined> {
    if (at.revision === undefined) return undefined;
    const [event] = await this.store.readStream(youngPersonStreamId(youngPersonId), {
      fromRevision: at.revision,
      toRevision: at.revision,
    });
    if (!event) {
      throw new DomainError(
        'AUDIT.REVISION_NOT_FOUND',
        `the case has no revision ${at.revision}`,
        404,
        'revision',
      );
    }
    return event.position;
  }

  async events(
    youngPersonId: string,
    at: AsOf = {},
  ): Promise<{ events: StoredEvent[]; reflects: Reflects }> {
    const toPosition = await this.positionOf(youngPersonId, at);
    const events = await readEventsAbout(this.store, youngPersonId, {
      recordedUpTo: at.asOf,
      toPosition,
    });
    const last = events[events.length - 1];
    return {
      events,
      reflects: {
        instant: at.asOf ? new Date(at.asOf).toISOString() : null,
        revision: at.revision ?? null,
        lastEvent: last ? { position: last.position, recordedAt: last.recordedAt } : null,
        events: events.length,
      },
    };
  }
}
