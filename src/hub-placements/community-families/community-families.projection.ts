import { ident, type SqlExecutor, type StoredEvent } from '#event-store';
import { eventByEvent, type Projection } from '#projections';
import type { CommunityFamilyEvent } from './community-family.events.js';

/** Each hub's community families and how many places they have free. */
export const communityFamiliesProjection: Projection = {
  name: 'community_families',
  version: 1,
  handles: [
    'CommunityFamilyRegistered',
    'YoungPersonPlacedWithFamily',
    'FamilyPlacementEnded',
  ] satisfies CommunityFamilyEvent['type'][],

  async setup(db: SqlExecutor, schema: string) {
    await db.exec(`
      CREATE TABLE ${ident(schema)}.families (
        family_id uuid PRIMARY KEY,
        hub_id uuid NOT NULL,
        name text NOT NULL,
        approved_on date NOT NULL,
        capacity int NOT NULL,
        min_age int NOT NULL,
        max_age int NOT NULL,
        placed int NOT NULL DEFAULT 0,
        revision bigint NOT NULL
      );
      CREATE INDEX ON ${ident(schema)}.families (hub_id, name, family_id);`);
  },

  // One stream per family: a row changes only for a newer revision, so replays change nothing.
  applyBatch: eventByEvent(async (db: SqlExecutor, stored: StoredEvent, schema: string) => {
    const t = `${ident(schema)}.families`;
    const event = stored as unknown as CommunityFamilyEvent;
    switch (event.type) {
      case 'CommunityFamilyRegistered': {
        const d = event.data;
        await db.query(
          `INSERT INTO ${t} (family_id, hub_id, name, approved_on, capacity, min_age, max_age, revision)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (family_id) DO NOTHING`,
          [
            d.familyId,
            d.hubId,
            d.name,
            d.approvedOn,
            d.capacity,
            d.ageRange.min,
            d.ageRange.max,
            stored.revision,
          ],
        );
        return;
      }
      case 'YoungPersonPlacedWithFamily':
      case 'FamilyPlacementEnded':
        await db.query(
          `UPDATE ${t} SET placed = placed + $2, revision = $3 WHERE family_id = $1 AND revision < $3`,
          [
            event.data.familyId,
            event.type === 'YoungPersonPlacedWithFamily' ? 1 : -1,
            stored.revision,
          ],
        );
        return;
      case 'FamilyLegalStatusChanged':
        // Who lives with them is unchanged; the return reads the change from the log.
        return;
      default: {
        const _exhaustive: never = event;
        return;
      }
    }
  }),
};
