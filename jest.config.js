// One jest run covers every suite; tools/test.mjs starts the real Postgres/Temporal/browser first.
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: false }],
};
const moduleNameMapper = { '^@segflow/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts' };
const project = (displayName, roots, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  roots,
  transform,
  moduleNameMapper,
  testEnvironment: 'node',
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  ...extra,
});

module.exports = {
  projects: [
    project('libs', ['<rootDir>/libs', '<rootDir>/tools']),
    project('web', ['<rootDir>/apps/web/src']),
    project('api', ['<rootDir>/apps/api/src'], { testTimeout: 60_000 }),
    project('worker', ['<rootDir>/apps/worker/src'], { testTimeout: 120_000 }),
    project('e2e', ['<rootDir>/e2e'], { testTimeout: 180_000 }),
  ],
};
