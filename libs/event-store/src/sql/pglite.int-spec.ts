import { eventStoreContract } from '#testing/event-store-contract';
import { openPgliteEventStore } from './open.js';

eventStoreContract('PGlite (in memory)', async () => {
  const store = await openPgliteEventStore();
  return { store, cleanup: () => store.close() };
});
