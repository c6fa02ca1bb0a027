// Tests of real processes, too long for `npm test`, run by .ci/run after it (both need
// `npm run build` first):
// - `npm run test:faults`: crash, database restart and soak;
// - `npm run test:cluster`: a Patroni cluster failing over, and the API behind PgBouncer.
import base from './jest.config.mjs';

const common = { ...base.projects[0] };
delete common.displayName;
delete common.testMatch;

export default {
  testTimeout: 900_000,
  reporters: base.reporters,
  projects: [
    { ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/*.fault-spec.ts'] },
    { ...common, displayName: 'cluster', testMatch: ['<rootDir>/test/cluster/*.cluster-spec.ts'] },
  ],
};
