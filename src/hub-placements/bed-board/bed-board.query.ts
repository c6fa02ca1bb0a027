import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { READ_DB } from '#platform';
import { DomainError } from '#kernel';
import type { RowsAboutYoungPeople } from '../../access/index.js';
import { CaseDirectory, type YoungPersonName } from '../../young-people/index.js';

const nameOf = (n: YoungPersonName | undefined) =>
  n ? `${n.givenName} ${n.familyName}`.trim() : null;

export interface BedBoardBed {
  bedId: string;
  name: string;
  kind: 'planned' | 'emergency';
  state: 'free' | 'occupied' | 'out_of_use';
  occupant: {
    youngPersonId: string;
    name: string | null;
    since: string;
    plannedEnd: string | null;
    daysInBed: number;
    /** Days past the hub's stay threshold (0 while within it): no longer a short-term stay. */
    daysOverThreshold: number;
  } | null;
  outOfUse: { reason: string; from: string } | null;
}

export interface BedBoard {
  hubId: string;
  stayThresholdWeeks: number;
  free: { planned: number; emergency: number };
  beds: BedBoardBed[];
}

/**
 * The board's rows about young people are its occupants. A bed whose occupant may not be shown
 * to the caller stays occupied, with no one named and nothing to follow.
 */
export const bedBoardRows: RowsAboutYoungPeople = {
  ids: (response) =>
    ((response as BedBoard | null)?.beds ?? []).flatMap((b) =>
      b.occupant ? [b.occupant.youngPersonId] : [],
    ),
  keep: (response, allowed) => {
    const board = response as BedBoard;
    return {
      ...board,
      beds: board.beds.map((b) =>
        b.occupant && !allowed.has(b.occupant.youngPersonId) ? { ...b, occupant: null } : b,
      ),
    };
  },
};

export class GetBedBoard extends Query<BedBoard> {
  constructor(readonly hubId: string) {
    super();
  }
}

interface Row {
  bed_id: string;
  name: string;
  kind: 'planned' | 'emergency';
  occupant_id: string | null;
  since: string | null;
  planned_end: string | null;
  days_in_bed: number | null;
  out_of_use_reason: string | null;
  out_of_use_from: string | null;
  stay_threshold_weeks: number;
}

@QueryHandler(GetBedBoard)
export class GetBedBoardHandler implements IQueryHandler<GetBedBoard> {
  constructor(
    @Inject(READ_DB) private readonly db: SqlDatabase,
    private readonly cases: CaseDirectory,
  ) {}

  async execute({ hubId }: GetBedBoard): Promise<BedBoard> {
    const r = await this.db.query<Row>(
      `SELECT b.bed_id, b.name, b.kind, b.occupant_id,
         b.since::text AS since, b.planned_end::text AS planned_end,
         (current_date - b.since) AS days_in_bed, b.out_of_use_reason,
         b.out_of_use_from::text AS out_of_use_from, h.stay_threshold_weeks
       FROM rm_bed_board.hubs h
       JOIN rm_bed_board.beds b ON b.hub_id = h.hub_id
       WHERE h.hub_id = $1
       ORDER BY b.position`,
      [hubId],
    );
    if (r.rows.length === 0)
      throw new DomainError('HUB.NOT_FOUND', `no hub ${hubId}`, 404, 'hubId');
    const weeks = Number(r.rows[0].stay_threshold_weeks);
    const names = await this.cases.namesOf(
      r.rows.flatMap((row) => (row.occupant_id ? [row.occupant_id] : [])),
    );
    const beds = r.rows.map((row): BedBoardBed => {
      const days = row.days_in_bed === null ? 0 : Number(row.days_in_bed);
      return {
        bedId: row.bed_id,
        name: row.name,
        kind: row.kind,
        state: row.out_of_use_reason ? 'out_of_use' : row.occupant_id ? 'occupied' : 'free',
        occupant:
          row.occupant_id && row.since
            ? {
                youngPersonId: row.occupant_id,
                name: nameOf(row.occupant_id ? names.get(row.occupant_id) : undefined),
                since: row.since,
                plannedEnd: row.planned_end,
                daysInBed: days,
                daysOverThreshold: Math.max(0, days - weeks * 7),
              }
            : null,
        outOfUse:
          row.out_of_use_reason && row.out_of_use_from
            ? { reason: row.out_of_use_reason, from: row.out_of_use_from }
            : null,
      };
    });
    const free = (kind: string) => beds.filter((b) => b.kind === kind && b.state === 'free').length;
    return {
      hubId,
      stayThresholdWeeks: weeks,
      free: { planned: free('planned'), emergency: free('emergency') },
      beds,
    };
  }
}
