import { expect, test } from '@playwright/test';
import { AppPage, person } from './pages/app-page';
import { expectAccessible, screenshot } from './pages/evidence';

test('a nurse manager raises a STAT request and sees its status timeline', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.signInByBadge(person('nurse-manager'));
  await app.go('Urgent requests');
  await page
    .getByRole('textbox', { name: 'Item' })
    .or(page.getByRole('combobox', { name: 'Item' }))
    .click();
  await page.getByRole('option', { name: 'Saline flush syringe 10 mL' }).click();
  await page.getByRole('textbox', { name: 'Quantity' }).fill('60');
  await page.getByRole('combobox', { name: 'Priority' }).click();
  await page.getByRole('option', { name: 'STAT' }).click();
  await page.getByTestId('urgent-submit').click();
  await expect(page.getByRole('alert')).toContainText('Say why it is urgent');
  await page.getByRole('textbox', { name: 'Reason' }).fill('Code blue in bay 3; flushes ran out.');
  await page.getByTestId('urgent-submit').click();
  const request = page.getByTestId('urgent-request').filter({ hasText: 'Saline flush' });
  await expect(request).toContainText('submitted');
  await expect(request.getByLabel('Status history')).toContainText('draft');
  // A demo PC has no centre: "submitted" must not read as "someone has it".
  await expect(request.getByTestId('request-transmission')).toContainText(
    'Saved on this PC only: this PC is not connected to a centre',
  );
  await screenshot(page, 'urgent-requests');
  await expectAccessible(page, 'urgent requests');

  await app.go('Dashboard');
  await expect(page.getByTestId('dash-urgent')).toContainText('60 × Saline flush');
});

test('a STAT request nobody acknowledges escalates on the urgent screen and the dashboard', async ({
  page,
}) => {
  // Playwright's clock stands in for the wall clock, so 20 minutes pass in an instant; the
  // inactivity lock is set beyond them so the screen stays in view.
  await page.clock.install();
  const app = new AppPage(page);
  await app.open({ lockAfterSeconds: 3 * 3600 });
  await app.signInByBadge(person('nurse-manager'));
  await app.go('Urgent requests');
  await page.getByRole('combobox', { name: 'Item' }).click();
  await page.getByRole('option', { name: 'Saline flush syringe 10 mL' }).click();
  await page.getByRole('textbox', { name: 'Quantity' }).fill('12');
  await page.getByRole('combobox', { name: 'Priority' }).click();
  await page.getByRole('option', { name: 'STAT' }).click();
  await page.getByRole('textbox', { name: 'Reason' }).fill('Arrest on ward 4B.');
  await page.getByTestId('urgent-submit').click();
  const request = page.getByTestId('urgent-request').filter({ hasText: '12 × Saline flush' });
  await expect(request).toContainText('submitted');
  await page.clock.fastForward('14:00');
  await expect(request.getByTestId('escalated')).toHaveCount(0);

  await page.clock.fastForward('06:30');
  await expect(request.getByTestId('escalated')).toHaveText(
    /^Not acknowledged for 2\d min — reminder sent$/,
  );
  // Offline all along: the ladder climbs on this PC's own clock.
  await page.clock.fastForward('20:00');
  await expect(request.getByTestId('escalated')).toHaveText(
    /^Not acknowledged for 4\d min — escalated to the supervisor$/,
  );
  await expect(request.getByTestId('escalated')).toHaveAttribute('data-rung', 'supervisor');
  await screenshot(page, 'urgent-requests-escalated');
  await expectAccessible(page, 'urgent requests (escalated)');

  await app.go('Dashboard');
  const onDashboard = page
    .getByTestId('dash-urgent')
    .getByRole('listitem')
    .filter({ hasText: '12 × Saline flush' });
  await expect(onDashboard).toContainText(
    /Not acknowledged for 4\d min — escalated to the supervisor/,
  );
  // The whole sentence shows: the badge wraps rather than cutting its words off.
  const badge = onDashboard.getByTestId('escalated');
  const cut = await badge.evaluate((el) => {
    const label = el.querySelector('.mantine-Badge-label') ?? el;
    return label.scrollWidth > label.clientWidth + 1;
  });
  expect(cut).toBe(false);

  // The next rung is the centre's, but an offline PC never reached it: no false comfort.
  await page.clock.fastForward('16:00');
  await expect(onDashboard.getByTestId('escalated')).toHaveText(
    /^Not acknowledged for \d+ min — due to go to the centre, but it has not reached it: phone the centre$/,
  );
  await app.go('Urgent requests');
  await expect(request.getByTestId('escalated')).toHaveAttribute('data-rung', 'exception-queue');
  await expect(request.getByTestId('escalated')).toContainText('phone the centre');
  await expect(request).not.toContainText('escalated to the centre');
});
