import { ukDayOf } from '#kernel';
import { ident, type SqlExecutor, type StoredEvent } from '#event-store';
import { eventByEvent, type Projection } from '#projections';
import type { OutcomeEvent } from '../outcomes.events.js';

type Data = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * What the indicators are counted from, as facts that only ever accumulate: each row keeps when
 * the system learnt it (`recorded_at`), so the outcomes page is computed as known at any instant
 * by leaving out what was recorded after it. A fact is a young person's dated happening (a
 * referral, a missing episode, an arrest, a placement starting or ending, an education status, a
 * concern, a conference stage, an OC3 record); the year before referral is kept apart, each
 * recording as it was made. Open concerns are kept too, for the case's flags.
 */
export const outcomeFactsProjection: Projection = {
  name: 'outcomes',
  version: 2,
  handles: [
    'ReferralReceived',
    'RepeatReferralReceived',
    'ReturnDetailsRecorded',
    'ReferralAccepted',
    'CaseSteppedAway',
    'CaseReopened',
    'CaseClosed',
    'MissingEpisodeReported',
    'YoungPersonAdmitted',
    'YoungPersonDischarged',
    'YoungPersonMovedBed',
    'YoungPersonPlacedWithFamily',
    'FamilyPlacementEnded',
    'PlacementOutsideHubRecorded',
    'PlacementOutsideHubEnded',
    'CareLeaverRecordMade',
    'JusticeEventRecorded',
    'EducationStatusRecorded',
    'RiskMarkerOpened',
    'RiskMarkerClosed',
    'BaselineRecorded',
    'FamilyGroupConferenceRecorded',
  ],

  async setup(db: SqlExecutor, schema: string) {
    const s = ident(schema);
    await db.exec(`
      CREATE TABLE ${s}.people (
        young_person_id uuid PRIMARY KEY,
        hub_id uuid NOT NULL,
        date_of_birth date NOT NULL,
        recorded_at timestamptz NOT NULL,
        -- From the SSDA903 details, for the evaluation extract (latest recorded).
        sex text,
        ethnicity text,
        home_postcode text
      );
      CREATE INDEX ON ${s}.people (hub_id);
      CREATE TABLE ${s}.facts (
        position bigint NOT NULL,
        seq int NOT NULL,
        young_person_id uuid NOT NULL,
        kind text NOT NULL,
        on_date date NOT NULL,
        code text,
        code2 text,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (position, seq)
      );
      CREATE INDEX ON ${s}.facts (young_person_id, on_date);
      CREATE TABLE ${s}.baselines (
        position bigint PRIMARY KEY,
        young_person_id uuid NOT NULL,
        missing_episodes int NOT NULL,
        arrests int NOT NULL,
        placements int NOT NULL,
        residential_nights int NOT NULL,
        exclusions int NOT NULL,
        recorded_at timestamptz NOT NULL
      );
      CREATE INDEX ON ${s}.baselines (young_person_id, position);
      CREATE TABLE ${s}.open_concerns (
        marker_id uuid PRIMARY KEY,
        young_person_id uuid NOT NULL,
        hub_id uuid NOT NULL,
        kind text NOT NULL,
        opened_on date NOT NULL
      );
      CREATE INDEX ON ${s}.open_concerns (hub_id, young_person_id);`);
  },

  // Keyed by the event's log position: a replay writes the same rows again, and changes nothing.
  applyBatch: eventByEvent(async (db: SqlExecutor, stored: StoredEvent, schema: string) => {
    const s = ident(schema);
    const d = stored.data as Data;
    const yp = String(d.youngPersonId);
    let seq = 0;
    const fact = (
      kind: string,
      on: string,
      code: string | null = null,
      code2: string | null = null,
    ) =>
      db.query(
        `INSERT INTO ${s}.facts VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
        [stored.position, seq++, yp, kind, on.slice(0, 10), code, code2, stored.recordedAt],
      );
    switch (stored.type) {
      case 'ReferralReceived': {
        const person = d.youngPerson as { dateOfBirth: string };
        await db.query(`INSERT INTO ${s}.people VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
          yp,
          String(d.hubId),
          person.dateOfBirth,
          stored.recordedAt,
        ]);
        await fact('referral', ukDayOf(String(d.referredAt)), str(d.category));
        return;
      }
      case 'RepeatReferralReceived':
        await fact('referral', ukDayOf(String(d.referredAt)), str(d.category));
        return;
      case 'ReturnDetailsRecorded':
        await db.query(
          `UPDATE ${s}.people SET sex = $2, ethnicity = $3, home_postcode = $4 WHERE young_person_id = $1`,
          [yp, str(d.sex), str(d.ethnicity), str(d.homePostcode)],
        );
        return;
      case 'ReferralAccepted':
        return void (await fact('accepted', ukDayOf(String(d.acceptedAt))));
      case 'CaseSteppedAway':
        return void (await fact('left', String(d.on)));
      case 'CaseReopened':
        return void (await fact('reopened', ukDayOf(String(d.reopenedAt))));
      case 'CaseClosed':
        return void (await fact('left', ukDayOf(String(d.closedAt))));
      case 'MissingEpisodeReported':
        return void (await fact('missing', ukDayOf(String(d.startedAt)), str(d.category)));
      case 'YoungPersonAdmitted':
        return void (await fact('start', String(d.from), 'bed'));
      case 'YoungPersonDischarged':
        return void (await fact('end', String(d.on), 'bed'));
      case 'YoungPersonMovedBed':
        return void (await fact('move', String(d.on), 'bed'));
      case 'YoungPersonPlacedWithFamily':
        return void (await fact('start', String(d.from), 'family'));
      case 'FamilyPlacementEnded':
        return void (await fact('end', String(d.on), 'family'));
      case 'PlacementOutsideHubRecorded': {
        const place = (d.episode as { place: string }).place;
        return void (await fact('start', String(d.from), 'outside', place));
      }
      case 'PlacementOutsideHubEnded':
        return void (await fact('end', String(d.on), 'outside'));
      case 'CareLeaverRecordMade':
        return void (await fact('oc3', String(d.birthday), str(d.activ), str(d.accom)));
      default:
        break;
    }
    const event = stored as unknown as OutcomeEvent;
    switch (event.type) {
      case 'JusticeEventRecorded':
        return void (await fact(event.data.kind, event.data.on));
      case 'EducationStatusRecorded':
        return void (await fact('ete', event.data.from, event.data.status));
      case 'RiskMarkerOpened':
        await fact('concern_opened', event.data.on, event.data.kind);
        await db.query(
          `INSERT INTO ${s}.open_concerns VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [event.data.markerId, yp, event.data.hubId, event.data.kind, event.data.on],
        );
        return;
      case 'RiskMarkerClosed':
        await fact('concern_closed', event.data.on, event.data.kind);
        await db.query(`DELETE FROM ${s}.open_concerns WHERE marker_id = $1`, [
          event.data.markerId,
        ]);
        return;
      case 'BaselineRecorded': {
        const b = event.data;
        await db.query(
          `INSERT INTO ${s}.baselines VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
          [
            stored.position,
            yp,
            b.missingEpisodes,
            b.arrests,
            b.placements,
            b.residentialNights,
            b.exclusions,
            stored.recordedAt,
          ],
        );
        return;
      }
      case 'FamilyGroupConferenceRecorded':
        return void (await fact('fgc', event.data.on, event.data.stage));
    }
  }),
};
