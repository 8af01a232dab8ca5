import { defineConfig } from '@playwright/test';
import { chromiumPathNow } from './tests/browser/this-machine';

/**
 * The browser from the tests' one lookup (tests/browser), kept off the network: no downloads, no
 * background traffic, no QUIC. Workers load this file after globalSetup has found or installed it.
 */
export const CHROMIUM_PATH = chromiumPathNow();
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// E2E_WEB_PORT lets two checkouts on one machine run their browser suites side by side.
export const WEB_PORT = Number(process.env['E2E_WEB_PORT'] ?? 4173);
/** The central endpoint that serves the console for tests/e2e-console: the next port up. */
export const CONSOLE_PORT = WEB_PORT + 1;

export default defineConfig({
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // One browser at a time: on two cores, parallel browsers stretch a scanner's 5 ms keystrokes
  // past the wedge's pause limit and split scans, which a real scanner never does.
  workers: 1,
  retries: 0,
  reporter: [['list']],
  globalSetup: './tests/e2e/global-setup.ts',
  use: {
    viewport: { width: 1280, height: 860 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  projects: [
    {
      name: 'stockroom',
      testDir: 'tests/e2e',
      use: { baseURL: `http://127.0.0.1:${WEB_PORT}` },
    },
    {
      // The centre's console, served by a real endpoint (npm run test:e2e builds it first).
      name: 'console',
      testDir: 'tests/e2e-console',
      use: { baseURL: `http://127.0.0.1:${CONSOLE_PORT}`, viewport: { width: 1366, height: 768 } },
    },
  ],
  webServer: [
    // One built bundle, served statically by Vite's preview server (npm run test:e2e builds it first).
    {
      command: `npx vite preview --config renderer/vite.config.ts --host 127.0.0.1 --port ${WEB_PORT} --strictPort`,
      url: `http://127.0.0.1:${WEB_PORT}`,
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
    },
    {
      command: 'npx tsx tests/e2e-console/console-endpoint.main.ts',
      env: { CONSOLE_E2E_PORT: String(CONSOLE_PORT) },
      url: `http://127.0.0.1:${CONSOLE_PORT}/readyz`,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      timeout: 120_000,
    },
  ],
});
