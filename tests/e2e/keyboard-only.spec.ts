import { expect, test, type Page } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { openByKeyboard } from './pages/keyboard';
import { labelOf } from './pages/labels';
import { wedgeScan } from './pages/wedge';

/** A tech signs in with the badge scanner, which is a keyboard too. */
async function badgeIn(page: Page): Promise<void> {
  await wedgeScan(page, person('tech').badge);
  await expect(page.getByTestId('signed-in-user')).toHaveText(person('tech').name);
}

// No mouse anywhere in these tests: the badge and labels come from the wedge scanner, the rest
// from Tab, Enter and Esc.
test.describe('keyboard only', () => {
  test('sign-in without a badge: part of a name, Enter, Tab, the PIN, Enter', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const who = person('supervisor');
    const nameBox = page.getByRole('combobox', { name: 'Your name' });
    for (let presses = 0; presses < 10; presses++) {
      if (await nameBox.evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    await expect(nameBox).toBeFocused();
    await page.keyboard.type(who.name.split(' ')[0]!.slice(0, 3), { delay: 120 });
    await page.keyboard.press('Enter');
    await expect(nameBox).toHaveValue(new RegExp(who.name));
    await page.keyboard.press('Tab');
    await expect(page.getByRole('textbox', { name: 'PIN' })).toBeFocused();
    // At a person's pace: a burst of keys ending in Enter is what a badge scanner sends.
    await page.keyboard.type(who.pin, { delay: 120 });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('signed-in-user')).toHaveText(who.name);
  });

  test('issue: after a scan Enter confirms, and Esc cancels the next one', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await badgeIn(page);
    await openByKeyboard(page, 'Issue', 'Issue to a department');

    await wedgeScan(page, labelOf('IVC2603B'));
    await expect(page.getByTestId('issue-confirm')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Issued', { exact: true })).toBeVisible();
    await expect(page.getByTestId('item-card')).toHaveCount(0);

    await wedgeScan(page, labelOf('IVC2603B'));
    await expect(page.getByTestId('item-card')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('item-card')).toHaveCount(0);
  });

  test('return: the confirm bar takes the focus, Enter returns, and Esc cancels', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await badgeIn(page);
    await openByKeyboard(page, 'Return', 'Return from a department');
    await wedgeScan(page, labelOf('SY4410'));
    await expect(page.getByTestId('return-confirm')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('item-card')).toHaveCount(0);
    await wedgeScan(page, labelOf('SY4410'));
    await page.keyboard.press('Enter');
    await expect(page.getByText('Returned', { exact: true })).toBeVisible();
  });

  test('a scan arriving while one waits is queued in view, and comes up after Enter', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await badgeIn(page);
    await openByKeyboard(page, 'Issue', 'Issue to a department');
    await wedgeScan(page, labelOf('IVC2603B'));
    await expect(page.getByTestId('item-card')).toContainText('IV catheter');
    await wedgeScan(page, labelOf('SY4410'));
    const waiting = page.getByTestId('queued-scans');
    await expect(waiting).toContainText('1 more scan waits');
    await expect(waiting).toContainText('lot SY4410');
    // The first scan is still the one on screen.
    await expect(page.getByTestId('item-lot')).toHaveText('Lot IVC2603B');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('item-lot')).toHaveText('Lot SY4410');
    await expect(waiting).toHaveCount(0);
    await expect(page.getByTestId('issue-confirm')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('item-card')).toHaveCount(0);
  });

  test('the confirm button is in view after a scan at 1024×768 and 1366×768', async ({ page }) => {
    for (const width of [1024, 1366]) {
      await page.setViewportSize({ width, height: 768 });
      const app = new AppPage(page);
      await app.open();
      await badgeIn(page);
      await openByKeyboard(page, 'Receive', 'Receive');
      await wedgeScan(page, labelOf('GL5521'));
      await expect(page.getByTestId('receive-confirm')).toBeInViewport();
      await page.screenshot({ path: `test-results/screenshots/receive-${width}x768.png` });
    }
  });
});

test('selected locations stay readable at 1024 px', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const app = new AppPage(page);
  await app.open();
  await badgeIn(page);
  for (const [screen, heading] of [
    ['Issue', 'Issue to a department'],
    ['Put away / transfer', /transfer|Put away/i],
    ['Receive', 'Receive'],
  ] as const) {
    await app.go(screen, heading);
    await page.screenshot({
      path: `test-results/screenshots/selects-1024-${screen.slice(0, 5)}.png`,
    });
    for (const input of await page.locator('input.mantine-Select-input').all()) {
      const cut = await input.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      expect(cut, `${screen}: "${await input.inputValue()}" is cut`).toBe(false);
    }
  }
  await page.screenshot({ path: 'test-results/screenshots/issue-1024-selects.png' });
});
