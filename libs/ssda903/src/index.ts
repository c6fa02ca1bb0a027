export * from './code-lists.js';
export * from './is-ssda903-code.js';
export * from './collection-year.js';
export * from './identifiers.js';
export * from './local-authorities.js';
export * from './tables.js';
export * from './sample-postcodes.js';
