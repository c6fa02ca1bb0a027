import { ageOn, DomainError, type Decider } from '#kernel';
import {
  FGC_STAGES,
  POST_16_STATUSES,
  SCHOOL_STATUSES,
  type BaselineCounts,
  type EteStatus,
  type FgcStage,
  type JusticeKind,
  type OutcomeEvent,
  type RiskMarker,
} from '../outcomes.events.js';

/** What a young person's outcomes stream says, folded: what the rules below need. */
export interface OutcomeRecord {
  markers: Record<string, { kind: RiskMarker; openedOn: string; closed: boolean }>;
  baseline: boolean;
  /** Each conference's stages so far, in order, with the day of the last. */
  conferences: Record<string, { stages: FgcStage[]; lastOn: string }>;
}

export const initialOutcomeRecord = (): OutcomeRecord => ({
  markers: {},
  baseline: false,
  conferences: {},
});

export function evolveOutcomeRecord(state: OutcomeRecord, event: OutcomeEvent): OutcomeRecord {
  switch (event.type) {
    case 'RiskMarkerOpened': {
      const { markerId, kind, on } = event.data;
      return {
        ...state,
        markers: { ...state.markers, [markerId]: { kind, openedOn: on, closed: false } },
      };
    }
    case 'RiskMarkerClosed': {
      const marker = state.markers[event.data.markerId];
      return marker
        ? {
            ...state,
            markers: { ...state.markers, [event.data.markerId]: { ...marker, closed: true } },
          }
        : state;
    }
    case 'BaselineRecorded':
      return { ...state, baseline: true };
    case 'FamilyGroupConferenceRecorded': {
      const { fgcId, stage, on } = event.data;
      const known = state.conferences[fgcId]?.stages ?? [];
      return {
        ...state,
        conferences: { ...state.conferences, [fgcId]: { stages: [...known, stage], lastOn: on } },
      };
    }
    case 'JusticeEventRecorded':
    case 'EducationStatusRecorded':
      return state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

/** A conference's next stage: planned, held, plan agreed, then reviewed as often as it is. */
export function nextConferenceStage(last: FgcStage | undefined): FgcStage {
  if (last === undefined) return 'planned';
  return last === 'reviewed' ? 'reviewed' : FGC_STAGES[FGC_STAGES.indexOf(last) + 1];
}

/** The case as the handler found it. */
export interface OutcomeCase {
  youngPersonId: string;
  hubId: string;
  caseStatus: string;
  dateOfBirth: string;
  /** Today (YYYY-MM-DD) by the handler's clock. */
  today: string;
}

export type OutcomeCommand = OutcomeCase &
  (
    | { action: 'justice'; entryId: string; kind: JusticeKind; on: string; note: string }
    | {
        action: 'education';
        entryId: string;
        status: EteStatus;
        from: string;
        attendance: number | null;
        atReview: boolean;
      }
    | { action: 'open-marker'; markerId: string; kind: RiskMarker; on: string; note: string }
    | { action: 'close-marker'; markerId: string; on: string; note: string }
    | ({ action: 'baseline'; source: string; reason: string } & BaselineCounts)
    | { action: 'conference'; fgcId: string; stage: FgcStage; on: string; note: string }
  );

/** The commands' inputs as the API gives them: the case facts are the handler's to add. */
export type OutcomeInput = DistributiveOmit<
  OutcomeCommand,
  Exclude<keyof OutcomeCase, 'youngPersonId'>
>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Outcomes are recorded while the hub works with the young person, and after a step away. */
const OPEN = ['accepted', 'stepped_away'];

function day(c: OutcomeCase, on: string, field: string) {
  if (on > c.today) {
    throw new DomainError('OUTCOME.DATE_IN_FUTURE', `${on} is after today`, 422, field);
  }
  if (on < c.dateOfBirth) {
    throw new DomainError(
      'OUTCOME.BEFORE_BIRTH',
      `${on} is before their date of birth (${c.dateOfBirth})`,
      422,
      field,
    );
  }
}

export function decideOutcome(c: OutcomeCommand, state: OutcomeRecord): OutcomeEvent[] {
  if (!OPEN.includes(c.caseStatus)) {
    throw new DomainError(
      'CASE.NOT_ACCEPTED',
      `the case is ${c.caseStatus}: outcomes are recorded on accepted cases`,
    );
  }
  const on = { youngPersonId: c.youngPersonId, hubId: c.hubId };
  switch (c.action) {
    case 'justice':
      day(c, c.on, 'on');
      return [
        {
          type: 'JusticeEventRecorded',
          data: { ...on, entryId: c.entryId, kind: c.kind, on: c.on, note: c.note.trim() },
        },
      ];
    case 'education': {
      day(c, c.from, 'from');
      const under16 = ageOn(c.dateOfBirth, c.from) < 16;
      const allowed: readonly string[] = under16 ? SCHOOL_STATUSES : POST_16_STATUSES;
      if (!allowed.includes(c.status)) {
        throw new DomainError(
          'OUTCOME.STATUS_FOR_AGE',
          under16
            ? 'under 16 on that day: say how they are at school'
            : '16 or over on that day: say whether they are in education, training, employment, or none of them',
          422,
          'status',
        );
      }
      if (c.attendance !== null && !under16) {
        throw new DomainError(
          'OUTCOME.ATTENDANCE_UNDER_16',
          'school attendance is recorded for under-16s',
          422,
          'attendance',
        );
      }
      return [
        {
          type: 'EducationStatusRecorded',
          data: {
            ...on,
            entryId: c.entryId,
            status: c.status,
            from: c.from,
            attendance: c.attendance,
            atReview: c.atReview,
          },
        },
      ];
    }
    case 'open-marker': {
      day(c, c.on, 'on');
      if (Object.values(state.markers).some((m) => m.kind === c.kind && !m.closed)) {
        throw new DomainError(
          'OUTCOME.MARKER_OPEN',
          'this concern is open already: close it before opening it again',
          409,
          'kind',
        );
      }
      return [
        {
          type: 'RiskMarkerOpened',
          data: { ...on, markerId: c.markerId, kind: c.kind, on: c.on, note: c.note.trim() },
        },
      ];
    }
    case 'close-marker': {
      const marker = state.markers[c.markerId];
      if (!marker || marker.closed) {
        throw new DomainError('OUTCOME.MARKER_NOT_OPEN', 'no such open concern', 409);
      }
      day(c, c.on, 'on');
      if (c.on < marker.openedOn) {
        throw new DomainError(
          'OUTCOME.CLOSE_BEFORE_OPEN',
          `it was opened on ${marker.openedOn}`,
          422,
          'on',
        );
      }
      return [
        {
          type: 'RiskMarkerClosed',
          data: { ...on, markerId: c.markerId, kind: marker.kind, on: c.on, note: c.note.trim() },
        },
      ];
    }
    case 'baseline': {
      const reason = c.reason.trim();
      if (state.baseline && !reason) {
        throw new DomainError(
          'OUTCOME.BASELINE_RECORDED',
          'the year before is recorded already: say why it is recorded again',
          409,
          'reason',
        );
      }
      const { missingEpisodes, arrests, placements, residentialNights, exclusions } = c;
      return [
        {
          type: 'BaselineRecorded',
          data: {
            ...on,
            missingEpisodes,
            arrests,
            placements,
            residentialNights,
            exclusions,
            source: c.source.trim(),
            replaces: state.baseline,
            reason,
          },
        },
      ];
    }
    case 'conference': {
      // A conference is planned for a day to come; each later stage is on a day gone.
      if (c.stage !== 'planned' || c.on < c.dateOfBirth) day(c, c.on, 'on');
      const known = state.conferences[c.fgcId];
      const last = known?.stages.at(-1);
      const next = nextConferenceStage(last);
      if (c.stage !== next) {
        throw new DomainError(
          'OUTCOME.FGC_STAGE_ORDER',
          last === undefined
            ? 'a family group conference is planned first'
            : `after "${last.replace('_', ' ')}" comes "${next.replace('_', ' ')}"`,
          409,
          'stage',
        );
      }
      if (known && c.on < known.lastOn && last !== 'planned') {
        throw new DomainError(
          'OUTCOME.FGC_DATE',
          `the last stage was on ${known.lastOn}`,
          422,
          'on',
        );
      }
      return [
        {
          type: 'FamilyGroupConferenceRecorded',
          data: { ...on, fgcId: c.fgcId, stage: c.stage, on: c.on, note: c.note.trim() },
        },
      ];
    }
    default: {
      const _exhaustive: never = c;
      return [];
    }
  }
}

export const recordOutcome: Decider<OutcomeCommand, OutcomeEvent, OutcomeRecord> = {
  decide: decideOutcome,
  evolve: evolveOutcomeRecord,
  initialState: initialOutcomeRecord,
};
