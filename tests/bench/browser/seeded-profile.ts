import type { BrowserContext, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage } from '../../e2e/pages/app-page';
import { today } from '../../e2e/pages/labels';
import { demoHistory } from '../inputs/demo-history';
import { serveWebApp } from './app-server';
import { launchProfile } from './chromium';
import { installProbes } from './page-probes';
import { ownEvents, rebuildBalances, seedAppStore } from './seed-store';

/**
 * One browser profile whose IndexedDB holds the demo stockroom plus `events` history events, and
 * the web build served on one origin for the whole run (IndexedDB is per origin, port included).
 */
export interface SeededProfile {
  url: string;
  userDataDir: string;
  storedEvents: number;
  balances: number;
  seedSeconds: number;
  /** A fresh browser on the profile, with the probes installed and the app opened. */
  open(): Promise<{ context: BrowserContext; page: Page; app: AppPage }>;
  close(): Promise<void>;
}

export async function seededProfile(
  events: number,
  port = 47_000 + (process.pid % 1_000),
): Promise<SeededProfile> {
  const server = await serveWebApp(port);
  const userDataDir = mkdtempSync(join(tmpdir(), 'stockroom-bench-profile-'));
  const open = async () => {
    const context = await launchProfile(userDataDir);
    const page = context.pages()[0] ?? (await context.newPage());
    await installProbes(page);
    await page.goto(server.url);
    const app = new AppPage(page);
    return { context, page, app };
  };
  const began = performance.now();
  const first = await open();
  let storedEvents = 0;
  let balances = 0;
  try {
    // The first start seeds the demo facility; wait for it before adding history.
    await first.page.getByText('Scan your badge to sign in.').waitFor({ timeout: 60_000 });
    const own = await ownEvents(first.page);
    const history = demoHistory(events, today());
    storedEvents = await seedAppStore(first.page, history);
    balances = await rebuildBalances(first.page, own, history);
  } finally {
    await first.context.close();
  }
  return {
    url: server.url,
    userDataDir,
    storedEvents,
    balances,
    seedSeconds: (performance.now() - began) / 1000,
    open,
    async close() {
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
