import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { SupplyRequest } from '../../shared/model';
import { transition } from '../../shared/replenishment/request-status';
import { supplyRequest } from '../integration/sync-helpers/documents';
import { staffUser } from '../integration/sync-helpers/staff';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { ConsolePage } from './console-page';

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

test('a buyer sees an escalated STAT request at the top of Requests and acknowledges and approves it', async ({
  page,
  request: api,
}) => {
  // The set-up an integration administrator does: a facility, its PC, and its nurse manager from the ERP.
  const console = new ConsolePage(page);
  await console.open();
  await console.signIn('admin');
  const form = page.getByRole('form', { name: 'Add a facility' });
  await form.getByLabel('Facility id').fill('FAC-REQ');
  await form.getByLabel('Name').fill('Requests Ward');
  await form.getByRole('button', { name: 'Add facility' }).click();
  await page.getByRole('button', { name: 'Enrol a PC for Requests Ward' }).click();
  const code = (await page.getByTestId('enrolment-code-text').textContent()) ?? '';
  const enrolled = await api.post('/v1/devices/enroll', {
    headers: { authorization: `Bearer ${code}` },
    data: { deviceName: 'Ward 9 PC' },
  });
  expect(enrolled.status()).toBe(201);
  const { token } = (await enrolled.json()) as { token: string };
  await console.go('Integration');
  const keyForm = page.getByRole('form', { name: 'Create an API key' });
  await keyForm.getByLabel('Name').fill('erp-staff');
  await keyForm.getByRole('checkbox', { name: 'users:write' }).check();
  await keyForm.getByRole('checkbox', { name: 'items:write' }).check();
  await keyForm.getByRole('checkbox', { name: 'locations:write' }).check();
  await keyForm.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('api-key-secret').locator('code').textContent()) ?? '';
  const staffed = await api.put('/v1/erp/users', {
    headers: { authorization: `Bearer ${key}` },
    data: [staffUser('USR-NM-REQ', 'nurse-manager', ['FAC-REQ'])],
  });
  expect(staffed.status()).toBe(200);
  // The item and the place the ward asks for, from the ERP: the buyer reads them by name.
  const items = await api.put('/v1/erp/items', {
    headers: { authorization: `Bearer ${key}` },
    data: [
      {
        ...SAMPLE_DOCUMENTS.items,
        id: 'ITM-REQ-SALINE',
        name: 'Saline 0.9% 10 mL',
        gtins: [],
        hibccCodes: [],
      },
    ],
  });
  expect(items.status(), await items.text()).toBe(200);
  const places = await api.put('/v1/erp/locations', {
    headers: { authorization: `Bearer ${key}` },
    data: [
      {
        ...SAMPLE_DOCUMENTS.locations,
        id: 'LOC-REQ-TB',
        facilityId: 'FAC-REQ',
        name: 'Trauma bay',
      },
    ],
  });
  expect(places.status(), await places.text()).toBe(200);

  // A STAT request raised 40 minutes ago on the ward's PC, nobody has acknowledged it.
  const stat = supplyRequest('FAC-REQ', {
    status: 'submitted',
    priority: 'stat',
    kind: 'urgent',
    createdBy: 'USR-NM-REQ',
    locationId: 'LOC-REQ-TB',
    lines: [{ itemId: 'ITM-REQ-SALINE', quantity: 3 }],
    history: [
      { status: 'draft', at: ago(40), by: 'USR-NM-REQ' },
      { status: 'submitted', at: ago(40), by: 'USR-NM-REQ' },
    ],
  });
  const pushed = await api.post('/v1/replication/supply_requests/push', {
    headers: { authorization: `Bearer ${token}` },
    data: [{ newDocumentState: stat }],
  });
  expect(pushed.status()).toBe(200);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await console.signIn('buyer');
  await console.go('Requests');
  const row = page.getByTestId('requests-table').getByRole('row', { name: /FAC-REQ/ });
  await expect(row).toContainText(/Not acknowledged for 4\d min — escalated to the supervisor/);
  await expect(row).toHaveAttribute('data-attention', 'true');
  // Items and places by name beside their ids, as facilities read.
  await expect(row).toContainText('3 × Saline 0.9% 10 mL (ITM-REQ-SALINE)');
  await expect(row).toContainText('Trauma bay (LOC-REQ-TB)');
  // Proposing a substitute names the line it would replace the same way.
  await row.getByRole('button', { name: `Propose a substitute for request ${stat.id}` }).click();
  const substitute = page.getByRole('dialog', {
    name: `Propose a substitute for request ${stat.id}`,
  });
  await expect(substitute.getByLabel('Line it would replace')).toHaveValue(
    '3 × Saline 0.9% 10 mL (ITM-REQ-SALINE)',
  );
  await substitute.getByRole('button', { name: 'Back' }).click();
  await console.expectNoAxeViolations('requests (escalated)');
  await console.screenshots('requests-escalated');

  await row.getByRole('button', { name: `Acknowledge request ${stat.id}` }).click();
  await expect(row).toContainText('acknowledged');
  await expect(row).toContainText('On time');
  await row.getByRole('button', { name: `Approve request ${stat.id}` }).click();
  await expect(row).toContainText('approved');

  // Cancelling asks for the reason the stockroom and the ERP will read.
  await row.getByRole('button', { name: `Cancel… request ${stat.id}` }).click();
  const dialog = page.getByRole('dialog', { name: `Cancel request ${stat.id}` });
  await expect(dialog.getByRole('button', { name: 'Confirm' })).toBeDisabled();
  await console.expectNoAxeViolations('requests (cancel dialog)');
  await dialog.getByRole('button', { name: 'Back' }).click();
  await expect(row).toContainText('approved');

  // The centre orders and ships it; the ward's PC receives it all; the network's figures count it.
  await row.getByRole('button', { name: `Mark ordered request ${stat.id}` }).click();
  await expect(row).toContainText('ordered');
  await row.getByRole('button', { name: `Mark shipped request ${stat.id}` }).click();
  await expect(row).toContainText('shipped');
  const pulled = await api.get('/v1/replication/supply_requests/pull?limit=1000', {
    headers: { authorization: `Bearer ${token}` },
  });
  const shipped = ((await pulled.json()) as { documents: SupplyRequest[] }).documents.find(
    (d) => d.id === stat.id,
  )!;
  expect(shipped.status).toBe('shipped');
  const received = transition(shipped, 'received', {
    at: new Date().toISOString(),
    by: 'USR-NM-REQ',
    lines: [{ itemId: stat.lines[0]!.itemId, quantity: stat.lines[0]!.quantity }],
  });
  if (!received.ok) throw new Error(received.error.message);
  const receipt = await api.post('/v1/replication/supply_requests/push', {
    headers: { authorization: `Bearer ${token}` },
    data: [{ assumedMasterState: shipped, newDocumentState: received.value }],
  });
  expect(receipt.status()).toBe(200);
  await expect(row).toHaveCount(0);

  await console.go('Indicators');
  const figures = page.getByTestId('indicators-table').getByRole('row', { name: /FAC-REQ/ });
  await expect(figures).toContainText('100 %');
  // Issue 16: the ward's PC synced moments ago; its events, if any, arrived on time.
  const lag = page.getByTestId('sync-lag-table').getByRole('row', { name: /FAC-REQ/ });
  await expect(lag).toContainText(/0\.0 h/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV of sync lag' }).click();
  const csv = await readFile((await (await download).path()) ?? '', 'utf8');
  expect(csv.split('\r\n')[0]).toBe(
    'facility,pcs,never_contacted,contact_age_median_h,contact_age_p90_h,contact_age_max_h,events_received,event_delay_median_h,event_delay_p90_h,event_delay_max_h',
  );
  expect(csv).toMatch(/\r\nFAC-REQ,1,0,[\d.e-]+,/);
  await expect(page.getByText(/Supplier lead time/).first()).toBeVisible();
  await console.expectNoAxeViolations('indicators');
  await console.screenshots('indicators');
});
