import { chromium, type BrowserContext } from '@playwright/test';
import { chromiumPathNow } from '../../browser/this-machine';

/** The flags every browser figure runs with: the tests' one browser lookup, kept off the network. */
export const BENCH_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // performance.memory in whole bytes rather than coarse buckets (figure 9).
  '--enable-precise-memory-info',
];

/** A profile on disk, so IndexedDB survives closing the browser (start-up is measured cold). */
export function launchProfile(
  userDataDir: string,
  extraArgs: string[] = [],
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    // Looked up at launch, after the run's set-up has found or installed the browser.
    executablePath: chromiumPathNow(),
    args: [...BENCH_CHROMIUM_ARGS, ...extraArgs],
    viewport: { width: 1280, height: 860 },
  });
}
