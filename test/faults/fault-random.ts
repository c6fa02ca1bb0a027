import { prng } from '../../apps/cli/seed/simulation.js';

/** A seeded random source for fault timings, so a failing run can be repeated. */
export const fc = (seed: number) => prng(seed);
