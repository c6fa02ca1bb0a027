import { contactHandlers } from './contacts/contacts.handlers.js';
import { incidentHandlers } from './incidents/incidents.handlers.js';
import { missingHandlers } from './missing/missing.handlers.js';

export * from './contacts/contacts.handlers.js';
export * from './incidents/incidents.handlers.js';
export * from './missing/missing.handlers.js';

/** Every outreach write, one slice per kind of record. */
export const outreachHandlers = [...contactHandlers, ...missingHandlers, ...incidentHandlers];
