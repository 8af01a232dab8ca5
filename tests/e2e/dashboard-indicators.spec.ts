import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';

test.use({ viewport: { width: 1366, height: 768 } });

test('the dashboard shows the facility figures offline, says what each means and opens the records behind it', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('supervisor'));
  const figures = page.getByTestId('facility-indicators');
  await expect(figures.getByRole('heading', { name: "This stockroom's figures" })).toBeVisible();
  for (const id of [
    'stockouts',
    'stockout-risk',
    'expiring-value',
    'expiry-waste',
    'count-accuracy',
    'recall-response',
    'order-cycle-time',
    'urgent-acknowledgement',
    'fill-rate',
  ]) {
    await expect(page.getByTestId(`indicator-${id}-figure`)).not.toBeEmpty();
  }
  // The demo's past requests: some first deliveries came short.
  await expect(page.getByTestId('indicator-fill-rate-figure')).toHaveText(/^\d{1,2} % of lines$/);
  // The demo has no recall case yet: the card says so in words, with no empty chart under it.
  const recalls = page.getByTestId('indicator-recall-response');
  await expect(page.getByTestId('indicator-recall-response-figure')).toHaveText('No recall cases');
  await expect(recalls).toContainText(
    'No recall case was opened at this stockroom in this period.',
  );
  await recalls.scrollIntoViewIfNeeded();
  await expect(recalls.locator('.recharts-wrapper')).toHaveCount(0);
  // The demo stock has lots expiring within 90 days: the figure and its chart are there.
  const expiring = page.getByTestId('indicator-expiring-value');
  // The chart is drawn as the card comes into view, as a person scrolls to it.
  await expiring.scrollIntoViewIfNeeded();
  await expect(expiring.locator('.recharts-wrapper')).toBeVisible();

  // What a figure means, from the keyboard.
  const help = expiring.getByRole('button', { name: 'What "Expiring value" means' });
  await help.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/expires within 30, 60 or 90 days/)).toBeVisible();
  await page.keyboard.press('Escape');

  // The records behind the figure.
  await expiring.getByRole('button', { name: /Show the \d+ records? behind it/ }).click();
  const table = page.getByRole('table', { name: 'Records behind Expiring value' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await screenshot(page, 'dashboard-indicators-records');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('expiring-value.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('Item,Lot,Location,Expiry,Days left,On hand,Value');
  expect(csv.split('\r\n').length).toBeGreaterThan(2);
  await page.keyboard.press('Escape');
  await expect(table).toBeHidden();

  // A bar of the chart opens the records behind that bar alone: the lots expiring within 90 days.
  await expiring.locator('.recharts-bar-rectangle').last().click();
  const within = page.getByRole('table', { name: 'Records behind Expiring value: ≤ 90 days' });
  await expect(within.getByRole('row').nth(1)).toBeVisible();
  const daysLeft = await within.locator('tbody tr td:nth-child(5)').allTextContents();
  expect(daysLeft.length).toBeGreaterThan(0);
  expect(daysLeft.every((d) => Number(d) <= 90)).toBe(true);
  await page.getByRole('button', { name: /^Show all \d+ records$/ }).click();
  await expect(page.getByRole('table', { name: 'Records behind Expiring value' })).toBeVisible();
  await page.keyboard.press('Escape');

  await figures.getByText('Last 90 days').click();
  await figures.scrollIntoViewIfNeeded();
  await screenshot(page, 'dashboard-indicators-1366');
  await expectAccessible(page, 'dashboard with its figures');
});
