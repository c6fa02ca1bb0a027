import { eventStoreContract } from '../../../testing/src/event-store-contract.js';
import { openPgliteEventStore } from './open.js';

eventStoreContract('PGlite (in memory)', async () => {
  const store = await openPgliteEventStore();
  return { store, cleanup: () => store.close() };
});
