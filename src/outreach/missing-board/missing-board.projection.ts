import { ident, type SqlExecutor, type StoredEvent } from '#event-store';
import { eventByEvent, type Projection } from '#projections';
import type { OutreachEvent } from '../outreach.events.js';

/**
 * Every missing or away episode with its return and return home interview. The hub's missing
 * board is the open ones and the interviews not yet concluded; the indicators count them all.
 * Rows change only for a newer revision of the young person's outreach stream.
 */
export const missingBoardProjection: Projection = {
  name: 'missing_board',
  version: 1,
  handles: [
    'MissingEpisodeReported',
    'MissingEpisodeUpdated',
    'YoungPersonReturned',
    'ReturnInterviewRecorded',
  ] satisfies OutreachEvent['type'][],

  async setup(db: SqlExecutor, schema: string) {
    const s = ident(schema);
    await db.exec(`
      CREATE TABLE ${s}.episodes (
        episode_id uuid PRIMARY KEY,
        young_person_id uuid NOT NULL,
        hub_id uuid NOT NULL,
        category text NOT NULL,
        started_at timestamptz NOT NULL,
        police_informed boolean NOT NULL,
        police_reference text,
        circumstances text NOT NULL,
        reported_by text NOT NULL,
        updates jsonb NOT NULL DEFAULT '[]',
        returned_at timestamptz,
        where_found text,
        interview_due_by timestamptz,
        window_hours int,
        interview jsonb NOT NULL DEFAULT '[]',
        interview_offered_at timestamptz,
        interview_state text,
        revision bigint NOT NULL
      );
      CREATE INDEX ON ${s}.episodes (hub_id, started_at);
      CREATE INDEX ON ${s}.episodes (young_person_id, started_at);`);
  },

  applyBatch: eventByEvent(async (db: SqlExecutor, stored: StoredEvent, schema: string) => {
    const t = `${ident(schema)}.episodes`;
    const event = stored as unknown as OutreachEvent;
    const rev = stored.revision;
    switch (event.type) {
      case 'MissingEpisodeReported': {
        const d = event.data;
        await db.query(
          `INSERT INTO ${t} (episode_id, young_person_id, hub_id, category, started_at,
             police_informed, police_reference, circumstances, reported_by, revision)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (episode_id) DO NOTHING`,
          [
            d.episodeId,
            d.youngPersonId,
            d.hubId,
            d.category,
            d.startedAt,
            d.policeInformed,
            d.policeReference,
            d.circumstances,
            d.reportedBy.name,
            rev,
          ],
        );
        return;
      }
      case 'MissingEpisodeUpdated': {
        const d = event.data;
        await db.query(
          `UPDATE ${t} SET updates = updates || jsonb_build_array($3::jsonb),
             police_reference = coalesce($4, police_reference), police_informed = police_informed OR $4 IS NOT NULL,
             revision = $2
           WHERE episode_id = $1 AND revision < $2`,
          [d.episodeId, rev, JSON.stringify({ at: d.at, note: d.note }), d.policeReference],
        );
        return;
      }
      case 'YoungPersonReturned': {
        const d = event.data;
        await db.query(
          `UPDATE ${t} SET returned_at = $3, where_found = $4, interview_due_by = $5,
             window_hours = $6, interview_state = 'due', revision = $2
           WHERE episode_id = $1 AND revision < $2`,
          [d.episodeId, rev, d.returnedAt, d.whereFound, d.interviewDueBy, d.windowHours],
        );
        return;
      }
      case 'ReturnInterviewRecorded': {
        const d = event.data;
        await db.query(
          `UPDATE ${t} SET interview = interview || jsonb_build_array($3::jsonb),
             interview_offered_at = CASE WHEN $4 = 'offered' THEN $5::timestamptz ELSE interview_offered_at END,
             interview_state = $4, revision = $2
           WHERE episode_id = $1 AND revision < $2`,
          [
            d.episodeId,
            rev,
            JSON.stringify({ outcome: d.outcome, at: d.at, by: d.by, notes: d.notes }),
            d.outcome,
            d.at,
          ],
        );
        return;
      }
      default:
        return;
    }
  }),
};
