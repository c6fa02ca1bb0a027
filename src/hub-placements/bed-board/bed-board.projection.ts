import { ident, type SqlExecutor, type StoredEvent } from '#event-store';
import { eventByEvent, type Projection } from '#projections';
import { DEFAULT_STAY_THRESHOLD_WEEKS, type HubEvent } from '../hub-placements.events.js';
import { bedsFor } from '../hub.state.js';

/**
 * Each hub's beds: who is in which since when, out of use, and the hub's stay threshold. Every
 * event is on the hub's stream, so the hub row's revision makes replays change nothing.
 */
export const bedBoardProjection: Projection = {
  name: 'bed_board',
  version: 1,
  handles: [
    'HubOpened',
    'StayThresholdSet',
    'BedTakenOutOfUse',
    'BedReturnedToUse',
    'YoungPersonAdmitted',
    'YoungPersonMovedBed',
    'YoungPersonDischarged',
  ] satisfies HubEvent['type'][],

  async setup(db: SqlExecutor, schema: string) {
    const s = ident(schema);
    await db.exec(`
      CREATE TABLE ${s}.hubs (
        hub_id uuid PRIMARY KEY,
        stay_threshold_weeks int NOT NULL,
        revision bigint NOT NULL
      );
      CREATE TABLE ${s}.beds (
        hub_id uuid NOT NULL,
        bed_id text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        position int NOT NULL,
        occupant_id uuid,
        since date,
        planned_end date,
        out_of_use_reason text,
        out_of_use_from date,
        PRIMARY KEY (hub_id, bed_id)
      );`);
  },

  applyBatch: eventByEvent(async (db: SqlExecutor, stored: StoredEvent, schema: string) => {
    const s = ident(schema);
    const event = stored as unknown as HubEvent;
    const hubId = event.data.hubId;
    if (event.type === 'HubOpened') {
      const fresh = await db.query(
        `INSERT INTO ${s}.hubs VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
        [hubId, DEFAULT_STAY_THRESHOLD_WEEKS, stored.revision],
      );
      if (fresh.rowCount === 0) return;
      const beds = bedsFor(event.data.plannedBeds, event.data.emergencyBeds).map((b, i) => ({
        ...b,
        position: i,
      }));
      await db.query(
        `INSERT INTO ${s}.beds (hub_id, bed_id, name, kind, position)
         SELECT $1, bed_id, name, kind, position
         FROM jsonb_to_recordset($2::jsonb) AS x(bed_id text, name text, kind text, position int)`,
        [
          hubId,
          JSON.stringify(
            beds.map((b) => ({
              bed_id: b.bedId,
              name: b.name,
              kind: b.kind,
              position: b.position,
            })),
          ),
        ],
      );
      return;
    }
    // Apply each later event once: only if it is newer than what the hub row has seen.
    const newer = await db.query(
      `UPDATE ${s}.hubs SET revision = $2 WHERE hub_id = $1 AND revision < $2 RETURNING 1`,
      [hubId, stored.revision],
    );
    if (newer.rowCount === 0) return;
    const bed = `${s}.beds`;
    switch (event.type) {
      case 'StayThresholdSet':
        await db.query(`UPDATE ${s}.hubs SET stay_threshold_weeks = $2 WHERE hub_id = $1`, [
          hubId,
          event.data.weeks,
        ]);
        return;
      case 'BedTakenOutOfUse':
        await db.query(
          `UPDATE ${bed} SET out_of_use_reason = $3, out_of_use_from = $4 WHERE hub_id = $1 AND bed_id = $2`,
          [hubId, event.data.bedId, event.data.reason, event.data.from],
        );
        return;
      case 'BedReturnedToUse':
        await db.query(
          `UPDATE ${bed} SET out_of_use_reason = NULL, out_of_use_from = NULL WHERE hub_id = $1 AND bed_id = $2`,
          [hubId, event.data.bedId],
        );
        return;
      case 'YoungPersonAdmitted':
        await db.query(
          `UPDATE ${bed} SET occupant_id = $3, since = $4, planned_end = $5 WHERE hub_id = $1 AND bed_id = $2`,
          [
            hubId,
            event.data.bedId,
            event.data.youngPersonId,
            event.data.from,
            event.data.plannedEnd,
          ],
        );
        return;
      case 'YoungPersonMovedBed':
        // The stay goes on in the other bed: the same start and planned end.
        await db.query(
          `UPDATE ${bed} AS b SET occupant_id = o.occupant_id, since = o.since, planned_end = o.planned_end
             FROM ${bed} AS o
            WHERE b.hub_id = $1 AND b.bed_id = $3 AND o.hub_id = $1 AND o.bed_id = $2`,
          [hubId, event.data.fromBedId, event.data.toBedId],
        );
        await db.query(
          `UPDATE ${bed} SET occupant_id = NULL, since = NULL, planned_end = NULL WHERE hub_id = $1 AND bed_id = $2`,
          [hubId, event.data.fromBedId],
        );
        return;
      case 'YoungPersonDischarged':
        await db.query(
          `UPDATE ${bed} SET occupant_id = NULL, since = NULL, planned_end = NULL WHERE hub_id = $1 AND bed_id = $2`,
          [hubId, event.data.bedId],
        );
        return;
      case 'HubRegistrationRecorded':
      case 'LegalStatusChanged':
        return;
      default: {
        const _exhaustive: never = event;
        return;
      }
    }
  }),
};
