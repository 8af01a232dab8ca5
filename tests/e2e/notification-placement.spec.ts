import { expect, test, type Locator } from '@playwright/test';
import { IssuePage } from './pages/issue-page';
import { labelOf } from './pages/labels';

// The stockroom PC's screen: the smallest the app is used on.
test.use({ viewport: { width: 1366, height: 768 } });

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not drawn');
  return box;
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test("what was recorded is announced where it never covers who is signed in, nor the next item's controls", async ({
  page,
}) => {
  const issue = await IssuePage.ready(page, 'LOC-A1', /Shelf 1/);
  // Two issues in a row: their notifications stack, and the stack too must keep clear.
  for (const lot of ['IVC2611A', 'SY4410']) {
    await issue.scanItem(labelOf(lot));
    await issue.confirm();
  }
  const toasts = page.locator('.mantine-Notification-root');
  await expect(toasts).toHaveCount(2);
  await issue.scanItem(labelOf('IVC2611A'));
  await page.screenshot({ path: 'test-results/screenshots/notifications-1366x768.png' });

  const header = await boxOf(page.getByRole('banner'));
  const name = await boxOf(page.getByTestId('signed-in-user'));
  const screenList = await boxOf(page.getByRole('navigation', { name: 'Screens' }));
  const viewport = { x: 0, y: 0, width: 1366, height: 768 };
  const covered = [
    await boxOf(page.getByRole('textbox', { name: 'Quantity' })),
    await boxOf(page.getByTestId('issue-confirm')),
  ];
  for (const toast of await toasts.all()) {
    const box = await boxOf(toast);
    expect(overlap(box, header), 'a notification over the header').toBe(false);
    expect(overlap(box, name), "a notification over the signed-in person's name").toBe(false);
    for (const control of covered) {
      expect(overlap(box, control), "a notification over the next item's controls").toBe(false);
    }
    // Nor anything else of the work: the next item's FEFO or STOP message is read right then.
    expect(box.x + box.width, 'a notification over the work of the screen').toBeLessThanOrEqual(
      screenList.x + screenList.width,
    );
    // Wholly on the screen, so it can be read.
    expect(overlap(box, viewport) && box.y + box.height <= viewport.height).toBe(true);
  }
});
