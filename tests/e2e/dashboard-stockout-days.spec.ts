import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';

test.use({ viewport: { width: 1366, height: 768 } });

const DATE = /^\d{4}-\d{2}-\d{2}$/;

test('stockout days: the figure from the seeded history, day by day and week by week, and the item-locations out on each day by name', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('supervisor'));
  const figures = page.getByTestId('facility-indicators');
  await expect(figures).toHaveAttribute('data-state', 'ready');
  const card = page.getByTestId('indicator-stockouts');
  // The demo's past lots end at zero the day before the opening stock arrives, and some ran dry
  // before their next delivery: there are stockout days in the last 30 days.
  const figure = page.getByTestId('indicator-stockouts-figure');
  await expect(figure).toHaveText(/^\d+ stockout days?$/);
  const days = Number((await figure.textContent())?.split(' ')[0]);
  expect(days).toBeGreaterThan(0);
  await expect(card).toContainText(
    /\d+ item-locations? ran out on \d+ of the 30 days · \d+ at zero now/,
  );
  await card.scrollIntoViewIfNeeded();
  await expect(
    card.getByText('Day by day (item-locations out at the end of the day)'),
  ).toBeVisible();
  await expect(card.locator('.recharts-wrapper')).toBeVisible();
  await screenshot(page, 'dashboard-stockout-days-1366');
  await card.screenshot({ path: 'test-results/screenshots/dashboard-stockout-days-card.png' });

  // What the figure means, from the keyboard.
  const help = card.getByRole('button', { name: 'What "Stockouts" means' });
  await help.focus();
  await page.keyboard.press('Enter');
  const definition = page.getByText(/Stockout days add up every such item-location and day/);
  await expect(definition).toBeVisible();
  await page.keyboard.press('Escape');
  // Closed, so it does not stand over the records opened next.
  await expect(definition).toBeHidden();

  // The records behind the figure, from the keyboard: one row per item-location and day, by name.
  const open = card.getByRole('button', { name: `Show the ${days} records behind it` });
  await open.focus();
  await page.keyboard.press('Enter');
  const table = page.getByRole('table', { name: 'Records behind Stockouts' });
  await expect(table.locator('tbody tr')).toHaveCount(days);
  await expect(table.locator('thead th')).toHaveText(['Day', 'Item', 'Location']);
  const shown = await table.locator('tbody tr').first().locator('td').allTextContents();
  expect(shown[0]).toMatch(DATE);
  // Names, not ids.
  expect(shown[1]).not.toMatch(/^ITM-/);
  expect(shown[2]).not.toMatch(/^LOC-/);
  const dates = await table.locator('tbody tr td:first-child').allTextContents();
  expect(dates).toEqual([...dates].sort().reverse());
  await screenshot(page, 'dashboard-stockout-days-records');
  await page.getByRole('dialog').screenshot({
    path: 'test-results/screenshots/dashboard-stockout-days-records-dialog.png',
  });
  await expectAccessible(page, 'the records behind the stockout days');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download as CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('stockouts.csv');
  const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
  expect(csv[0]).toBe('Day,Item,Location');
  expect(csv.filter((line) => line.length > 0)).toHaveLength(days + 1);
  await page.keyboard.press('Escape');
  await expect(table).toBeHidden();

  // A day's bar opens that day's item-locations alone.
  await card.locator('.recharts-bar-rectangle path').first().click();
  const day = page.getByRole('table', { name: /^Records behind Stockouts: \d{4}-\d{2}-\d{2}$/ });
  await expect(day.getByRole('row').nth(1)).toBeVisible();
  const label = ((await day.getAttribute('aria-label')) ?? '').slice(-10);
  const onThatDay = await day.locator('tbody tr td:first-child').allTextContents();
  expect(onThatDay.every((d) => d === label)).toBe(true);
  await page.keyboard.press('Escape');

  // Over 90 days the chart goes week by week, and the figure covers the longer period.
  await figures.getByText('Last 90 days').click();
  await expect(card).toContainText(/of the 90 days/);
  const longer = Number((await figure.textContent())?.split(' ')[0]);
  expect(longer).toBeGreaterThanOrEqual(days);
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByText(/^Week by week \(Stockout days/)).toBeVisible();
  await screenshot(page, 'dashboard-stockout-days-90');
  await card.screenshot({ path: 'test-results/screenshots/dashboard-stockout-days-card-90.png' });
  await expectAccessible(page, 'dashboard with stockout days');
});
