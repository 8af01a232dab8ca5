import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { ConsolePage } from './console-page';

/**
 * Issue 14: an admin signs in, creates a facility, enrols a stockroom PC (the code as text and as
 * a QR code), sees it and revokes it; manages an API key; searches and exports the audit log.
 * axe finds no violation on any screen.
 */
test.describe.serial('the console, as an admin', () => {
  test('signs in, creates a facility, enrols a PC and revokes it', async ({ page, request }) => {
    const console = new ConsolePage(page);
    await console.open();
    await expect(page.getByRole('heading', { name: 'Centre console' })).toBeVisible();
    await console.expectNoAxeViolations('sign-in');
    await console.screenshots('sign-in');

    await page.getByRole('textbox', { name: 'Username' }).fill('ada.admin');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-her-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('The username or password is wrong');
    await console.signIn('admin');

    const form = page.getByRole('form', { name: 'Add a facility' });
    await form.getByLabel('Facility id').fill('FAC-CONSOLE');
    await form.getByLabel('Name').fill('Console General');
    await form.getByRole('button', { name: 'Add facility' }).click();
    const facilities = page.getByTestId('facilities-table');
    await expect(facilities.getByRole('row', { name: /FAC-CONSOLE/ })).toContainText(
      'Console General',
    );

    await page.getByRole('button', { name: 'Enrol a PC for Console General' }).click();
    const code = (await page.getByTestId('enrolment-code-text').textContent()) ?? '';
    expect(code).toMatch(/^enr_/);
    await expect(page.getByTestId('enrolment-qr')).toBeVisible();
    await console.expectNoAxeViolations('facilities with an enrolment code');
    await console.screenshots('enrolment-code');

    // The stockroom PC enrols with the code it was shown.
    const enrolled = await request.post('/v1/devices/enroll', {
      headers: { authorization: `Bearer ${code}` },
      data: { deviceName: 'Receiving dock PC' },
    });
    expect(enrolled.status()).toBe(201);
    const { token } = (await enrolled.json()) as { token: string };

    const pcs = page.getByTestId('pcs-table');
    await expect(pcs.getByRole('row', { name: /Receiving dock PC/ })).toBeVisible({
      timeout: 15_000,
    });
    await console.expectNoAxeViolations('facilities and PCs');
    await console.screenshots('facilities-and-pcs');

    // At 1366 px the whole row fits: Revoke is in the window, not past a sideways scroll.
    const revoke = pcs.getByRole('button', { name: 'Revoke Receiving dock PC (FAC-CONSOLE)' });
    const box = await revoke.boundingBox();
    expect((box?.x ?? Infinity) + (box?.width ?? 0)).toBeLessThanOrEqual(
      page.viewportSize()?.width ?? 0,
    );
    await expect(pcs.getByRole('row', { name: /Receiving dock PC/ })).toContainText(
      /app version not reported · token under a minute old/,
    );
    await revoke.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke this PC' }).click();
    await expect(pcs.getByRole('row', { name: /Receiving dock PC/ })).toContainText('Revoked');
    const refused = await request.post('/v1/replication/stock_events/push', {
      headers: { authorization: `Bearer ${token}` },
      data: [],
    });
    expect(refused.status()).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe('TOKEN_REVOKED');
  });

  test('creates an API key (shown once), rotates and revokes it', async ({ page }) => {
    const console = new ConsolePage(page);
    await console.open();
    await console.signIn('admin');
    await console.go('Integration');
    const form = page.getByRole('form', { name: 'Create an API key' });
    await form.getByLabel('Name').fill('erp-main');
    await form.getByRole('checkbox', { name: 'events:read' }).check();
    await form.getByRole('checkbox', { name: 'recalls:write' }).check();

    // Today as the expiry: refused in the words the admin typed, saying what to pick instead.
    const now = new Date();
    const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    const language = await page.evaluate(() => navigator.language);
    const todayInWords = now.toLocaleDateString(language, {
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    });
    await form.getByLabel('Expires on (optional)').fill(today);
    await form.getByRole('button', { name: 'Create key' }).click();
    const refusal = form.getByRole('alert');
    await expect(refusal).toContainText('Key not created');
    await expect(refusal).toContainText(
      `${todayInWords} is today: a key that expires on it would stop working at once. Pick a day after today, or leave "Expires on" empty for a key that never expires.`,
    );
    await expect(refusal).not.toContainText(/\d{4}-\d\d-\d\dT/);
    await expect(
      page.getByTestId('api-keys-table').getByRole('row', { name: /erp-main/ }),
    ).toHaveCount(0);
    await console.expectNoAxeViolations('integration (expiry refused)');
    await form.getByLabel('Expires on (optional)').fill('');
    await form.getByRole('button', { name: 'Create key' }).click();
    const secret = page.getByTestId('api-key-secret');
    await expect(secret).toContainText(/sk_/);
    const first = (await secret.locator('code').textContent()) ?? '';
    const row = page.getByTestId('api-keys-table').getByRole('row', { name: /erp-main/ });
    await expect(row).toContainText('events:read, recalls:write');
    await console.expectNoAxeViolations('integration');
    await console.screenshots('integration');

    // The navigation's edge runs the page's whole height, not only the window's first screen.
    const nav = await page.getByRole('navigation', { name: 'Console screens' }).boundingBox();
    const shot = PNG.sync.read(await page.screenshot({ fullPage: true }));
    expect(shot.height).toBeGreaterThan(768 + 200);
    const edge = Math.round(nav!.x + nav!.width) - 1;
    const blank: number[] = [];
    for (let y = 80; y < shot.height; y += 10) {
      const red = shot.data[(shot.width * y + edge) * 4]!;
      if (red > 245) blank.push(y);
    }
    expect(blank, `rows where the navigation's edge is missing at x=${edge}`).toEqual([]);

    await row.getByRole('button', { name: 'Rotate erp-main' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /Rotate: the old secret stops now/ })
      .click();
    await expect(secret.locator('code')).not.toHaveText(first);
    await secret.getByRole('button', { name: 'I have stored it' }).click();
    await expect(secret).toHaveCount(0);

    await row.getByRole('button', { name: 'Revoke erp-main' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke this key' }).click();
    await expect(row).toContainText('revoked');
  });

  test('searches the audit log and exports it as CSV', async ({ page }) => {
    const console = new ConsolePage(page);
    await console.open();
    await console.signIn('admin');
    await console.go('Audit');
    const form = page.getByRole('form', { name: 'Search the audit log' });
    await form.getByLabel('Who (actor)').fill('ada.admin');
    await form.getByLabel('What (action)').fill('facilities');
    await form.getByRole('button', { name: 'Search' }).click();
    const table = page.getByTestId('audit-table');
    await expect(table.getByRole('row', { name: /POST \/v1\/admin\/facilities/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /console sign-in/ })).toHaveCount(0);
    await console.expectNoAxeViolations('audit');
    await console.screenshots('audit');

    // From after To: said on the screen, with what to do, instead of "No line matches."
    await form.getByLabel('From (date)').fill('2026-12-08');
    await form.getByLabel('To (date)').fill('2026-12-02');
    await form.getByRole('button', { name: 'Search' }).click();
    const wrongWay = page.getByRole('alert');
    await expect(wrongWay).toContainText('The dates are the wrong way round');
    await expect(wrongWay).toContainText(
      /Nothing was searched: From \(.*8.*2026\) is after To \(.*2.*2026\), so no line could match\. Swap the two dates, or clear one of them\./,
    );
    await expect(page.getByText('No line matches.')).toHaveCount(0);
    await expect(table).toHaveCount(0);
    await console.expectNoAxeViolations('audit (dates reversed)');
    await console.screenshots('audit-dates-reversed');
    await form.getByLabel('From (date)').fill('2026-01-01');
    await form.getByLabel('To (date)').fill('2099-12-31');
    await form.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(table.getByRole('row', { name: /POST \/v1\/admin\/facilities/ })).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const file = await download;
    const text = await (await file.createReadStream()).toArray();
    const csv = Buffer.concat(text as Buffer[]).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'id,at,actorType,actorId,ip,action,target,outcome,status,detail',
    );
    expect(csv).toContain('POST /v1/admin/facilities');
    expect(csv).not.toContain('console sign-in');

    await console.go('Console people');
    await console.expectNoAxeViolations('console people');
    await console.screenshots('console-people');
  });
});
