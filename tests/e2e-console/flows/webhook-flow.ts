import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { createServer } from 'node:http';
import { ConsolePage } from '../console-page';

/** A receiver that answers 503 to the first delivery and 204 to the rest. */
async function flakyReceiver() {
  const state = { calls: 0, port: 0 };
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      state.calls += 1;
      response.writeHead(state.calls === 1 ? 503 : 204);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  state.port = typeof address === 'object' && address ? address.port : 0;
  return Object.assign(state, {
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  });
}

/**
 * Issue 14: an admin registers a webhook from the console (the secret shown once), the ERP's
 * recall dead-letters at the receiver, the admin sees it with its reason and replays it, and it
 * arrives. The test endpoint gives up after one attempt (console-endpoint.main.ts). `on.console`
 * serves the console; `api` (the ERP's calls) may be another endpoint process on one PostgreSQL.
 */
export async function deadLetterReplayed(
  page: Page,
  api: APIRequestContext,
  on: { console: string } = { console: '' },
): Promise<void> {
  const receiver = await flakyReceiver();
  try {
    await registerFailAndReplay(page, api, on, receiver);
  } finally {
    await receiver.close();
  }
}

async function registerFailAndReplay(
  page: Page,
  api: APIRequestContext,
  on: { console: string },
  receiver: { calls: number; port: number },
): Promise<void> {
  const console = new ConsolePage(page, on.console);
  await console.open();
  await console.signIn('admin');
  await console.go('Integration');
  const keyForm = page.getByRole('form', { name: 'Create an API key' });
  await keyForm.getByLabel('Name').fill('erp-recalls');
  for (const scope of ['recalls:write', 'recalls:read', 'events:read']) {
    await keyForm.getByRole('checkbox', { name: scope }).check();
  }
  await keyForm.getByRole('button', { name: 'Create key' }).click();
  const apiKey = (await page.getByTestId('api-key-secret').locator('code').textContent()) ?? '';
  expect(apiKey).toMatch(/^sk_/);
  await page
    .getByTestId('api-key-secret')
    .getByRole('button', { name: 'I have stored it' })
    .click();

  const hookForm = page.getByRole('form', { name: 'Register a webhook' });
  const url = `http://127.0.0.1:${receiver.port}/hook`;
  await hookForm.getByRole('textbox', { name: 'Receiver URL' }).fill(url);
  await hookForm.getByRole('combobox', { name: 'For the API key' }).click();
  await page.getByRole('option', { name: 'erp-recalls' }).click();
  await hookForm.getByRole('button', { name: 'Register webhook' }).click();
  await expect(page.getByTestId('webhook-secret').locator('code')).toHaveText(/^whsec_/);
  const hooks = page.getByTestId('webhooks-table');
  const hookRow = hooks.getByRole('row', { name: new RegExp(url) });
  await expect(hookRow).toContainText('recall_notice.changed');
  await expect(hookRow).toContainText('active');

  // The ERP sends a recall; the receiver answers 503 to the only attempt.
  const recall = await api.post('/v1/erp/recalls', {
    headers: { authorization: `Bearer ${apiKey}` },
    data: {
      id: 'RCL-CONSOLE-HOOK',
      number: 'Z-0999-2026',
      title: 'Syringe 10 ml: plunger may stick',
      class: 'II',
      source: 'Example Medical',
      issuedAt: '2026-12-01T09:00:00Z',
      effectiveAt: '2026-12-01T09:00:00Z',
      status: 'open',
      gtins: ['09504000059101'],
      hibccCodes: [],
      itemIds: [],
      catalogNumbers: [],
      allLots: false,
      lotCodes: ['LOT42'],
      lotRanges: [],
      serials: [],
      instructions: 'Quarantine and return.',
    },
  });
  expect(recall.status()).toBe(201);
  const letters = page.getByTestId('dead-letters-table');
  const letter = letters.getByRole('row', { name: /recall_notice\.changed/ });
  await expect(letter).toBeVisible({ timeout: 10_000 });
  await expect(letter).toContainText('HTTP 503');
  await expect(hookRow).toContainText('0 pending · 1 dead');
  await console.expectNoAxeViolations('integration with a dead letter');
  await console.screenshots('integration-dead-letter');

  // Selected and replayed together (here: the one); the receiver now answers 204.
  await letter.getByRole('checkbox').check();
  await page.getByTestId('replay-selected').click();
  await expect(page.getByTestId('replay-outcome')).toHaveText('1 sent again.');
  await expect(letters).toHaveCount(0);
  await expect(
    page.getByText('No dead letter: every delivery arrived or is still being tried.'),
  ).toBeVisible();
  await expect.poll(() => receiver.calls).toBe(2);

  // Feed position: the key has not read the ERP events feed yet.
  await expect(
    page.getByTestId('feed-table').getByRole('row', { name: /erp-recalls/ }),
  ).toContainText('never read');

  await hookRow.getByRole('button', { name: `Pause ${url}` }).click();
  await expect(hookRow).toContainText('paused');
  await hookRow.getByRole('button', { name: `Resume ${url}` }).click();
  await expect(hookRow).toContainText('active');
  await hookRow.getByRole('button', { name: `Re-key ${url}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Make a new secret' }).click();
  await expect(page.getByTestId('webhook-secret').locator('code')).toHaveText(/^whsec_/);
  await hookRow.getByRole('button', { name: `Delete ${url}` }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: 'Delete it and its deliveries' })
    .click();
  await expect(hooks.getByRole('row', { name: new RegExp(url) })).toHaveCount(0);
}
