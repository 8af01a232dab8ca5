import { expect, test } from '@playwright/test';
import { ConsolePage } from '../e2e-console/console-page';
import { startCentralEndpoint } from './pages/central-endpoint';

/**
 * Issue 15, point 2: an admin edits a facility's approval policy in the console, each save a new
 * version; mistakes are named on screen and nothing is saved; a buyer may only look; the PCs of
 * the facility fetch the version now in force.
 */
test('an admin saves a new version of a facility approval policy in the console; a buyer only reads it; the PC fetches it', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const central = await startCentralEndpoint({ consolePeople: true });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    const console = new ConsolePage(page, central.url);
    await console.open();
    await console.signIn('admin');
    await page.getByRole('button', { name: 'Edit the approval policy of North stockroom' }).click();
    const dialog = page.getByRole('dialog', { name: /Approval policy of North stockroom/ });
    const form = dialog.getByRole('form', { name: 'Approval policy of North stockroom' });
    await expect(form).toContainText('No policy saved yet: the built-in version 0 applies.');

    // The built-in rules are the starting point.
    await expect(form.getByLabel('Request value above')).toHaveValue('1000');
    await form.getByLabel('Request value above').fill('200');
    await form.getByLabel('Second approval level above').fill('100');
    await form.getByRole('button', { name: 'Save as a new version' }).click();
    await expect(form.getByRole('alert')).toContainText(
      "the second level's threshold must be the higher one",
    );

    await form.getByLabel('Second approval level above').fill('5000');
    await form.getByRole('textbox', { name: 'STAT: minutes to acknowledge' }).fill('10');
    await form.getByRole('button', { name: 'Save as a new version' }).click();
    await expect(form.getByRole('alert')).toContainText(
      'STAT: fill in both the minutes to acknowledge and the minutes to deliver',
    );
    await form.getByRole('textbox', { name: 'STAT: minutes to deliver' }).fill('90');

    const controlled = form.getByLabel('Controlled items');
    await controlled.click();
    await controlled.fill('Saline');
    await page.getByRole('option', { name: /Saline flush syringe 10 mL/ }).click();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    await console.expectNoAxeViolations('approval policy form');
    await console.screenshots('approval-policy-form');
    await form.getByRole('button', { name: 'Save as a new version' }).click();
    await expect(form.getByRole('status')).toContainText('Version 1 saved');
    await expect(form).toContainText('Version 1, saved');
    const versions = dialog.getByRole('table', { name: 'Policy versions' });
    await expect(versions.getByRole('row').nth(1)).toContainText(
      'value > 200 · line > 500 units · unstocked items · 1 controlled items · second level > 5000 · own service levels for stat',
    );

    // The stockroom's PC fetches what is now in force.
    const enrolled = await fetch(`${central.url}/v1/devices/enroll`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${central.codes.north[0] ?? ''}`,
      },
      body: JSON.stringify({ deviceName: 'Ward PC' }),
    });
    expect(enrolled.status).toBe(201);
    const { token } = (await enrolled.json()) as { token: string };
    const fetched = await fetch(`${central.url}/v1/replication/approval-policy`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await fetched.json()).toMatchObject({
      policy: {
        facilityId: central.north,
        version: 1,
        valueAbove: 200,
        secondLevelValueAbove: 5000,
        controlledItemIds: ['ITM-1006'],
        serviceLevels: { stat: { acknowledgeMinutes: 10, deliverMinutes: 90 } },
      },
    });

    // A buyer reads the policy but cannot change it.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await console.signIn('buyer');
    await page.getByRole('button', { name: 'View the approval policy of North stockroom' }).click();
    const readOnly = page.getByRole('form', { name: 'Approval policy of North stockroom' });
    await expect(readOnly).toContainText('Only an admin changes it.');
    await expect(readOnly.getByLabel('Request value above')).toBeDisabled();
    await expect(readOnly.getByRole('button', { name: 'Save as a new version' })).toHaveCount(0);
  } finally {
    await context.close();
    await central.stop();
  }
});
