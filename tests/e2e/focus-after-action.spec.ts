import { expect, test, type Page } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { openByKeyboard, tabTo } from './pages/keyboard';
import { labelOf } from './pages/labels';
import { wedgeScan } from './pages/wedge';

// The walkthrough's screen: a stockroom PC at 1366×768. No mouse where a tech would be: labels
// and badges come from the wedge scanner, the rest from Tab, Shift+Tab, typing and Enter.
test.use({ viewport: { width: 1366, height: 768 } });

async function badgeIn(page: Page, role: 'tech' | 'supervisor' = 'tech'): Promise<void> {
  await new AppPage(page).signInByBadge(person(role));
}

/** A tech badged in on a fresh app, on the Issue screen reached by keyboard. */
async function techOnIssue(page: Page): Promise<void> {
  await new AppPage(page).open();
  await badgeIn(page);
  await openByKeyboard(page, 'Issue', 'Issue to a department');
}

/** Moves the focus with Tab (or Shift+Tab) until it is in the Quantity field; counts the presses. */
async function keyToQuantity(page: Page, key: 'Tab' | 'Shift+Tab'): Promise<number> {
  const quantity = page.getByRole('textbox', { name: 'Quantity' });
  for (let presses = 1; presses <= 40; presses++) {
    await page.keyboard.press(key);
    if (await quantity.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error('Quantity was not reached');
}

/** Replaces the quantity at a person's pace (a fast burst is a scanner's). */
async function typeQuantity(page: Page, value: string): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value, { delay: 120 });
}

const focusIsOnBody = (page: Page) => page.evaluate(() => document.activeElement === document.body);

test.describe('the focus stays with the work', () => {
  test('issue: after Enter confirms, the focus is on the screen heading, one Tab from its fields', async ({
    page,
  }) => {
    await techOnIssue(page);
    await wedgeScan(page, labelOf('IVC2603B'));
    await expect(page.getByTestId('issue-confirm')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Issued', { exact: true })).toBeVisible();
    const heading = page.getByRole('heading', { level: 1, name: 'Issue to a department' });
    await expect(heading).toBeFocused();
    expect(await focusIsOnBody(page)).toBe(false);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('combobox', { name: 'Issue to' })).toBeFocused();
    await screenshot(page, 'focus-issue-confirmed');
    await expectAccessible(page, 'issue after a confirm');

    // The next scan still works with the focus on the heading.
    await wedgeScan(page, labelOf('IVC2603B'));
    await expect(page.getByTestId('issue-confirm')).toBeFocused();
    // Esc cancels: the focus goes back to the heading too.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('item-card')).toHaveCount(0);
    await expect(heading).toBeFocused();
  });

  test('issue: a scan not used puts the focus on its action, which leads to the find box', async ({
    page,
  }) => {
    await techOnIssue(page);
    await wedgeScan(page, labelOf('IVC2603B'));
    await expect(page.getByTestId('issue-confirm')).toBeFocused();
    await wedgeScan(page, 'XYZ-NOT-A-BARCODE');
    await expect(page.getByTestId('scan-error')).toBeVisible();
    const action = page.getByRole('button', { name: 'Find the item by hand' });
    await expect(action).toBeFocused();
    await screenshot(page, 'focus-scan-not-used');
    await expectAccessible(page, 'issue after a scan not used');
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('textbox', { name: /No label to scan\? Find the item/ }),
    ).toBeFocused();
  });

  test('issue: an unknown product offers Cancel, with the focus on it', async ({ page }) => {
    await techOnIssue(page);
    await wedgeScan(page, '0100812345678901172801011099ZZ');
    await expect(
      page.getByRole('alert').filter({ hasText: 'Not in the item master' }),
    ).toBeVisible();
    await expect(page.getByTestId('stop-cancel')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('item-card')).toHaveCount(0);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Issue to a department' }),
    ).toBeFocused();
  });

  for (const { screen, heading, lot, confirm, done } of [
    {
      screen: 'Receive',
      heading: 'Receive',
      lot: 'GL5521',
      confirm: 'receive-confirm',
      done: 'Received',
    },
    {
      screen: 'Return',
      heading: 'Return from a department',
      lot: 'SY4410',
      confirm: 'return-confirm',
      done: 'Returned',
    },
    {
      screen: 'Put away / transfer',
      heading: 'Put away and transfer',
      lot: 'SY4410',
      confirm: 'transfer-confirm',
      done: 'Moved',
    },
  ]) {
    test(`${screen}: after Enter confirms, the focus is on the screen heading`, async ({
      page,
    }) => {
      await new AppPage(page).open();
      await badgeIn(page);
      await openByKeyboard(page, screen, heading);
      if (screen === 'Put away / transfer') {
        await wedgeScan(page, 'LOC-A1');
        await wedgeScan(page, 'LOC-A2');
      }
      await wedgeScan(page, labelOf(lot));
      await expect(page.getByTestId(confirm)).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.locator('.mantine-Notification-title', { hasText: done })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
      await screenshot(page, `focus-${confirm}-done`);
    });
  }
});

