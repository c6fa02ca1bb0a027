import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { READ_DB } from '#platform';
import { keepRows, rowsOf, type RowsAboutYoungPeople } from '../../access/index.js';
import { CaseDirectory, type YoungPersonName } from '../../young-people/index.js';
import type { InterviewOutcome, MissingCategory } from '../outreach.events.js';

export interface MissingEpisodeView {
  episodeId: string;
  youngPersonId: string;
  youngPerson: { givenName: string; familyName: string } | null;
  category: MissingCategory;
  startedAt: string;
  policeInformed: boolean;
  policeReference: string | null;
  circumstances: string;
  reportedBy: string;
  updates: { at: string; note: string }[];
  returnedAt: string | null;
  whereFound: string | null;
  /** Whole hours missing: to the return, or to now while still open. */
  durationHours: number;
  returnInterview: {
    dueBy: string;
    windowHours: number;
    /** due (nothing recorded yet), offered, accepted, declined or completed. */
    state: 'due' | InterviewOutcome;
    /** Not offered by the deadline. */
    overdue: boolean;
    history: { outcome: InterviewOutcome; at: string; by: string | null; notes: string | null }[];
  } | null;
}

interface Row {
  episode_id: string;
  young_person_id: string;
  category: MissingCategory;
  started_at: Date | string;
  police_informed: boolean;
  police_reference: string | null;
  circumstances: string;
  reported_by: string;
  updates: { at: string; note: string }[];
  returned_at: Date | string | null;
  where_found: string | null;
  duration_hours: number;
  interview_due_by: Date | string | null;
  window_hours: number | null;
  interview_state: 'due' | InterviewOutcome | null;
  overdue: boolean;
  interview: NonNullable<MissingEpisodeView['returnInterview']>['history'];
}

const iso = (v: Date | string) => new Date(v).toISOString();

const SELECT = `
  SELECT e.*,
    floor(extract(epoch FROM (coalesce(e.returned_at, now()) - e.started_at)) / 3600)::int AS duration_hours,
    (e.returned_at IS NOT NULL AND e.interview_offered_at IS NULL AND e.interview_due_by < now()
      AND e.interview_state = 'due') AS overdue
  FROM rm_missing_board.episodes e`;

function toView(r: Row, names: Map<string, YoungPersonName>): MissingEpisodeView {
  return {
    episodeId: r.episode_id,
    youngPersonId: r.young_person_id,
    youngPerson: names.get(r.young_person_id) ?? null,
    category: r.category,
    startedAt: iso(r.started_at),
    policeInformed: r.police_informed,
    policeReference: r.police_reference,
    circumstances: r.circumstances,
    reportedBy: r.reported_by,
    updates: r.updates,
    returnedAt: r.returned_at ? iso(r.returned_at) : null,
    whereFound: r.where_found,
    durationHours: Number(r.duration_hours),
    returnInterview:
      r.interview_due_by && r.interview_state
        ? {
            dueBy: iso(r.interview_due_by),
            windowHours: r.window_hours ?? 0,
            state: r.interview_state,
            overdue: r.overdue,
            history: r.interview,
          }
        : null,
  };
}

export interface MissingBoard {
  hubId: string;
  /** Young people missing or away now, longest first. */
  open: MissingEpisodeView[];
  /** Returned, with the return home interview not yet completed or declined; overdue first. */
  returnInterviews: MissingEpisodeView[];
}

/** The board's rows: who is missing now and whose return interview is due. */
export const missingBoardRows: RowsAboutYoungPeople = {
  ids: (response) => {
    const board = response as MissingBoard;
    return [...rowsOf(board.open), ...rowsOf(board.returnInterviews)];
  },
  keep: (response, allowed) => {
    const board = response as MissingBoard;
    return {
      ...board,
      open: keepRows(board.open, allowed),
      returnInterviews: keepRows(board.returnInterviews, allowed),
    };
  },
};

export class GetMissingBoard extends Query<MissingBoard> {
  constructor(readonly hubId: string) {
    super();
  }
}

@QueryHandler(GetMissingBoard)
export class GetMissingBoardHandler implements IQueryHandler<GetMissingBoard> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly cases: CaseDirectory,
  ) {}

  async execute({ hubId }: GetMissingBoard): Promise<MissingBoard> {
    const open = await this.db.query<Row>(
      `${SELECT} WHERE e.hub_id = $1 AND e.returned_at IS NULL ORDER BY e.started_at, e.episode_id`,
      [hubId],
    );
    const interviews = await this.db.query<Row>(
      `${SELECT} WHERE e.hub_id = $1 AND e.returned_at IS NOT NULL
         AND e.interview_state IN ('due', 'offered', 'accepted')
       ORDER BY 
         (e.interview_offered_at IS NULL AND e.interview_due_by < now() AND e.interview_state = 'due') DESC,
         e.interview_due_by, e.episode_id`,
      [hubId],
    );
    const names = await this.cases.namesOf(
      [...open.rows, ...interviews.rows].map((r) => r.young_person_id),
    );
    return {
      hubId,
      open: open.rows.map((r) => toView(r, names)),
      returnInterviews: interviews.rows.map((r) => toView(r, names)),
    };
  }
}

export class GetMissingEpisodes extends Query<MissingEpisodeView[]> {
  constructor(readonly youngPersonId: string) {
    super();
  }
}

/** One young person's episodes, newest first. */
@QueryHandler(GetMissingEpisodes)
export class GetMissingEpisodesHandler implements IQueryHandler<GetMissingEpisodes> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly cases: CaseDirectory,
  ) {}

  async execute({ youngPersonId }: GetMissingEpisodes): Promise<MissingEpisodeView[]> {
    const r = await this.db.query<Row>(
      `${SELECT} WHERE e.young_person_id = $1 ORDER BY e.started_at DESC, e.episode_id`,
      [youngPersonId],
    );
    const names = await this.cases.namesOf([youngPersonId]);
    return r.rows.map((row) => toView(row, names));
  }
}
