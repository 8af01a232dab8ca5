import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { labelOf } from './pages/labels';
import { storedDocuments } from './pages/stored-events';

/** The print dialog cannot be driven headless: count the calls the page makes to it instead. */
async function countPrints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counted = window as unknown as { printCalls: number };
    counted.printCalls = 0;
    window.print = () => {
      counted.printCalls += 1;
    };
  });
}

const printCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { printCalls: number }).printCalls);

test.describe('relabelling a unit whose label is lost or unreadable', () => {
  test('a tech scans a sister unit, sees the label, prints it from the keyboard, and saves it as ZPL', async ({
    page,
  }) => {
    await countPrints(page);
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await app.go('Relabel', 'Relabel a unit');
    await app.scan(labelOf('SY4410'));
    const preview = page.getByTestId('relabel-preview');
    await expect(preview.getByTestId('relabel-human-readable')).toContainText('(10)SY4410');
    await expect(preview.getByTestId('relabel-human-readable')).toContainText('(17)');
    await expect(preview.getByRole('img', { name: /Label barcode/ })).toBeVisible();
    await screenshot(page, 'relabel-preview');
    await expectAccessible(page, 'relabel');

    // Keyboard first: the scan puts the focus on "Print label"; Enter prints.
    await expect(page.getByTestId('relabel-print')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Label printed', { exact: true })).toBeVisible();
    expect(await printCalls(page)).toBe(1);
    await expect(preview).toBeHidden();

    // Two copies of a GS1-128, saved as a ZPL file for the Zebra.
    await app.scan(labelOf('SY4410'));
    const code128 = page.getByRole('radio', { name: 'GS1-128' });
    await expect(async () => {
      await page.locator('label', { hasText: /^GS1-128$/ }).click();
      await expect(code128).toBeChecked({ timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
    await page.getByRole('textbox', { name: 'Copies' }).fill('2');
    await expect(page.getByTestId('relabel-print')).toHaveText('Print 2 labels');
    const download = page.waitForEvent('download');
    await page.getByTestId('relabel-zpl').click();
    const zpl = await readFile((await (await download).path())!, 'utf8');
    expect(zpl).toMatch(/^\^XA/);
    expect(zpl).toContain('^PQ2');
    expect(zpl).toContain('SY4410');
    await expect(page.getByText('Label file saved', { exact: true })).toBeVisible();

    const prints = await storedDocuments(page, 'label_prints');
    expect(prints.map((p) => [p['output'], p['symbology'], p['copies'], p['lotCode']])).toEqual(
      expect.arrayContaining([
        ['print-dialog', 'gs1-datamatrix', 1, 'SY4410'],
        ['zpl-file', 'gs1-128', 2, 'SY4410'],
      ]),
    );
    expect(prints).toHaveLength(2);
  });

  test('a recalled lot gets no new label: the unit is stopped and nothing is printed or recorded', async ({
    page,
  }) => {
    await countPrints(page);
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await app.go('Relabel', 'Relabel a unit');
    const search = page.getByRole('textbox', { name: /No label to scan/ });
    await search.fill('foley');
    await page.getByRole('listitem').filter({ hasText: 'Foley catheter' }).click();
    await page.getByRole('combobox', { name: /Lot of Foley/ }).click();
    await page.getByRole('option', { name: /FC2409A/ }).click();
    await page.getByRole('button', { name: 'Use this item' }).click();
    await expect(page.getByTestId('hard-stop')).toHaveAttribute('data-reasons', /RECALLED/);
    await expect(page.getByTestId('relabel-preview')).toHaveCount(0);
    await expect(page.getByTestId('relabel-print')).toHaveCount(0);
    await screenshot(page, 'relabel-recalled');
    await expect(page.getByTestId('stop-cancel')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('hard-stop')).toHaveCount(0);
    expect(await printCalls(page)).toBe(0);
    expect(await storedDocuments(page, 'label_prints')).toEqual([]);
  });

  test('a nurse manager has no relabel screen', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('nurse-manager'));
    await expect(
      page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Relabel' }),
    ).toHaveCount(0);
  });
});
