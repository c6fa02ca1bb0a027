// `npm run test:faults`: crash, database restart and soak tests against real processes (run by
// .ci/run after `npm test`; too long for `npm test`). Needs `npm run build` first.
import base from './jest.config.mjs';

const common = { ...base.projects[0] };
delete common.displayName;
delete common.testMatch;

export default {
  testTimeout: 900_000,
  reporters: base.reporters,
  projects: [
    { ...common, displayName: 'faults', testMatch: ['<rootDir>/test/faults/*.fault-spec.ts'] },
  ],
};
