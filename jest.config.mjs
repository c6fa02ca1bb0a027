// Native ESM (Nest 12 is ESM-only): run with NODE_OPTIONS=--experimental-vm-modules.
// ts-jest transpiles each file on its own; `npm run typecheck` does the type checking.
const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // The libraries' package aliases (package.json "imports") point at their sources in tests.
    '^#testing/(.*)$': '<rootDir>/libs/testing/src/$1.ts',
    '^#([a-z0-9-]+)$': '<rootDir>/libs/$1/src/index.ts',
  },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { useESM: true, tsconfig: '<rootDir>/tsconfig.json', diagnostics: false },
    ],
  },
};

export default {
  testTimeout: 30_000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.mjs'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{src,libs,apps,bench,tools}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{src,libs,apps}/**/*.int-spec.ts'],
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
