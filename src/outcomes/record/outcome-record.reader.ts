import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '#event-store';
import { EVENT_STORE } from '#platform';
import {
  outcomesStreamId,
  type BaselineCounts,
  type EteStatus,
  type FgcStage,
  type JusticeKind,
  type OutcomeEvent,
  type RiskMarker,
} from '../outcomes.events.js';

/** A young person's outcomes as their stream has them (never stale), newest first in each list. */
export interface OutcomeRecordView {
  youngPersonId: string;
  justice: { entryId: string; kind: JusticeKind; on: string; note: string }[];
  education: {
    entryId: string;
    status: EteStatus;
    from: string;
    attendance: number | null;
    atReview: boolean;
  }[];
  markers: {
    markerId: string;
    kind: RiskMarker;
    openedOn: string;
    note: string;
    closedOn: string | null;
    closingNote: string | null;
  }[];
  baseline: (BaselineCounts & { source: string; recordedAt: string; times: number }) | null;
  conferences: { fgcId: string; stages: { stage: FgcStage; on: string; note: string }[] }[];
  /** The log position of the last event read (for `?after=` elsewhere). */
  position: number;
}

@Injectable()
export class OutcomeRecordReader {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async of(youngPersonId: string): Promise<OutcomeRecordView> {
    const events = await this.store.readStream(outcomesStreamId(youngPersonId));
    const view: OutcomeRecordView = {
      youngPersonId,
      justice: [],
      education: [],
      markers: [],
      baseline: null,
      conferences: [],
      position: events.at(-1)?.position ?? 0,
    };
    for (const stored of events) {
      const e = { type: stored.type, data: stored.data } as OutcomeEvent;
      switch (e.type) {
        case 'JusticeEventRecorded': {
          const { entryId, kind, on, note } = e.data;
          view.justice.push({ entryId, kind, on, note });
          break;
        }
        case 'EducationStatusRecorded': {
          const { entryId, status, from, attendance, atReview } = e.data;
          view.education.push({ entryId, status, from, attendance, atReview });
          break;
        }
        case 'RiskMarkerOpened':
          view.markers.push({
            markerId: e.data.markerId,
            kind: e.data.kind,
            openedOn: e.data.on,
            note: e.data.note,
            closedOn: null,
            closingNote: null,
          });
          break;
        case 'RiskMarkerClosed': {
          const marker = view.markers.find((m) => m.markerId === e.data.markerId);
          if (marker) Object.assign(marker, { closedOn: e.data.on, closingNote: e.data.note });
          break;
        }
        case 'BaselineRecorded': {
          const { missingEpisodes, arrests, placements, residentialNights, exclusions, source } =
            e.data;
          view.baseline = {
            missingEpisodes,
            arrests,
            placements,
            residentialNights,
            exclusions,
            source,
            recordedAt: stored.recordedAt,
            times: (view.baseline?.times ?? 0) + 1,
          };
          break;
        }
        case 'FamilyGroupConferenceRecorded': {
          const { fgcId, stage, on, note } = e.data;
          let fgc = view.conferences.find((c) => c.fgcId === fgcId);
          if (!fgc) view.conferences.push((fgc = { fgcId, stages: [] }));
          fgc.stages.push({ stage, on, note });
          break;
        }
      }
    }
    const newest = <T>(xs: T[], key: (x: T) => string) =>
      xs.sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
    newest(view.justice, (j) => j.on);
    newest(view.education, (x) => x.from);
    newest(view.markers, (m) => m.openedOn);
    return view;
  }
}
