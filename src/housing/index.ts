export { HousingModule, housingProjections } from './housing.module.js';
export * from './housing.events.js';
