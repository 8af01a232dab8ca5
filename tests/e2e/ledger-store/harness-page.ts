import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

let bundled: Promise<string> | undefined;

/** The harness entry as the app's build tool bundles it, once per worker. */
function bundle(): Promise<string> {
  bundled ??= (async () => {
    const entry = fileURLToPath(new URL('./harness-entry.ts', import.meta.url));
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
      build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'harness' } },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
    const chunk = outputs[0]?.output.find((o): o is Rollup.OutputChunk => o.type === 'chunk');
    if (!chunk) throw new Error('Vite produced no chunk for the ledger harness');
    return chunk.code;
  })();
  return bundled;
}

/**
 * A page of the app's origin (IndexedDB is per origin) that runs the harness instead of the app,
 * so a test opens the stores it wants without the app's own 13 collections taking every slot.
 */
export async function openHarness(page: Page): Promise<void> {
  const code = await bundle();
  await page.route('**/ledger-harness.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html><body><script type="module" src="/ledger-harness.js"></script></body></html>',
    }),
  );
  await page.route('**/ledger-harness.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: code }),
  );
  await page.goto('/ledger-harness.html');
  await page.waitForFunction(() => 'ledgerHarness' in globalThis);
}
