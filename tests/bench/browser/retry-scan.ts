import type { Locator, Page } from '@playwright/test';
import { person } from '../../e2e/pages/app-page';
import { wedgeScan } from '../../e2e/pages/wedge';

/**
 * On a loaded two-core machine a synthetic keystroke can arrive after the wedge decoder's pause
 * limit and split a scan, which a real scanner never does; a person would simply scan again. The
 * figures do the same, at most three times, and count the extra scans.
 */
export async function scanUntil(
  page: Page,
  data: string,
  shows: Locator,
  /** Sends nothing to the browser this long after the Enter (see QUIET_MS). */
  quietMs = 0,
): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    await wedgeScan(page, data);
    if (quietMs > 0) await quiet(quietMs);
    try {
      await shows.first().waitFor({ timeout: 5_000 });
      return attempt;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

/** Signs the demo tech in by badge, scanning again if a split scan was not taken for a badge. */
export async function signInTech(page: Page): Promise<number> {
  const tech = person('tech');
  await page.getByText('Scan your badge to sign in.').waitFor({ timeout: 60_000 });
  return scanUntil(
    page,
    tech.badge,
    page.getByTestId('signed-in-user').filter({ hasText: tech.name }),
  );
}

/** Retries a page-object step that starts with a scan (e.g. choosing the shelf by its label). */
export async function retried(step: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

/**
 * How long a timed figure leaves the browser alone after the input that starts the work it times.
 * Every Playwright call is a message through Chromium's browser process, and a wait for an element
 * polls in the page itself on each animation frame; on two cores that traffic competes with the
 * very render and IndexedDB round trips being timed, which a person's scan or click never does.
 * The times are read afterwards from the page's own clock, so the pause is not part of them.
 */
export const QUIET_MS = 250;

/** Waits in Node, sending nothing to the browser. */
export function quiet(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
