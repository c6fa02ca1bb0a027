export { HousingModule, housingProjections } from './housing.module.js';
export * from './housing.events.js';
export { housingUpcasters } from './pathway/care-leaver-record.upcasters.js';
