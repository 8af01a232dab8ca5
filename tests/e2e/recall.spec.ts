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
  // The scanned unit goes into the cage: where it came from and how many, Enter puts it there.
  const sweep = page.getByTestId('sweep-quarantine');
  await expect(sweep.getByRole('combobox', { name: 'Taken from' })).toHaveValue(/Shelf 3/);
  await sweep.getByRole('textbox', { name: 'Units' }).fill('10');
  await sweep.getByRole('button', { name: 'Put in Quarantine cage' }).click();
  await expect(page.getByTestId('sweep-quarantine-result')).toHaveText(
    '10 put in the Quarantine cage.',
  );
  await app.scan(labelOf('FC2410C'));
  await expect(page.getByTestId('sweep-result')).toContainText('Not recalled');

  const notice = page.getByTestId('notice-RCL-DEMO-1');
  const evidence = notice.getByTestId('quarantine-evidence');
  await expect(evidence).toHaveText('In the quarantine area: 10 units · still outside: 8 units');
  await notice.getByTestId('recall-open-case').click();
  const steps = notice.getByLabel('Recall case steps');
  for (const step of ['matched', 'located']) {
    await notice.locator(`button[data-step="${step}"]`).click();
    await expect(steps).toContainText(step === 'matched' ? 'Matched' : 'located');
  }
  // Eight units still sit on Shelf 3: the case cannot say they are quarantined.
  await notice.locator('button[data-step="quarantined"]').click();
  await expect(notice.getByTestId('recall-error')).toContainText(
    '8 matched units are not in quarantine yet',
  );
  await notice.getByRole('button', { name: 'Record transfer of 8 to quarantine' }).click();
  await expect(evidence).toHaveText('In the quarantine area: 18 units · still outside: 0 units');
  await notice.locator('button[data-step="quarantined"]').click();
  await expect(steps).toContainText('in quarantine');
  // The count needs the number counted, and it must agree with the cage.
  await notice.locator('button[data-step="counted"]').click();
  await expect(notice.getByTestId('recall-error')).toContainText('enter the number you counted');
  const counted = notice.getByRole('textbox', { name: 'Units you counted in the quarantine cage' });
  await counted.fill('17');
  await notice.locator('button[data-step="counted"]').click();
  await expect(notice.getByTestId('recall-error')).toContainText('You counted 17');
  // Enter in the count records it, as the button does.
  await counted.fill('18');
  await counted.press('Enter');
  await expect(steps).toContainText('18 units');
  await notice.locator('button[data-step="acknowledged"]').click();
  await expect(steps).toContainText('Acknowledged');
  await expect(notice.getByTestId('recall-totals')).toContainText(
    '18 quarantined · 0 still to quarantine',
  );
  // A tech may not dispose: shared/recall's role rule, in its own words. Enter in the PIN submits.
  const pin = notice.getByRole('textbox', { name: /Your PIN/ });
  await pin.fill(person('tech').pin);
  await pin.press('Enter');
  await expect(notice.getByTestId('recall-error')).toContainText('supervisor');
  await screenshot(page, 'recalls');
  await expectAccessible(page, 'recalls');

  await page.getByTestId('lock-button').click();
  await app.signInByBadge(person('supervisor'));
  await app.go('Recalls');
  // By keyboard alone: a wrong PIN is said beside the field, the focus back in it.
  await pin.fill('0000');
  await pin.press('Enter');
  await expect(pin).toHaveAccessibleDescription(
    'That PIN is not right. 4 tries left before this PIN is locked.',
  );
  await expect(pin).toBeFocused();
  await expect(notice.locator('button[data-step="closed"]')).toHaveCount(0);
  await screenshot(page, 'recall-dispose-wrong-pin');
  await pin.fill(person('supervisor').pin);
  await pin.press('Enter');
  await expect(notice.locator('button[data-step="closed"]')).toBeVisible();
  await expect(pin).not.toHaveAccessibleDescription(/not right/);
  // The same field closes the case: the focus is still in it.
  await expect(pin).toBeFocused();
  // Typed as a person types: a burst at scanner speed would be a scan.
  await page.keyboard.type(person('supervisor').pin, { delay: 150 });
  await page.keyboard.press('Enter');
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
  await expect(report.getByTestId('report-time-effective-quarantined')).toContainText(/day|h|min/);
  await app.go('Dashboard');
  await expect(page.getByTestId('dash-recalls')).toContainText('Open recalls · 0');
  await app.go('Recalls');
  const stepRows = report.getByRole('table', { name: 'Recall case steps taken' });
  await expect(stepRows.getByRole('row', { name: /All matched units quarantined/ })).toContainText(
    person('tech').name,
  );
  await expect(stepRows.getByRole('row', { name: /Case closed/ })).toContainText(
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
