export * from './projection.js';
export * from './checkpoints.js';
export * from './projection-runner.js';
