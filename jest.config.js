// One jest run covers every suite; tools/test.mjs starts the real Postgres/Temporal/browser first.
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }],
  // Some dependencies ship only ES modules, which jest on Node 20 cannot require: compile those to CommonJS.
  '^.+\\.m?js$': ['@swc/jest', { module: { type: 'commonjs' } }],
};
const esmOnlyPackages = ['content-disposition', 'ml-[a-z-]+', 'is-any-array'];
const transformIgnorePatterns = [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`];
const moduleNameMapper = {
  // Segment workers run from their TypeScript sources here (production starts the compiled file); the API runs
  // in-process in api and e2e specs.
  '^\\./segment-worker-thread$': '<rootDir>/apps/api/src/testing/transpiled-segment-worker-thread.ts',
  '^@segflow/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
  '^@segflow/([a-z-]+)/([a-z-]+)$': '<rootDir>/libs/$1/src/$2/index.ts',
};
const project = (displayName, roots, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  roots,
  transform,
  transformIgnorePatterns,
  moduleNameMapper,
  testEnvironment: 'node',
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  setupFiles: ['<rootDir>/tools/testing/fixed-now.ts'],
  ...extra,
});

module.exports = {
  // Integration and browser tests wait on real servers; the pure suites finish far below this.
  testTimeout: 120_000,
  globalSetup: '<rootDir>/tools/testing/global-setup.mjs',
  globalTeardown: '<rootDir>/tools/testing/global-teardown.mjs',
  projects: [
    project('libs', ['<rootDir>/libs', '<rootDir>/tools']),
    project('web', ['<rootDir>/apps/web/src']),
    project('api', ['<rootDir>/apps/api/src']),
    project('worker', ['<rootDir>/apps/worker/src']),
    project('e2e', ['<rootDir>/e2e']),
  ],
};
