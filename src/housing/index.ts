export { HousingModule, housingProjections } from './housing.module.js';
export * from './housing.events.js';
export { housingUpcasters } from './pathway/care-leaver-record.upcasters.js';
export { ListHousingOptions } from './options/housing-options.query.js';
export { type HousingOptionEvent, type HousingPathwayEvent } from './housing.events.js';
