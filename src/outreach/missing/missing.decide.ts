import { DomainError } from '#kernel';
import type { InterviewOutcome, MissingCategory, OutreachEvent } from '../outreach.events.js';
import {
  notInFuture,
  outreachDecider,
  requireOpenCase,
  type CaseSnapshot,
  type OutreachRecord,
} from '../outreach-record.state.js';
import { CLOCK_SKEW_MS } from '../contacts/contacts.decide.js';

type Person = { id: string; name: string };

export interface ReportMissing extends CaseSnapshot {
  episodeId: string;
  youngPersonId: string;
  category: MissingCategory;
  startedAt: string;
  policeInformed: boolean;
  policeReference: string | null;
  circumstances: string;
  by: Person;
  now: string;
}

export interface UpdateMissing extends CaseSnapshot {
  episodeId: string;
  youngPersonId: string;
  note: string;
  policeReference: string | null;
  now: string;
}

export interface RecordReturn extends CaseSnapshot {
  episodeId: string;
  youngPersonId: string;
  returnedAt: string;
  whereFound: string;
  /** The configured window for offering a return home interview. */
  windowHours: number;
  now: string;
}

export interface RecordInterview extends CaseSnapshot {
  episodeId: string;
  youngPersonId: string;
  outcome: InterviewOutcome;
  at: string;
  by: string | null;
  notes: string | null;
  now: string;
}

function episodeOf(state: OutreachRecord, episodeId: string) {
  const episode = state.episodes.find((e) => e.episodeId === episodeId);
  if (!episode) {
    throw new DomainError(
      'MISSING.EPISODE_NOT_FOUND',
      `no missing episode ${episodeId}`,
      404,
      'episodeId',
    );
  }
  return episode;
}

export function decideReportMissing(c: ReportMissing, state: OutreachRecord): OutreachEvent[] {
  if (state.episodes.some((e) => e.episodeId === c.episodeId)) return [];
  requireOpenCase(c);
  notInFuture(c.startedAt, c.now, CLOCK_SKEW_MS, 'startedAt', 'MISSING.IN_FUTURE');
  const open = state.episodes.find((e) => e.returnedAt === null);
  if (open) {
    throw new DomainError(
      'MISSING.EPISODE_OPEN',
      `this young person is already reported missing (episode ${open.episodeId}): record an update or the return`,
      409,
      'startedAt',
    );
  }
  const overlapped = state.episodes.find(
    (e) => e.returnedAt !== null && c.startedAt < e.returnedAt,
  );
  if (overlapped) {
    throw new DomainError(
      'MISSING.OVERLAPS',
      `a new episode must start after the last return (${overlapped.returnedAt})`,
      409,
      'startedAt',
    );
  }
  if (c.policeInformed === false && c.policeReference) {
    throw new DomainError(
      'MISSING.POLICE_REFERENCE_WITHOUT_REPORT',
      'a police reference means the police were informed',
      422,
      'policeReference',
    );
  }
  return [
    {
      type: 'MissingEpisodeReported',
      data: {
        episodeId: c.episodeId,
        youngPersonId: c.youngPersonId,
        hubId: c.hubId,
        category: c.category,
        startedAt: c.startedAt,
        policeInformed: c.policeInformed,
        policeReference: c.policeReference,
        circumstances: c.circumstances.trim(),
        reportedBy: c.by,
        reportedAt: c.now,
      },
    },
  ];
}

export function decideUpdateMissing(c: UpdateMissing, state: OutreachRecord): OutreachEvent[] {
  const episode = episodeOf(state, c.episodeId);
  if (episode.returnedAt !== null) {
    throw new DomainError('MISSING.EPISODE_CLOSED', 'this episode ended with the return', 409);
  }
  return [
    {
      type: 'MissingEpisodeUpdated',
      data: {
        episodeId: c.episodeId,
        youngPersonId: c.youngPersonId,
        hubId: c.hubId,
        at: c.now,
        note: c.note.trim(),
        policeReference: c.policeReference,
      },
    },
  ];
}

export function decideRecordReturn(c: RecordReturn, state: OutreachRecord): OutreachEvent[] {
  const episode = episodeOf(state, c.episodeId);
  if (episode.returnedAt !== null) {
    if (episode.returnedAt === c.returnedAt) return [];
    throw new DomainError(
      'MISSING.EPISODE_CLOSED',
      `the return was recorded at ${episode.returnedAt}`,
      409,
    );
  }
  notInFuture(c.returnedAt, c.now, CLOCK_SKEW_MS, 'returnedAt', 'MISSING.IN_FUTURE');
  if (c.returnedAt < episode.startedAt) {
    throw new DomainError(
      'MISSING.RETURN_BEFORE_START',
      'the return is before the episode started',
      422,
      'returnedAt',
    );
  }
  const due = new Date(Date.parse(c.returnedAt) + c.windowHours * 3_600_000).toISOString();
  return [
    {
      type: 'YoungPersonReturned',
      data: {
        episodeId: c.episodeId,
        youngPersonId: c.youngPersonId,
        hubId: c.hubId,
        returnedAt: c.returnedAt,
        whereFound: c.whereFound.trim(),
        interviewDueBy: due,
        windowHours: c.windowHours,
      },
    },
  ];
}

/** offered, then accepted or declined; completed once accepted (or straight after an offer). */
const NEXT: Record<InterviewOutcome, InterviewOutcome[]> = {
  offered: [],
  accepted: ['offered'],
  declined: ['offered', 'accepted'],
  completed: ['offered', 'accepted'],
};

export function decideRecordInterview(c: RecordInterview, state: OutreachRecord): OutreachEvent[] {
  const episode = episodeOf(state, c.episodeId);
  if (episode.returnedAt === null) {
    throw new DomainError(
      'INTERVIEW.NOT_RETURNED',
      'record the return before the return interview',
      409,
    );
  }
  const last = episode.interview[episode.interview.length - 1];
  if (last === 'completed' || last === 'declined') {
    throw new DomainError(
      'INTERVIEW.CONCLUDED',
      `the return interview was ${last}`,
      409,
      'outcome',
    );
  }
  if (c.outcome === 'offered' ? last !== undefined : !NEXT[c.outcome].includes(last)) {
    throw new DomainError(
      'INTERVIEW.OUT_OF_ORDER',
      last === undefined ? 'offer the return interview first' : `the interview is ${last} already`,
      409,
      'outcome',
    );
  }
  notInFuture(c.at, c.now, CLOCK_SKEW_MS, 'at', 'INTERVIEW.IN_FUTURE');
  if (c.at < episode.returnedAt) {
    throw new DomainError('INTERVIEW.BEFORE_RETURN', 'the interview follows the return', 422, 'at');
  }
  if (c.outcome === 'completed' && !c.by) {
    throw new DomainError(
      'INTERVIEW.COMPLETED_BY_REQUIRED',
      'say who carried out the interview',
      422,
      'by',
    );
  }
  return [
    {
      type: 'ReturnInterviewRecorded',
      data: {
        episodeId: c.episodeId,
        youngPersonId: c.youngPersonId,
        hubId: c.hubId,
        outcome: c.outcome,
        at: c.at,
        by: c.by,
        notes: c.notes,
      },
    },
  ];
}

export const reportMissing = outreachDecider(decideReportMissing);
export const updateMissing = outreachDecider(decideUpdateMissing);
export const recordReturn = outreachDecider(decideRecordReturn);
export const recordInterview = outreachDecider(decideRecordInterview);
