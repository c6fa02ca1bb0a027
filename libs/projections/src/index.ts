export * from './projection.js';
export * from './checkpoints.js';
export * from './projection-runner.js';
export * from './keyed-patches.js';
export * from './runner-failures.js';
export * from './leadership.js';
