import { expect, test, type Page } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { storedEvents } from './pages/stored-events';

/** The events of `type` the ledger keeps as entered by hand (the demo's opening stock is not). */
const typedEvents = async (page: Page, type: string) =>
  (await storedEvents(page)).filter(
    (event) => event['type'] === type && String(event['note']).startsWith('Entered by hand'),
  );

test.describe('an item without a readable label, at receipt and at a count', () => {
  test('receive by hand: the lot and expiry typed from the package meet the same recall decision as a scan, and the receipt says it was typed', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await app.go('Receive');
    await page.getByText('Free receipt', { exact: true }).click();
    const search = page.getByRole('textbox', { name: /No label to scan/ });
    await search.fill('foley');
    await page.getByRole('listitem').filter({ hasText: 'Foley catheter' }).click();
    await page.getByRole('textbox', { name: /Lot of Foley catheter/ }).fill('FC2409A');
    await page.getByLabel('Expiry as printed').fill('2027-09-29');
    await screenshot(page, 'receive-by-hand-search');
    await expectAccessible(page, 'receive (search)');
    await page.getByRole('button', { name: 'Use this item' }).click();
    // The recalled lot goes straight to quarantine, as when its label is scanned.
    await expect(page.getByTestId('receive-quarantine')).toBeVisible();
    await expect(page.getByTestId('entered-by-hand')).toBeVisible();
    await screenshot(page, 'receive-by-hand');
    await expectAccessible(page, 'receive (by hand)');
    await page.getByRole('textbox', { name: 'Quantity' }).fill('2');
    await page.getByTestId('receive-confirm').click();
    await expect(page.getByText('Received', { exact: true })).toBeVisible();
    expect(await typedEvents(page, 'receive')).toEqual([
      expect.objectContaining({ lotCode: 'FC2409A', expiry: '2027-09-29', locationId: 'LOC-QC' }),
    ]);
  });

  test('count by hand: a lot on the books is chosen, counted and recorded as typed', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await app.go('Cycle count');
    await page.getByRole('textbox', { name: /No label to scan/ }).fill('saline');
    await page
      .getByTestId('item-search')
      .getByRole('listitem')
      .filter({ hasText: 'Saline flush' })
      .click();
    await page.getByRole('combobox', { name: /Lot of Saline/ }).click();
    await page.getByRole('option', { name: /SF7781/ }).click();
    await page.getByRole('button', { name: 'Use this item' }).click();
    await expect(page.getByTestId('count-line')).toContainText('lot SF7781');
    await page.getByRole('textbox', { name: 'Counted' }).fill('80');
    await screenshot(page, 'count-by-hand');
    await expectAccessible(page, 'count (by hand)');
    await page.getByTestId('count-save').click();
    await expect(page.getByTestId('counted-lines')).toContainText('lot SF7781: 80');
    expect(await typedEvents(page, 'count')).toEqual([
      expect.objectContaining({ lotCode: 'SF7781', countedQuantity: 80 }),
    ]);
  });
});
