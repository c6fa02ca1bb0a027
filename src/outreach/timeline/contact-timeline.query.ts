import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { decodeCursor, READ_DB, toPage, type Page } from '#platform';
import {
  keepRows,
  rowsOf,
  scopeSql,
  type AccessScope,
  type RowsAboutYoungPeople,
} from '../../access/index.js';
import type { ContactDetails, ContactKind, PortfolioArea } from '../outreach.events.js';

export interface ContactView extends ContactDetails {
  contactId: string;
  youngPersonId: string;
  hubId: string;
  worker: { id: string; name: string };
  recordedAt: string;
  /** Recorded more than LATE_RECORDING_HOURS after it happened. */
  lateRecorded: boolean;
  /** Corrections in order: who, when, why, and the values they replaced. */
  amendments: {
    by: { id: string; name: string };
    at: string;
    reason: string;
    changes: Partial<ContactDetails>;
    previous: Partial<ContactDetails>;
  }[];
}

interface Row {
  contact_id: string;
  young_person_id: string;
  hub_id: string;
  worker_id: string;
  worker_name: string;
  occurred_at: Date | string;
  recorded_at: Date | string;
  kind: ContactKind;
  location: string | null;
  duration_minutes: number | null;
  present: ContactDetails['present'];
  notes: string;
  portfolio_areas: ContactDetails['portfolioAreas'];
  follow_ups: ContactDetails['followUps'];
  late_recorded: boolean;
  amendments: ContactView['amendments'];
}

const iso = (v: Date | string) => new Date(v).toISOString();

export function toContactView(r: Row): ContactView {
  return {
    contactId: r.contact_id,
    youngPersonId: r.young_person_id,
    hubId: r.hub_id,
    worker: { id: r.worker_id, name: r.worker_name },
    occurredAt: iso(r.occurred_at),
    recordedAt: iso(r.recorded_at),
    lateRecorded: r.late_recorded,
    kind: r.kind,
    location: r.location,
    durationMinutes: r.duration_minutes,
    present: r.present,
    notes: r.notes,
    portfolioAreas: r.portfolio_areas,
    followUps: r.follow_ups,
    amendments: r.amendments,
  };
}

export class GetContactTimeline extends Query<Page<ContactView>> {
  constructor(
    readonly youngPersonId: string,
    readonly filter: { kind?: ContactKind; workerId?: string; area?: PortfolioArea },
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}

/** A young person's contacts, newest first by when they happened (not when they were typed). */
@QueryHandler(GetContactTimeline)
export class GetContactTimelineHandler implements IQueryHandler<GetContactTimeline> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute(q: GetContactTimeline): Promise<Page<ContactView>> {
    const after = decodeCursor(q.cursor, 2);
    const r = await this.db.query<Row>(
      `SELECT * FROM rm_contact_timeline.contacts
       WHERE young_person_id = $1
         AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR worker_id = $3)
         AND ($4::timestamptz IS NULL OR (occurred_at, contact_id) < ($4::timestamptz, $5::uuid))
         AND ($7::text IS NULL OR portfolio_areas @> jsonb_build_array($7::text))
       ORDER BY occurred_at DESC, contact_id DESC LIMIT $6`,
      [
        q.youngPersonId,
        q.filter.kind ?? null,
        q.filter.workerId ?? null,
        after?.[0] ?? null,
        after?.[1] ?? null,
        q.limit + 1,
        q.filter.area ?? null,
      ],
    );
    return toPage(r.rows, q.limit, (row) => [iso(row.occurred_at), row.contact_id], toContactView);
  }
}

export interface WorkerDay {
  workerId: string;
  /** The calendar day in the UK (Europe/London). */
  date: string;
  contacts: ContactView[];
  followUpsDue: {
    contactId: string;
    youngPersonId: string;
    action: string;
    due: string;
    overdue: boolean;
  }[];
}

/** A worker's day shows young people in its contacts and in the follow-ups due. */
export const workerDayRows: RowsAboutYoungPeople = {
  ids: (response) => {
    const day = response as WorkerDay;
    return [...rowsOf(day.contacts), ...rowsOf(day.followUpsDue)];
  },
  keep: (response, allowed) => {
    const day = response as WorkerDay;
    return {
      ...day,
      contacts: keepRows(day.contacts, allowed),
      followUpsDue: keepRows(day.followUpsDue, allowed),
    };
  },
};

export class GetWorkerDay extends Query<WorkerDay> {
  constructor(
    readonly workerId: string,
    readonly date: string,
    readonly access: AccessScope,
  ) {
    super();
  }
}

/** What a worker logged on a day, and the follow-ups from their contacts due by that day. */
@QueryHandler(GetWorkerDay)
export class GetWorkerDayHandler implements IQueryHandler<GetWorkerDay> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute(q: GetWorkerDay): Promise<WorkerDay> {
    const scope = scopeSql(q.access, { hub: 'hub_id' }, 3);
    const contacts = await this.db.query<Row>(
      `SELECT * FROM rm_contact_timeline.contacts
       WHERE worker_id = $1 AND (occurred_at AT TIME ZONE 'Europe/London')::date = $2::date
         AND ${scope.sql}
       ORDER BY occurred_at, contact_id`,
      [q.workerId, q.date, ...scope.params],
    );
    const due = await this.db.query<{
      contact_id: string;
      young_person_id: string;
      action: string;
      due: string;
    }>(
      `SELECT c.contact_id, c.young_person_id, f.action, f.due
       FROM rm_contact_timeline.contacts c,
            jsonb_to_recordset(c.follow_ups) AS f(action text, due text)
       WHERE c.worker_id = $1 AND f.due <= $2 AND f.due >= ($2::date - 28)::text
         AND ${scope.sql}
       ORDER BY f.due, c.occurred_at`,
      [q.workerId, q.date, ...scope.params],
    );
    return {
      workerId: q.workerId,
      date: q.date,
      contacts: contacts.rows.map(toContactView),
      followUpsDue: due.rows.map((f) => ({
        contactId: f.contact_id,
        youngPersonId: f.young_person_id,
        action: f.action,
        due: f.due,
        overdue: f.due < q.date,
      })),
    };
  }
}
