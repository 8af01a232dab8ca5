import type { Page } from '@playwright/test';

export const GS = '\u001d';

const PERSON_RESCAN_MS = 300;
const lastScanEnd = new WeakMap<Page, number>();

/**
 * A person points the scanner after the screen has settled; a synthetic keystroke sent while the
 * page is still rendering arrives late and splits the burst, which no real scan does.
 */
export async function untilSettled(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestIdleCallback(() => resolve(null), { timeout: 2000 })),
  );
}

/**
 * Types a scan the way a keyboard-wedge scanner does: keystrokes a few milliseconds apart, GS as
 * Ctrl+], Enter at the end.
 */
export async function wedgeScan(page: Page, data: string, delay = 5): Promise<void> {
  await untilSettled(page);
  // No person presents a label sooner than this after the last; quicker, the app takes the same
  // label as the scanner's double read (renderer/scanning/double-read.ts).
  const since = Date.now() - (lastScanEnd.get(page) ?? 0);
  if (since < PERSON_RESCAN_MS) await page.waitForTimeout(PERSON_RESCAN_MS - since);
  const parts = data.split(GS);
  for (const [index, part] of parts.entries()) {
    if (index > 0) await page.keyboard.press('Control+BracketRight');
    if (part) await page.keyboard.type(part, { delay });
  }
  await page.keyboard.press('Enter');
  lastScanEnd.set(page, Date.now());
}
