import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { IssuePage } from './pages/issue-page';
import { labelOf } from './pages/labels';

test.describe('issuing to a department', () => {
  test('a recalled lot is a hard stop that names the recall, with the stop tone', async ({
    page,
  }) => {
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await app.go('Issue', 'Issue to a department');
    const issue = new IssuePage(page);
    await issue.from('LOC-A3', /Shelf 3/);
    await issue.scanItem(labelOf('FC2409A'));
    await expect(issue.hardStop).toBeVisible();
    await expect(issue.hardStop).toContainText('recalled lot FC2409A');
    await expect(issue.hardStop).toContainText('Z-0917-2026');
    await expect(issue.hardStop).toHaveAttribute('data-reasons', /RECALLED/);
    await expect(page.getByTestId('issue-confirm')).toHaveCount(0);
    expect(await issue.lastTone()).toBe('stop');
    await screenshot(page, 'issue-hard-stop-recalled');
    await expectAccessible(page, 'issue (hard stop)');
  });

  test('an expired lot is a hard stop that says when it expired', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await app.go('Issue', 'Issue to a department');
    const issue = new IssuePage(page);
    await issue.from('LOC-A2', /Shelf 2/);
    await issue.scanItem(labelOf('GZ0917'));
    await expect(issue.hardStop).toContainText('lot GZ0917 expired on');
    await expect(issue.hardStop).toHaveAttribute('data-reasons', 'EXPIRED');
    await expect(page.getByTestId('issue-confirm')).toHaveCount(0);
    await screenshot(page, 'issue-hard-stop-expired');
  });

  test('a good lot issues, and the new on-hand survives a reload', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.signInByBadge(person('tech'));
    await app.go('Issue', 'Issue to a department');
    const issue = new IssuePage(page);
    await issue.from('LOC-A1', /Shelf 1/);
    await issue.scanItem(labelOf('IVC2611A'));
    await expect(page.getByTestId('on-hand-here')).toContainText('On hand here: 120');
    await expect(issue.hardStop).toHaveCount(0);
    await issue.quantity(3);
    await screenshot(page, 'issue-ready');
    await expectAccessible(page, 'issue');
    await issue.confirm();
    expect(await issue.lastTone()).toBe('ok');

    await page.reload();
    await app.signInByPin(person('tech'));
    await app.go('Look up', 'Look up an item');
    await app.scan(labelOf('IVC2611A'));
    await expect(page.getByTestId('on-hand-here')).toHaveText('On hand across the facility: 117');
    // Every lot of the item, wherever it is, with the total: 117 of IVC2611A, 40 of IVC2603B and
    // whatever else the seed put elsewhere.
    const stock = page.getByTestId('item-stock');
    await expect(stock.getByRole('row', { name: /IVC2611A/ })).toContainText('117');
    await expect(stock.getByRole('row', { name: /IVC2603B/ })).toContainText('40');
    const total = await stock.getByTestId('item-stock-total').locator('th').nth(1).textContent();
    const rows = await stock.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(Number(total)).toBe(rows.reduce((sum, n) => sum + Number(n), 0));
    await screenshot(page, 'lookup');
    await expectAccessible(page, 'look up');
  });
});
