import { defineConfig } from 'vitest/config';

// Three projects, one run, one summary (scripts/test.mjs sums them into "N passed, N failed"):
// unit and API tests share one Node pool; browser tests run one file at a time against a real server.
export default defineConfig({
  test: {
    globalSetup: ['tests/setup/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: ['**/*.api.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: [
            'src/**/*.api.test.ts',
            'tests/api/**/*.test.ts',
            'tests/cli/**/*.test.ts',
            'tests/reliability/**/*.test.ts',
          ],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A page answers in well under a second when idle, in several on a busy shared machine.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
