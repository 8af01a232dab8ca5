import { expect, type Page } from '@playwright/test';

/** The focused element's accessible name, as a person with a screen reader would hear it. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return (el?.getAttribute('aria-label') ?? el?.innerText ?? '').trim();
  });
}

/**
 * Tabs forward, as a tech would, until the focus is on the named control, and counts the presses.
 * Fails when a full round of the page never reaches it: then the keyboard cannot finish the job.
 */
export async function tabTo(page: Page, name: string, limit = 60): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if ((await focusedName(page)) === name) return presses;
  }
  throw new Error(`"${name}" was not reached in ${limit} Tab presses`);
}

/** Opens a screen from the navigation with the keyboard alone. */
export async function openByKeyboard(page: Page, screen: string, heading: string): Promise<void> {
  await tabTo(page, screen);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}
