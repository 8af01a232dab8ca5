import { defineConfig } from 'vitest/config';

const BROWSER_TESTS = 'tests/integration/**/*.smoke-browser.test.ts';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: ['**/node_modules/**', BROWSER_TESTS],
          environment: 'node',
          globalSetup: ['tests/integration/sync-helpers/global-setup.ts'],
        },
      },
      {
        // Vitest runs a project's globalSetup only when the run holds one of its files, so the
        // browser lookup (and any install) happens for browser tests and never for unit tests.
        extends: true,
        test: {
          name: 'browser',
          include: [BROWSER_TESTS],
          environment: 'node',
          globalSetup: [
            'tests/browser/vitest-global-setup.ts',
            'tests/integration/sync-helpers/global-setup.ts',
          ],
        },
      },
    ],
  },
});