test.describe('Enter in Quantity is the screen’s submit', () => {
  test('issue: with nothing scanned it says so; with the item scanned it issues that many', async ({
    page,
  }) => {
    await techOnIssue(page);
    await keyToQuantity(page, 'Tab');
    await typeQuantity(page, '3');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('quantity-missing')).toContainText('Nothing to issue yet');
    const quantity = page.getByRole('textbox', { name: 'Quantity' });
    await expect(quantity).toBeFocused();
    await screenshot(page, 'quantity-enter-missing');
    await expectAccessible(page, 'issue with Enter in Quantity and nothing scanned');

    await wedgeScan(page, labelOf('IVC2603B'));
    await expect(page.getByTestId('quantity-missing')).toHaveCount(0);
    await expect(page.getByTestId('issue-confirm')).toHaveText('Issue 3');
    await keyToQuantity(page, 'Shift+Tab');
    await typeQuantity(page, '4');
    await page.keyboard.press('Enter');
    await expect(page.getByText(/4 × IV catheter/)).toBeVisible();
    await expect(page.getByTestId('item-card')).toHaveCount(0);
    await expect(quantity).toBeFocused();
  });

  test('transfer: Enter in Quantity moves the typed quantity, as on Issue', async ({ page }) => {
    await new AppPage(page).open();
    await badgeIn(page);
    await openByKeyboard(page, 'Put away / transfer', 'Put away and transfer');
    await wedgeScan(page, 'LOC-A1');
    await wedgeScan(page, 'LOC-A2');
    await wedgeScan(page, labelOf('SY4410'));
    await expect(page.getByTestId('transfer-confirm')).toBeFocused();
    await keyToQuantity(page, 'Shift+Tab');
    await typeQuantity(page, '25');
    await page.keyboard.press('Enter');
    await expect(
      page.getByText(/25 × Syringe 10 mL Luer-Lock to Stockroom A · Shelf 2/),
    ).toBeVisible();
    await expect(page.getByTestId('item-card')).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Quantity' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('quantity-missing')).toContainText('Nothing to move yet');
  });
});

test('dashboard: a decided flag hands the focus to the next flag, the last one to the card heading', async ({
  page,
}) => {
  await new AppPage(page).open();
  await badgeIn(page, 'supervisor');
  const card = page.getByTestId('dash-anomalies');
  await expect(card.getByRole('heading', { name: 'Unusual usage · 2 open' })).toBeVisible();
  const confirmOf = (n: number) =>
    card
      .getByTestId('anomaly-open')
      .nth(n)
      .getByRole('button', { name: /^Confirm the flag: / });
  const first = (await confirmOf(0).getAttribute('aria-label')) ?? '';
  await tabTo(page, first, 150);
  await page.keyboard.press('Enter');
  // Cancel goes back to the button that opened the note.
  await tabTo(page, 'Cancel', 5);
  await page.keyboard.press('Enter');
  await expect(confirmOf(0)).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.type('Ward 4 outbreak: checked with the charge nurse', { delay: 60 });
  await page.keyboard.press('Enter');
  await expect(card.getByRole('heading', { name: 'Unusual usage · 1 open' })).toBeVisible();
  await expect(card.getByTestId('anomaly-open')).toHaveCount(1);
  await expect(confirmOf(0)).toBeFocused();

  await page.keyboard.press('Tab'); // Dismiss… of the same flag
  await page.keyboard.press('Enter');
  await page.keyboard.type('Stock count correction, not usage', { delay: 60 });
  await page.keyboard.press('Enter');
  const heading = card.getByRole('heading', { name: 'Unusual usage · 0 open' });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'focus-anomalies-all-decided');
  await expectAccessible(page, 'dashboard after deciding both flags');
});

