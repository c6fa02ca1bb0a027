export { YoungPeopleModule, youngPeopleProjections } from './young-people.module.js';
export { youngPersonStreamId, type YoungPersonEvent } from './young-people.events.js';
export { appendSyntheticCases, syntheticCase } from './synthetic-cases.js';
export { readEventsAbout, YOUNG_PERSON_TAG } from './events-about.js';
