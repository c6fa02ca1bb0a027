export * from './code-lists.js';
export * from './is-ssda903-code.js';
