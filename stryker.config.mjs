// Mutation testing (issue 23): `npm run test:mutation` runs it all; `npm test` runs it incrementally
// against the committed stryker-incremental.json. See docs/testing.md for scores and what is left out.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    // Domain rules shared by client and server.
    'shared/src/cases/case-machine.ts',
    'shared/src/cases/case-decide.ts',
    'shared/src/cases/case-projection.ts',
    'shared/src/stats/case-contribution.ts',
    'shared/src/stats/figures.ts',
    'shared/src/stats/rankings.ts',
    'shared/src/stats/stats-window.ts',
    'shared/src/calendar/calendar-rules.ts',
    'shared/src/calendar/china-day.ts',
    'shared/src/calendar/cn-holidays.ts',
    'shared/src/calendar/local-day.ts',
    'shared/src/calendar/sla-clock.ts',
    'shared/src/calendar/working-time.ts',
    'shared/src/phone.ts',
    'shared/src/api/grid-assignment-rules.ts',
    'shared/src/api/input-gate.ts',
    // The server's access and scope rules.
    'server/src/features/cases/case-access.ts',
    'server/src/lib/auth/scope.ts',
  ],
  incremental: true,
  incrementalFile: 'stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  concurrency: 2,
  timeoutMS: 10_000,
  thresholds: { high: 90, low: 80, break: 80 },
  tempDirName: '.stryker-tmp',
  // The sandbox needs only what the mutation tests read.
  ignorePatterns: [
    'client',
    'e2e',
    'bench',
    'deploy',
    'docs',
    'data',
    'uploads',
    'reports',
    'prisma/src/generated',
  ],
  cleanTempDir: 'always',
};
