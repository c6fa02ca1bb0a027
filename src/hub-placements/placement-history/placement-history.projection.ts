import { ident, type SqlExecutor, type StoredEvent } from '#event-store';
import { eventByEvent, type Projection } from '#projections';
import type { CommunityFamilyEvent } from '../community-families/community-family.events.js';
import type { EpisodeData, HubEvent } from '../hub-placements.events.js';

type PlacementEvent = HubEvent | CommunityFamilyEvent;

/**
 * Every placement episode of every young person, bed or community family, with its SSDA903 codes:
 * a row opens on admission (keyed by the event that opened it) and closes on discharge. Replays
 * change nothing: an open is keyed by its event, and a close touches only a row of its own stream
 * opened before it and still open (never a later admission of the same young person).
 */
export const placementHistoryProjection: Projection = {
  name: 'placement_history',
  version: 1,
  handles: [
    'YoungPersonAdmitted',
    'YoungPersonMovedBed',
    'YoungPersonDischarged',
    'YoungPersonPlacedWithFamily',
    'FamilyPlacementEnded',
  ] satisfies PlacementEvent['type'][],

  async setup(db: SqlExecutor, schema: string) {
    await db.exec(`
      CREATE TABLE ${ident(schema)}.episodes (
        opened_by uuid PRIMARY KEY,
        source_stream text NOT NULL,
        opened_revision bigint NOT NULL,
        young_person_id uuid NOT NULL,
        hub_id uuid NOT NULL,
        setting text NOT NULL,
        place_id text NOT NULL,
        emergency boolean NOT NULL,
        start_date date NOT NULL,
        end_date date,
        collection_year text NOT NULL,
        rne text NOT NULL,
        ls text NOT NULL,
        place text NOT NULL,
        place_provider text,
        reason_place_change text,
        postcode text NOT NULL,
        out_of_area boolean NOT NULL,
        rec text,
        end_reason text,
        destination text
      );
      CREATE INDEX ON ${ident(schema)}.episodes (young_person_id, start_date);
      CREATE INDEX ON ${ident(schema)}.episodes (hub_id, setting, start_date);`);
  },

  applyBatch: eventByEvent(async (db: SqlExecutor, stored: StoredEvent, schema: string) => {
    const t = `${ident(schema)}.episodes`;
    const event = stored as unknown as PlacementEvent;
    const open = async (
      setting: string,
      placeId: string,
      emergency: boolean,
      from: string,
      e: EpisodeData,
    ) => {
      const d = event.data as { youngPersonId: string; hubId: string };
      await db.query(
        `INSERT INTO ${t} (opened_by, young_person_id, hub_id, setting, place_id, emergency, start_date,
           collection_year, rne, ls, place, place_provider, reason_place_change, postcode, out_of_area,
           source_stream, opened_revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
         ON CONFLICT (opened_by) DO NOTHING`,
        [
          stored.eventId,
          d.youngPersonId,
          d.hubId,
          setting,
          placeId,
          emergency,
          from,
          e.collectionYear,
          e.rne,
          e.ls,
          e.place,
          e.placeProvider,
          e.reasonPlaceChange,
          e.postcode,
          e.outOfArea,
          stored.streamId,
          stored.revision,
        ],
      );
    };
    const close = async (
      setting: string,
      placeId: string,
      on: string,
      rec: string | null,
      reason: string,
      destination: string | null,
    ) => {
      const d = event.data as { youngPersonId: string; hubId: string };
      await db.query(
        `UPDATE ${t} SET end_date = $5, rec = $6, end_reason = $7, destination = $8
         WHERE young_person_id = $1 AND hub_id = $2 AND setting = $3 AND place_id = $4
           AND end_date IS NULL AND source_stream = $9 AND opened_revision < $10`,
        [
          d.youngPersonId,
          d.hubId,
          setting,
          placeId,
          on,
          rec,
          reason,
          destination,
          stored.streamId,
          stored.revision,
        ],
      );
    };
    switch (event.type) {
      case 'YoungPersonAdmitted':
        return open(
          'bed',
          event.data.bedId,
          event.data.emergency,
          event.data.from,
          event.data.episode,
        );
      case 'YoungPersonMovedBed':
        // The same episode (the same home and carers), now in the other bed.
        await db.query(
          `UPDATE ${t} SET place_id = $4, emergency = $5
           WHERE young_person_id = $1 AND hub_id = $2 AND setting = 'bed' AND place_id = $3
             AND end_date IS NULL AND source_stream = $6 AND opened_revision < $7`,
          [
            event.data.youngPersonId,
            event.data.hubId,
            event.data.fromBedId,
            event.data.toBedId,
            event.data.emergency,
            stored.streamId,
            stored.revision,
          ],
        );
        return;
      case 'YoungPersonDischarged':
        return close(
          'bed',
          event.data.bedId,
          event.data.on,
          event.data.rec,
          event.data.reason,
          event.data.destination,
        );
      case 'YoungPersonPlacedWithFamily':
        return open(
          'community_family',
          event.data.familyId,
          false,
          event.data.from,
          event.data.episode,
        );
      case 'FamilyPlacementEnded':
        return close(
          'community_family',
          event.data.familyId,
          event.data.on,
          event.data.rec,
          event.data.reason,
          null,
        );
      case 'HubOpened':
      case 'StayThresholdSet':
      case 'HubRegistrationRecorded':
      case 'LegalStatusChanged':
      case 'FamilyLegalStatusChanged':
      case 'BedTakenOutOfUse':
      case 'BedReturnedToUse':
      case 'CommunityFamilyRegistered':
        return;
      default: {
        const _exhaustive: never = event;
        return;
      }
    }
  }),
};
