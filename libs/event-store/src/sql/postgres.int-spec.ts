import { createTestDatabase } from '../../../testing/src/test-database.js';
import { eventStoreContract } from '../../../testing/src/event-store-contract.js';
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
