import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot } from './pages/evidence';
import { IssuePage } from './pages/issue-page';
import { labelOf } from './pages/labels';

test('issuing a later-expiring lot names the earlier lot on the same shelf and asks first', async ({
  page,
}) => {
  const issue = await IssuePage.ready(page, 'LOC-A1', /Shelf 1/);
  await issue.scanItem(labelOf('IVC2611A'));
  const notice = page.getByTestId('fefo-earlier');
  await expect(notice).toContainText('Lot IVC2603B of this item expires first');
  await expect(page.getByTestId('issue-confirm')).toHaveText('Issue 1 of lot IVC2611A anyway');
  await screenshot(page, 'issue-fefo-earlier-lot');
  await expectAccessible(page, 'issue (FEFO)');

  // The earlier lot itself issues without a question.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await issue.scanItem(labelOf('IVC2603B'));
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('issue-confirm')).toHaveText('Issue 1');
});
