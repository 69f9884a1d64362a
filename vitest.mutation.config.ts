import { defineConfig } from 'vitest/config';

// The tests Stryker runs for each mutant (stryker.config.mjs): shared/'s suite and the server's
// database-free unit tests of the access and scope rules. Database-backed API tests are too slow per
// mutant; the rules they alone guard are listed in docs/testing.md.
export default defineConfig({
  test: {
    projects: [
      'shared',
      {
        test: {
          name: 'server-unit',
          root: './server',
          environment: 'node',
          include: ['src/features/cases/case-access.test.ts', 'src/lib/auth/scope.test.ts'],
        },
      },
    ],
  },
});
