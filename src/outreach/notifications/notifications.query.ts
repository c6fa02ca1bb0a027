import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { decodeCursor, READ_DB, toPage, type Page } from '#platform';
import type { IncidentKind, NotifyRecipient } from '../outreach.events.js';
import { CaseDirectory } from '../../young-people/index.js';

export interface PendingNotification {
  incidentId: string;
  recipient: NotifyRecipient;
  youngPersonId: string;
  youngPerson: { givenName: string; familyName: string } | null;
  kind: IncidentKind;
  occurredAt: string;
  recordedAt: string;
  /** Whole hours since the incident was recorded. */
  waitingHours: number;
}

export class GetPendingNotifications extends Query<Page<PendingNotification>> {
  constructor(
    readonly hubId: string,
    readonly limit: number,
    readonly cursor: string | undefined,
  ) {
    super();
  }
}

interface Row {
  incident_id: string;
  recipient: NotifyRecipient;
  young_person_id: string;
  kind: IncidentKind;
  occurred_at: Date | string;
  recorded_at: Date | string;
  waiting_hours: number;
}

const iso = (v: Date | string) => new Date(v).toISOString();

/** Reg 40 notifications owed and not yet recorded as sent, oldest first. */
@QueryHandler(GetPendingNotifications)
export class GetPendingNotificationsHandler implements IQueryHandler<GetPendingNotifications> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly cases: CaseDirectory,
  ) {}

  async execute(q: GetPendingNotifications): Promise<Page<PendingNotification>> {
    const after = decodeCursor(q.cursor, 3);
    const r = await this.db.query<Row>(
      `SELECT n.*,
         floor(extract(epoch FROM (now() - n.recorded_at)) / 3600)::int AS waiting_hours
       FROM rm_incidents.notifications n
       WHERE n.hub_id = $1 AND n.notified_at IS NULL
         AND ($2::timestamptz IS NULL
              OR (n.recorded_at, n.incident_id, n.recipient) > ($2::timestamptz, $3::uuid, $4::text))
       ORDER BY n.recorded_at, n.incident_id, n.recipient LIMIT $5`,
      [q.hubId, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, q.limit + 1],
    );
    const names = await this.cases.namesOf(r.rows.map((row) => row.young_person_id));
    return toPage(
      r.rows,
      q.limit,
      (row) => [iso(row.recorded_at), row.incident_id, row.recipient],
      (row) => ({
        incidentId: row.incident_id,
        recipient: row.recipient,
        youngPersonId: row.young_person_id,
        youngPerson: names.get(row.young_person_id) ?? null,
        kind: row.kind,
        occurredAt: iso(row.occurred_at),
        recordedAt: iso(row.recorded_at),
        waitingHours: Number(row.waiting_hours),
      }),
    );
  }
}

export interface Indicators {
  youngPersonId: string;
  /** The period counted: from (inclusive) to (exclusive), by when things happened. */
  period: { from: string; to: string };
  missingEpisodes: { missing: number; away: number; total: number; hoursMissing: number };
  incidents: { total: number; byKind: Partial<Record<IncidentKind, number>>; notifiable: number };
}

export class GetIndicators extends Query<Indicators> {
  constructor(
    readonly youngPersonId: string,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}

/** The evaluations' high-risk-behaviour indicators for one young person over a stated period. */
@QueryHandler(GetIndicators)
export class GetIndicatorsHandler implements IQueryHandler<GetIndicators> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute({ youngPersonId, from, to }: GetIndicators): Promise<Indicators> {
    const missing = await this.db.query<{ category: string; n: number; hours: number }>(
      `SELECT category, count(*)::int AS n,
         coalesce(sum(floor(extract(epoch FROM (coalesce(returned_at, now()) - started_at)) / 3600)), 0)::int AS hours
       FROM rm_missing_board.episodes
       WHERE young_person_id = $1 AND started_at >= $2::date AND started_at < $3::date
       GROUP BY category`,
      [youngPersonId, from, to],
    );
    const incidents = await this.db.query<{ kind: IncidentKind; n: number; notifiable: number }>(
      `SELECT i.kind, count(*)::int AS n,
         count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM rm_incidents.notifications x WHERE x.incident_id = i.incident_id))::int AS notifiable
       FROM rm_incidents.incidents i
       WHERE i.young_person_id = $1 AND i.occurred_at >= $2::date AND i.occurred_at < $3::date
       GROUP BY i.kind`,
      [youngPersonId, from, to],
    );
    const count = (c: string) => missing.rows.find((r) => r.category === c)?.n ?? 0;
    return {
      youngPersonId,
      period: { from, to },
      missingEpisodes: {
        missing: count('M'),
        away: count('A'),
        total: count('M') + count('A'),
        hoursMissing: missing.rows.reduce((sum, r) => sum + Number(r.hours), 0),
      },
      incidents: {
        total: incidents.rows.reduce((sum, r) => sum + r.n, 0),
        byKind: Object.fromEntries(incidents.rows.map((r) => [r.kind, r.n])),
        notifiable: incidents.rows.reduce((sum, r) => sum + r.notifiable, 0),
      },
    };
  }
}
