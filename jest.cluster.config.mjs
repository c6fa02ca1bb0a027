// `npm run test:cluster`: nwd-hub on a real Patroni cluster (etcd, three PostgreSQL nodes,
// HAProxy) with several API and projector processes; run by .ci/run after the faults. Needs
// `npm run build` first.
import base from './jest.config.mjs';

const common = { ...base.projects[0] };
delete common.displayName;
delete common.testMatch;

export default {
  testTimeout: 900_000,
  reporters: base.reporters,
  projects: [
    { ...common, displayName: 'cluster', testMatch: ['<rootDir>/test/cluster/*.cluster-spec.ts'] },
  ],
};