test('a request step hands the focus to the request’s next step, then to its card', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('nurse-manager'));
  await app.go('Urgent requests');
  await page.getByRole('combobox', { name: 'Item' }).click();
  await page.getByRole('option', { name: 'Saline flush syringe 10 mL' }).click();
  await page.getByRole('textbox', { name: 'Quantity' }).fill('600');
  await page.getByRole('combobox', { name: 'Priority' }).click();
  await page.getByRole('option', { name: 'STAT' }).click();
  await page.getByRole('textbox', { name: 'Reason' }).fill('Arrest on ward 4B.');
  await page.getByTestId('urgent-submit').click();
  const request = page.getByTestId('urgent-request').filter({ hasText: '600 × Saline flush' });
  await expect(request).toContainText('submitted');
  await page.getByTestId('lock-button').click();
  await app.signInByBadge(person('supervisor'));
  await openByKeyboard(page, 'Urgent requests', 'Urgent requests');

  await tabTo(page, 'Acknowledge', 80);
  await page.keyboard.press('Enter');
  await expect(request.getByTestId('approval-needed')).toBeVisible();
  await expect(request.getByRole('button', { name: 'Approve' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(request.getByLabel('Status history')).toContainText('approved');
  await expect(request).toBeFocused();
  await screenshot(page, 'focus-request-approved');
  await expectAccessible(page, 'urgent requests after an approval');
});

test('a different person at the lock starts on the dashboard; the same person keeps the screen', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await badgeIn(page);
  await openByKeyboard(page, 'Issue', 'Issue to a department');
  // A split scan on a loaded machine is not read: scanned again, as a person would.
  await expect(async () => {
    await wedgeScan(page, 'LOC-A3');
    await expect(page.getByRole('combobox', { name: 'From' })).toHaveValue(/Shelf 3/, {
      timeout: 3_000,
    });
  }).toPass({ timeout: 20_000 });
  await keyToQuantity(page, 'Tab');
  await typeQuantity(page, '7');
  await page.getByTestId('lock-button').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();

  await app.signInByBadge(person('supervisor'));
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/dashboard');
  await app.go('Issue', 'Issue to a department');
  await expect(page.getByRole('combobox', { name: 'From' })).toHaveValue(/Shelf 1/);
  await expect(page.getByRole('textbox', { name: 'Quantity' })).toHaveValue('1');

  // The supervisor locks and comes back: their own screen, as before.
  await page.getByTestId('lock-button').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Screen locked' })).toBeVisible();
  await app.signInByBadge(person('supervisor'));
  await expect(
    page.getByRole('heading', { level: 1, name: 'Issue to a department' }),
  ).toBeVisible();
});

test('a page load asks for nothing that fails (the icon is the app’s own)', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => failed.push(`failed ${r.url()}`));
  page.on('console', (m) => {
    if (m.type() === 'error') failed.push(`console: ${m.text()}`);
  });
  await new AppPage(page).open();
  const icon = await page.evaluate(
    () => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href,
  );
  expect(icon).toMatch(/favicon\.svg$/);
  const answer = await page.request.get(icon ?? '');
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toContain('image/svg+xml');
  // The browser fetches the icon on its own after load.
  await page.waitForTimeout(1500);
  expect(failed).toEqual([]);
});
