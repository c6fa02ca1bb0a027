import { createTestDatabase } from '#testing/test-database';
import { eventStoreContract } from '#testing/event-store-contract';
import { openPostgresEventStore } from './open.js';

eventStoreContract('PostgreSQL', async () => {
  const database = await createTestDatabase();
  const store = await openPostgresEventStore(database.url, { max: 12 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
});
