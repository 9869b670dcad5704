import { defineConfig } from 'vitest/config';

const integration = ['src/**/*.int.test.ts', 'src/**/*.int.test.tsx', 'test/integration/**/*.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['./test/support/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          exclude: integration,
        },
      },
      {
        extends: true,
        test: { name: 'sqlite', include: integration, env: { TEST_DB: 'sqlite' } },
      },
      {
        extends: true,
        test: { name: 'postgres', include: integration, env: { TEST_DB: 'postgres' }, fileParallelism: false },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
