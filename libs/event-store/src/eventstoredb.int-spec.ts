import { describe, it } from '@jest/globals';
import { eventStoreContract } from '#testing/event-store-contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';

const url = process.env.EVENTSTORE_URL;

if (url) {
  eventStoreContract('EventStoreDB', () => {
    const store = EventStoreDbEventStore.connect(url);
    return Promise.resolve({ store, cleanup: () => store.close() });
  });
} else {
  describe('EventStore contract: EventStoreDB', () => {
    it.skip('skipped: set EVENTSTORE_URL (e.g. esdb://localhost:2113?tls=false) to run it', () => {});
  });
  console.log('EventStoreDB contract tests skipped: EVENTSTORE_URL is not set.');
}
