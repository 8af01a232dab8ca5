import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { storedEvents } from './pages/stored-events';

test.describe('an item without a readable label', () => {
  test('look up finds it by catalogue number and shows its stock everywhere', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await app.go('Look up', 'Look up an item');
    await page.getByRole('textbox', { name: /No label to scan/ }).fill('foley');
    await page.getByRole('listitem').filter({ hasText: 'Foley catheter' }).click();
    await page.getByRole('combobox', { name: /Lot of Foley/ }).click();
    await page.getByRole('option', { name: /FC2409A/ }).click();
    await page.getByRole('button', { name: 'Use this item' }).click();
    await expect(page.getByTestId('entered-by-hand')).toBeVisible();
    // The same recall decision as a scan.
    await expect(page.getByTestId('lookup-blocked')).toContainText('FC2409A');
    await expect(page.getByTestId('item-stock')).toBeVisible();
    await screenshot(page, 'lookup-by-hand');
    await expectAccessible(page, 'look up (by hand)');
  });

  test('issue by hand meets the recall stop, and a good lot issues with its entry recorded as typed', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await app.go('Issue', 'Issue to a department');
    const search = page.getByRole('textbox', { name: /No label to scan/ });
    await search.fill('foley');
    await page.getByRole('listitem').filter({ hasText: 'Foley catheter' }).click();
    await page.getByRole('combobox', { name: /Lot of Foley/ }).click();
    await page.getByRole('option', { name: /FC2409A/ }).click();
    await page.getByRole('button', { name: 'Use this item' }).click();
    await expect(page.getByTestId('hard-stop')).toHaveAttribute('data-reasons', /RECALLED/);
    await page.getByRole('button', { name: 'Cancel' }).first().click();

    await search.fill('saline flush');
    await page.getByRole('listitem').filter({ hasText: 'Saline flush' }).click();
    await page.getByRole('combobox', { name: /Lot of Saline/ }).click();
    await page.getByRole('option').first().click();
    await page.getByRole('button', { name: 'Use this item' }).click();
    await expect(page.getByTestId('entered-by-hand')).toBeVisible();
    await page.getByTestId('issue-confirm').click();
    await expect(page.getByText('Issued', { exact: true })).toBeVisible();
    // The ledger keeps that the unit was entered by hand.
    const notes = (await storedEvents(page))
      .filter((event) => event['type'] === 'issue' && event['note'])
      .map((event) => String(event['note']));
    expect(notes).toEqual([expect.stringContaining('Entered by hand')]);
  });
});
