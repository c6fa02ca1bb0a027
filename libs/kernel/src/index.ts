// The pure kernel the domain is written in: deciders, domain errors, JSON data, date arithmetic.
// It imports nothing, so deciders and aggregates may import it and stay free of Nest and I/O.
export * from './json.js';
export * from './decider.js';
export * from './domain-error.js';
export * from './dates.js';
export * from './csv.js';
