import { expect, test } from '@playwright/test';
import { CONSOLE_CSRF_HEADER } from '../../shared/console';
import { ConsolePage } from './console-page';

/** Issue 14: an analyst sees everything and changes nothing; a buyer reaches no admin action. */
test('an analyst sees facilities, PCs, keys and the audit log but can change nothing', async ({
  page,
}) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.signIn('analyst');
  await expect(page.getByText('Analyst (read-only)')).toBeVisible();
  await expect(
    page.getByTestId('facilities-table').or(page.getByText('No facility yet.')),
  ).toBeVisible();
  await expect(page.getByRole('form', { name: 'Add a facility' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Enrol a PC/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
  await console.expectNoAxeViolations('facilities and PCs (analyst)');
  await console.screenshots('analyst-facilities');

  await console.go('Integration');
  await expect(page.getByRole('form', { name: 'Create an API key' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Rotate|Revoke/ })).toHaveCount(0);
  await console.expectNoAxeViolations('integration (analyst)');

  // What the screen does not offer, the endpoint refuses too, even with the session's CSRF token.
  const answer = await page.evaluate(async (header) => {
    const session = await (await fetch('/v1/console/session')).json();
    const response = await fetch('/v1/admin/facilities', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [header]: session.csrfToken },
      body: JSON.stringify({ id: 'FAC-ANALYST', name: 'Not allowed' }),
    });
    return { status: response.status, body: await response.json() };
  }, CONSOLE_CSRF_HEADER);
  expect(answer.status).toBe(403);
  expect(answer.body.code).toBe('ROLE_NOT_PERMITTED');

  // Webhooks and dead letters: read, never changed.
  await expect(page.getByRole('form', { name: 'Register a webhook' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Replay|Pause|Re-key|Delete/ })).toHaveCount(0);

  // Exceptions: the queue is there to read; nothing to take or resolve.
  await console.go('Exceptions');
  await expect(page.getByRole('radiogroup', { name: 'Show' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Take ownership|Take over|Resolve/ })).toHaveCount(
    0,
  );
  await console.expectNoAxeViolations('exceptions (analyst)');
  await console.screenshots('analyst-exceptions');

  // Recalls: progress to read, no recall to enter.
  await console.go('Recalls');
  await expect(page.getByRole('form', { name: 'Enter a recall' })).toHaveCount(0);
  await console.expectNoAxeViolations('recalls (analyst)');

  const refusals = await page.evaluate(async (header) => {
    const session = await (await fetch('/v1/console/session')).json();
    const post = async (path: string, body: unknown) =>
      (
        await fetch(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [header]: session.csrfToken },
          body: JSON.stringify(body),
        })
      ).status;
    return [
      await post('/v1/admin/exceptions/take', { id: 'pc-quiet:DEV-X:0' }),
      await post('/v1/admin/dead-letters/replay', { ids: [1] }),
      await post('/v1/admin/recalls', { id: 'RCL-ANALYST' }),
    ];
  }, CONSOLE_CSRF_HEADER);
  expect(refusals).toEqual([403, 403, 403]);
});

test('a buyer gets no admin action on any screen', async ({ page }) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.signIn('buyer');
  await expect(page.getByRole('form', { name: 'Add a facility' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Enrol a PC|Revoke/ })).toHaveCount(0);
  await console.go('Integration');
  await expect(page.getByRole('form', { name: 'Create an API key' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Register a webhook' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Replay|Pause|Re-key|Delete/ })).toHaveCount(0);
  const refused = await page.evaluate(async (header) => {
    const session = await (await fetch('/v1/console/session')).json();
    const response = await fetch('/v1/admin/webhooks', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [header]: session.csrfToken },
      body: JSON.stringify({ url: 'https://example.org/hook', eventTypes: ['*'], ownerKeyId: 'x' }),
    });
    return response.status;
  }, CONSOLE_CSRF_HEADER);
  expect(refused).toBe(403);

  // A buyer's own work: entering a recall for a network without an ERP connection.
  await console.go('Recalls');
  const form = page.getByRole('form', { name: 'Enter a recall' });
  await form.getByRole('textbox', { name: 'Notice id' }).fill('RCL-BUYER-1');
  await form.getByRole('textbox', { name: 'Recall number' }).fill('Z-0777-2026');
  await form
    .getByRole('textbox', { name: 'Title' })
    .fill('Suction catheter: sterile seal may fail');
  await form.getByRole('textbox', { name: 'Source (manufacturer)' }).fill('Example Medical');
  await form.getByRole('textbox', { name: 'GTINs' }).fill('09504000059101');
  await form.getByRole('textbox', { name: 'Lot codes' }).fill('LOT7, LOT8');
  await form
    .getByRole('textbox', { name: 'What the stockrooms must do' })
    .fill('Quarantine and return to the manufacturer.');
  await form.getByRole('button', { name: 'Enter recall' }).click();
  const card = page.getByTestId('recall-RCL-BUYER-1');
  await expect(card).toContainText('Z-0777-2026: Suction catheter: sterile seal may fail');
  await expect(card).toContainText('Class I');
  await console.expectNoAxeViolations('recalls (buyer)');
  await console.screenshots('buyer-recalls');
  // A wrong GTIN is refused naming the field, nothing stored.
  await form.getByRole('textbox', { name: 'Notice id' }).fill('RCL-BUYER-2');
  await form.getByRole('textbox', { name: 'Recall number' }).fill('Z-0778-2026');
  await form.getByRole('textbox', { name: 'Title' }).fill('Bad GTIN');
  // The form started over after the first recall: its source and lots are typed again.
  await form.getByRole('textbox', { name: 'Source (manufacturer)' }).fill('Example Medical');
  await form.getByRole('textbox', { name: 'GTINs' }).fill('12345');
  await form.getByRole('textbox', { name: 'Lot codes' }).fill('LOT9');
  await form.getByRole('textbox', { name: 'What the stockrooms must do' }).fill('Quarantine.');
  await form.getByRole('button', { name: 'Enter recall' }).click();
  await expect(form.getByRole('alert')).toContainText(/gtins/i);
  await expect(page.getByTestId('recall-RCL-BUYER-2')).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Centre console' })).toBeVisible();
});
