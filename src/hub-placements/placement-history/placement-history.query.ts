import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { SqlDatabase } from '#event-store';
import { READ_DB } from '#platform';

export interface PlacementEpisode {
  setting: 'bed' | 'community_family';
  hubId: string;
  placeId: string;
  emergency: boolean;
  start: string;
  end: string | null;
  ssda903: {
    collectionYear: string;
    RNE: string;
    LS: string;
    PLACE: string;
    PLACE_PROVIDER: string | null;
    REASON_PLACE_CHANGE: string | null;
    REC: string | null;
    PL_POST: string;
    outOfArea: boolean;
  };
  endReason: string | null;
  destination: string | null;
}

export class GetPlacementHistory extends Query<PlacementEpisode[]> {
  constructor(readonly youngPersonId: string) {
    super();
  }
}

export interface Occupancy {
  hubId: string;
  /** Nights from `from` up to (not including) `to`. */
  window: { from: string; to: string; nights: number };
  beds: { planned: number; emergency: number };
  bedNights: { planned: number; emergency: number; available: number };
  occupancyRate: number;
}

export class GetOccupancy extends Query<Occupancy> {
  constructor(
    readonly hubId: string,
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}

interface EpisodeRow {
  setting: 'bed' | 'community_family';
  hub_id: string;
  place_id: string;
  emergency: boolean;
  start_date: string;
  end_date: string | null;
  collection_year: string;
  rne: string;
  ls: string;
  place: string;
  place_provider: string | null;
  reason_place_change: string | null;
  rec: string | null;
  postcode: string;
  out_of_area: boolean;
  end_reason: string | null;
  destination: string | null;
}

@QueryHandler(GetPlacementHistory)
export class GetPlacementHistoryHandler implements IQueryHandler<GetPlacementHistory> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute({ youngPersonId }: GetPlacementHistory): Promise<PlacementEpisode[]> {
    const r = await this.db.query<EpisodeRow>(
      `SELECT setting, hub_id, place_id, emergency, start_date::text AS start_date,
         end_date::text AS end_date, collection_year, rne, ls, place, place_provider,
         reason_place_change, rec, postcode, out_of_area, end_reason, destination
       FROM rm_placement_history.episodes WHERE young_person_id = $1
       ORDER BY start_date, source_stream, opened_revision`,
      [youngPersonId],
    );
    return r.rows.map((row) => ({
      setting: row.setting,
      hubId: row.hub_id,
      placeId: row.place_id,
      emergency: row.emergency,
      start: row.start_date,
      end: row.end_date,
      ssda903: {
        collectionYear: row.collection_year,
        RNE: row.rne,
        LS: row.ls,
        PLACE: row.place,
        PLACE_PROVIDER: row.place_provider,
        REASON_PLACE_CHANGE: row.reason_place_change,
        REC: row.rec,
        PL_POST: row.postcode,
        outOfArea: row.out_of_area,
      },
      endReason: row.end_reason,
      destination: row.destination,
    }));
  }
}

/** Bed-nights used against bed-nights available: the evaluations' "use of residential placements". */
@QueryHandler(GetOccupancy)
export class GetOccupancyHandler implements IQueryHandler<GetOccupancy> {
  constructor(@Inject(READ_DB) private readonly db: SqlDatabase) {}

  async execute({ hubId, from, to }: GetOccupancy): Promise<Occupancy> {
    const beds = await this.db.query<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM rm_bed_board.beds WHERE hub_id = $1 GROUP BY kind`,
      [hubId],
    );
    const used = await this.db.query<{ emergency: boolean; nights: number }>(
      `SELECT emergency,
         sum(greatest(0, least(coalesce(end_date, $3::date), $3::date) - greatest(start_date, $2::date)))::int AS nights
       FROM rm_placement_history.episodes
       WHERE hub_id = $1 AND setting = 'bed'
       GROUP BY emergency`,
      [hubId, from, to],
    );
    const count = (kind: string) => beds.rows.find((b) => b.kind === kind)?.n ?? 0;
    const nightsOf = (emergency: boolean) =>
      Number(used.rows.find((u) => u.emergency === emergency)?.nights ?? 0);
    const nights = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
    const available = (count('planned') + count('emergency')) * nights;
    const planned = nightsOf(false);
    const emergency = nightsOf(true);
    return {
      hubId,
      window: { from, to, nights },
      beds: { planned: count('planned'), emergency: count('emergency') },
      bedNights: { planned, emergency, available },
      occupancyRate:
        available === 0 ? 0 : Math.round(((planned + emergency) / available) * 1000) / 1000,
    };
  }
}
