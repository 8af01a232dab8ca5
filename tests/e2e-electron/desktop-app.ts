import { test as base, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';
import { findElectronBinary } from '../../electron/launcher/electron-runtime';

/** The desktop app launched fresh for each test: its own profile, so no test sees another's data. */

export const root = path.resolve(import.meta.dirname, '../..');
const electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
export const electronBinary = findElectronBinary(electronDir, process.env, process.platform);

export const NO_BINARY_MESSAGE =
  `No Electron binary on this machine (nothing under ${path.join(electronDir, 'dist')}, and it ` +
  'cannot be downloaded from here): the desktop end-to-end tests run wherever one is present ' +
  '(npm start downloads it on a machine with internet access).';

/** Chromium will not start its sandbox as root (containers, CI); tests only, never the app. */
const rootArgs = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];

export async function launchDesktop(userDataDir: string): Promise<ElectronApplication> {
  return _electron.launch({
    executablePath: electronBinary!,
    args: [root, ...rootArgs],
    cwd: root,
    env: { ...(process.env as Record<string, string>), STOCKROOM_USER_DATA_DIR: userDataDir },
  });
}

export const test = base.extend<{ userDataDir: string; app: ElectronApplication; page: Page }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright's fixture signature
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stockroom-desktop-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ userDataDir }, use) => {
    const app = await launchDesktop(userDataDir);
    await use(app);
    await app.close();
  },
  page: async ({ app }, use) => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await use(page);
  },
});

export { expect } from '@playwright/test';
