import { ident, type SqlExecutor, type StoredEvent } from '../../../libs/event-store/src/index.js';
import type { Projection } from '../../../libs/projections/src/index.js';
import type { YoungPersonEvent } from '../young-people.events.js';

/** A hub's referrals and what was decided, for the manager's referral queue. */
export const referralQueueProjection: Projection = {
  name: 'referral_queue',
  version: 1,
  handles: [
    'ReferralReceived',
    'ReferralAccepted',
    'ReferralDeclined',
  ] satisfies YoungPersonEvent['type'][],

  async setup(db: SqlExecutor, schema: string) {
    await db.exec(`
      CREATE TABLE ${ident(schema)}.referrals (
        young_person_id uuid PRIMARY KEY,
        hub_id uuid NOT NULL,
        status text NOT NULL,
        category text NOT NULL,
        given_name text NOT NULL,
        family_name text NOT NULL,
        date_of_birth date NOT NULL,
        social_worker_name text NOT NULL,
        social_worker_team text NOT NULL,
        reason text NOT NULL,
        referred_at timestamptz NOT NULL,
        decided_at timestamptz,
        decline_reason text,
        revision bigint NOT NULL
      );
      CREATE INDEX ON ${ident(schema)}.referrals (hub_id, status, referred_at, young_person_id);
      CREATE INDEX ON ${ident(schema)}.referrals (hub_id, referred_at, young_person_id);`);
  },

  async apply(db: SqlExecutor, stored: StoredEvent, schema: string) {
    const event = stored as unknown as YoungPersonEvent;
    const t = `${ident(schema)}.referrals`;
    switch (event.type) {
      case 'ReferralReceived': {
        const d = event.data;
        await db.query(
          `INSERT INTO ${t} (young_person_id, hub_id, status, category, given_name, family_name,
             date_of_birth, social_worker_name, social_worker_team, reason, referred_at, revision)
           VALUES ($1, $2, 'referred', $3, $4, $5, $6, $7, $8, $9, $10, $11)
           ON CONFLICT (young_person_id) DO NOTHING`,
          [
            d.youngPersonId,
            d.hubId,
            d.category,
            d.youngPerson.givenName,
            d.youngPerson.familyName,
            d.youngPerson.dateOfBirth,
            d.socialWorker.name,
            d.socialWorker.team,
            d.reason,
            d.referredAt,
            stored.revision,
          ],
        );
        return;
      }
      case 'ReferralAccepted':
        await db.query(
          `UPDATE ${t} SET status = 'accepted', decided_at = $2, revision = $3
           WHERE young_person_id = $1 AND revision < $3`,
          [event.data.youngPersonId, event.data.acceptedAt, stored.revision],
        );
        return;
      case 'ReferralDeclined':
        await db.query(
          `UPDATE ${t} SET status = 'declined', decided_at = $2, decline_reason = $3, revision = $4
           WHERE young_person_id = $1 AND revision < $4`,
          [event.data.youngPersonId, event.data.declinedAt, event.data.reason, stored.revision],
        );
        return;
      case 'KeyWorkerAllocated':
        return;
      default: {
        const _exhaustive: never = event;
        return;
      }
    }
  },
};
