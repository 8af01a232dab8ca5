import { defineConfig } from '@playwright/test';
import { electronBinary, NO_BINARY_MESSAGE } from './desktop-app';

/**
 * End-to-end tests of the desktop shell, driving the real Electron app (out/, built by
 * `npm run build:app`) with Playwright's `_electron`. Kept apart from the browser suite and from
 * Vitest: they need an Electron binary, and skip with a message saying so where there is none.
 * On a Linux machine without a display, run them under xvfb-run.
 */
// The list reporter does not show why tests were skipped; this says it once, up front.
if (electronBinary === null)
  console.warn(`Skipping the desktop end-to-end tests. ${NO_BINARY_MESSAGE}`);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/e2e-electron',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
});
