import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';
import { labelOf } from './pages/labels';

test('a recall is swept, quarantined by a tech, and disposed and closed by a second person', async ({
  page,
}) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('tech'));
  await app.go('Recalls');
  await app.scan(labelOf('FC2409A'));
  await expect(page.getByTestId('sweep-result')).toContainText('Z-0917-2026');
  await app.scan(labelOf('FC2410C'));
  await expect(page.getByTestId('sweep-result')).toContainText('Not recalled');

  const notice = page.getByTestId('notice-RCL-DEMO-1');
  await expect(notice.getByTestId('recall-totals')).toContainText(
    '18 on hand · 0 quarantined · 18 still to quarantine',
  );
  await notice.getByTestId('recall-open-case').click();
  for (const step of ['matched', 'located', 'quarantined', 'counted', 'acknowledged']) {
    await notice.locator(`button[data-step="${step}"]`).click();
    await expect(
      notice
        .getByRole('list', { name: 'Recall case steps' })
        .or(notice.getByLabel('Recall case steps')),
    ).toContainText(
      {
        matched: 'Matched',
        located: 'located',
        quarantined: 'Quarantine',
        counted: 'counted',
        acknowledged: 'Acknowledged',
      }[step]!,
    );
  }
  await expect(notice.getByTestId('recall-totals')).toContainText(
    '18 quarantined · 0 still to quarantine',
  );
  // A tech may not dispose: shared/recall's role rule, in its own words.
  await notice.getByRole('textbox', { name: /Your PIN/ }).fill(person('tech').pin);
  await notice.locator('button[data-step="disposed"]').click();
  await expect(notice.getByTestId('recall-error')).toContainText('supervisor');
  await screenshot(page, 'recalls');
  await expectAccessible(page, 'recalls');

  await page.getByTestId('lock-button').click();
  await app.signInByBadge(person('supervisor'));
  await app.go('Recalls');
  await notice.getByRole('textbox', { name: /Your PIN/ }).fill(person('supervisor').pin);
  await notice.locator('button[data-step="disposed"]').click();
  await expect(notice.locator('button[data-step="closed"]')).toBeVisible();
  await notice.getByRole('textbox', { name: /Your PIN/ }).fill(person('supervisor').pin);
  await notice.locator('button[data-step="closed"]').click();
  const report = notice.getByTestId('recall-report');
  await expect(report.getByTestId('report-notice')).toHaveText(/Z-0917-2026: .+/);
  await expect(report.getByTestId('report-status')).toHaveText(
    'Case closed · Returned to supplier',
  );
  await expect(report.getByTestId('report-matched')).toContainText('18');
  await expect(report.getByTestId('report-quarantined')).toContainText('18');
  await expect(report.getByTestId('report-disposed')).toContainText('18');
  await expect(report.getByTestId('report-time-quarantined')).toContainText(/min/);
  await expect(report.getByTestId('report-time-closed')).toContainText(/min/);
  const steps = report.getByRole('table', { name: 'Recall case steps taken' });
  await expect(steps.getByRole('row', { name: /All matched units quarantined/ })).toContainText(
    person('tech').name,
  );
  await expect(steps.getByRole('row', { name: /Case closed/ })).toContainText(
    person('supervisor').name,
  );
  await expect(report.getByTestId('report-issued-after')).toContainText('None');
  await expect(report.getByRole('button', { name: 'Print' })).toBeVisible();
  await expect(report).not.toContainText('"closed"');
  await screenshot(page, 'recall-closed');

  // Printed, the report stands alone: no navigation, header or Print button on the page.
  const navigation = page.getByRole('navigation', { name: 'Screens' });
  await expect(navigation).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(navigation).toBeHidden();
  await expect(report.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(report.getByTestId('report-notice')).toBeVisible();
  await screenshot(page, 'recall-report-printed');
  await page.emulateMedia({ media: 'screen' });
});
