import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { CONSOLE_CSRF_HEADER } from '../../shared/console';
import type { SupplyRequest } from '../../shared/model';
import { transition } from '../../shared/replenishment/request-status';
import { supplyRequest } from '../integration/sync-helpers/documents';
import { staffUser } from '../integration/sync-helpers/staff';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { ConsolePage } from './console-page';
import {
  addWardWithPc,
  createKeyOnScreen,
  setUpStaffedWard as setUpWard,
} from './flows/ward-set-up';
import { CONSOLE_PEOPLE } from './console-people';

// A buyer away from UTC: every instant the console shows is in the page's own zone.
test.use({ timezoneId: 'America/Chicago' });

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

test('a buyer sees an escalated STAT request at the top of Requests and acknowledges and approves it', async ({
  page,
  request: api,
}) => {
  // The page's clock, so the test can let ten minutes pass while the buyer looks at the list.
  await page.clock.install();
  const console = new ConsolePage(page);
  const { token, key } = await setUpWard(console, api, 'FAC-REQ', 'Requests Ward', 'USR-NM-REQ');
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
  // Ten minutes on, the page still open: the wait it states has moved on with the clock.
  const shown = Number(
    /for (\d+) min/.exec((await row.getByTestId('request-escalation').textContent()) ?? '')?.[1],
  );
  await page.clock.fastForward('10:00');
  await expect(row.getByTestId('request-escalation')).toContainText(
    new RegExp(`^Not acknowledged for (${shown + 10}|${shown + 11}) min`),
  );
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
  // Sent blank, it says what is missing beside the field, which takes focus; nothing is sent.
  await dialog.getByRole('button', { name: 'Cancel request' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Reason' })).toBeFocused();
  await expect(dialog).toContainText('Say why: the stockroom and the ERP read the reason');
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
  // No count in the period: said in words, not "— of 0".
  await expect(figures).toContainText('no counts');
  await console.expectNoAxeViolations('indicators');
  await console.screenshots('indicators');
  // The chart names the facility and its bar opens the records behind it, as the table's link does.
  const chart = page.locator('.recharts-wrapper').first();
  await expect(chart).toContainText('Requests Ward (FAC-REQ)');
  await chart.locator('.recharts-bar-rectangle').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Requests');
  await expect(page.getByRole('combobox', { name: 'Facility' })).toHaveValue(
    'Requests Ward (FAC-REQ)',
  );
});

test('a buyer escalates an urgent request to the ERP by keyboard with a reason; a refusal stays in the dialog with the reason typed', async ({
  page,
  request: api,
}) => {
  const console = new ConsolePage(page);
  const { token } = await setUpWard(console, api, 'FAC-ESC', 'Escalation Ward', 'USR-NM-ESC');
  // Two STAT requests raised 5 minutes ago: on time, but the supplier is out.
  const [first, second] = [1, 2].map(() =>
    supplyRequest('FAC-ESC', {
      status: 'submitted',
      priority: 'stat',
      kind: 'urgent',
      createdBy: 'USR-NM-ESC',
      history: [
        { status: 'draft', at: ago(5), by: 'USR-NM-ESC' },
        { status: 'submitted', at: ago(5), by: 'USR-NM-ESC' },
      ],
    }),
  ) as [SupplyRequest, SupplyRequest];
  const pushed = await api.post('/v1/replication/supply_requests/push', {
    headers: { authorization: `Bearer ${token}` },
    data: [{ newDocumentState: first }, { newDocumentState: second }],
  });
  expect(pushed.status()).toBe(200);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await console.signIn('buyer');
  await console.go('Requests');
  const table = page.getByTestId('requests-table');
  const rowOf = (id: string) => table.locator(`tr[data-row-key="${id}"]`);
  const row = rowOf(first.id);
  await expect(row).toContainText('On time');
  const escalateButton = row.getByRole('button', { name: `Escalate to ERP… request ${first.id}` });
  await escalateButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Escalate request ${first.id} to the ERP` });
  const reason = dialog.getByRole('textbox', { name: 'Reason' });
  await expect(reason).toBeFocused();
  // Sent blank, the dialog says what is missing and nothing is sent.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Escalate to ERP' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('Say why the ERP must act now');
  // Focus goes back to the field to fix.
  await expect(reason).toBeFocused();
  const why = 'Supplier out of 20G catheters until Friday; the ERP must source them today';
  await page.keyboard.type(why);
  await console.expectNoAxeViolations('requests (escalate dialog)');
  await console.screenshots('requests-escalate-dialog');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);

  // The row says who escalated it and why, for every buyer after; it cannot be escalated twice.
  const escalated = row.getByTestId('request-erp-escalation');
  await expect(escalated).toContainText(
    /^Escalated to the ERP by hand by Bo Buyer \(bo\.buyer\), /,
  );
  await expect(escalated).toContainText(`, waiting to be acknowledged: “${why}”`);
  await expect(row).toHaveAttribute('data-attention', 'true');
  await expect(escalateButton).toHaveCount(0);
  // The keyboard user is still in the row they acted on.
  await expect
    .poll(() =>
      page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-row-key')),
    )
    .toBe(first.id);
  await console.expectNoAxeViolations('requests (escalated by hand)');
  await console.screenshots('requests-escalated-by-hand');

  // Another person escalates the second request while this buyer is still typing: the refusal
  // names them, in the dialog, and the typed reason stays.
  await rowOf(second.id)
    .getByRole('button', { name: `Escalate to ERP… request ${second.id}` })
    .click();
  const secondDialog = page.getByRole('dialog', {
    name: `Escalate request ${second.id} to the ERP`,
  });
  await secondDialog.getByRole('textbox', { name: 'Reason' }).fill('Ward phoned: still nothing');
  const { username, password } = CONSOLE_PEOPLE.admin;
  const signedIn = await api.post('/v1/console/sign-in', { data: { username, password } });
  expect(signedIn.status()).toBe(200);
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const byAdmin = await api.post(`/v1/admin/requests/${second.id}/escalations`, {
    headers: { [CONSOLE_CSRF_HEADER]: csrfToken },
    data: { reason: 'Sourcing from the regional store' },
  });
  expect(byAdmin.status()).toBe(201);
  await secondDialog.getByRole('button', { name: 'Escalate to ERP' }).click();
  // When, in the console's clock (the page is in Chicago), as the row behind says it.
  const refusal = secondDialog.getByRole('alert');
  await expect(refusal).toContainText(
    /already escalated to the ERP by hand by Ada Admin \(ada\.admin\), .+ (CST|CDT) \(“Sourcing from the regional store”\)/,
  );
  await expect(refusal).toBeFocused();
  const when = /ada\.admin\), (.+) \(“/.exec((await refusal.textContent()) ?? '')?.[1] ?? '';
  await expect(secondDialog.getByRole('textbox', { name: 'Reason' })).toHaveValue(
    'Ward phoned: still nothing',
  );
  // Behind the dialog the row is brought up to date: nothing left to escalate.
  await expect(rowOf(second.id).locator('button', { hasText: 'Escalate to ERP…' })).toHaveCount(0);
  await console.screenshots('requests-escalate-refused');
  await page.keyboard.press('Escape');
  await expect(secondDialog).toHaveCount(0);
  await expect(rowOf(second.id).getByTestId('request-erp-escalation')).toContainText(
    `by hand by Ada Admin (ada.admin), ${when}, waiting to be acknowledged`,
  );
  // Its button went with the reload; focus comes back to the row all the same.
  await expect
    .poll(() =>
      page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-row-key')),
    )
    .toBe(second.id);
});

test('a buyer sorts the open requests by priority, facility and age from the keyboard', async ({
  page,
  request: api,
}) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.signIn('admin');
  const tokens: Record<string, string> = {};
  for (const [id, name] of [
    ['FAC-SORT-B', 'Sort B Ward'],
    ['FAC-SORT-A', 'Sort A Ward'],
  ] as const) {
    tokens[id] = (await addWardWithPc(console, api, { id, name })).token;
  }
  const key = await createKeyOnScreen(console, 'erp-sort-staff', ['users:write']);
  const staffed = await api.put('/v1/erp/users', {
    headers: { authorization: `Bearer ${key}` },
    data: [staffUser('USR-NM-SORT', 'nurse-manager', ['FAC-SORT-A', 'FAC-SORT-B'])],
  });
  expect(staffed.status()).toBe(200);
  const raise = async (
    facilityId: string,
    priority: SupplyRequest['priority'],
    minutes: number,
  ) => {
    const doc = supplyRequest(facilityId, {
      status: 'submitted',
      priority,
      createdBy: 'USR-NM-SORT',
      createdAt: ago(minutes),
      history: [
        { status: 'draft', at: ago(minutes), by: 'USR-NM-SORT' },
        { status: 'submitted', at: ago(minutes), by: 'USR-NM-SORT' },
      ],
    });
    const pushed = await api.post('/v1/replication/supply_requests/push', {
      headers: { authorization: `Bearer ${tokens[facilityId]}` },
      data: [{ newDocumentState: doc }],
    });
    expect(pushed.status()).toBe(200);
    return doc.id;
  };
  const routineA = await raise('FAC-SORT-A', 'routine', 5);
  const statB = await raise('FAC-SORT-B', 'stat', 2);
  const urgentB = await raise('FAC-SORT-B', 'urgent', 30);
  const mine = [routineA, statB, urgentB];
  await page.getByRole('button', { name: 'Sign out' }).click();

  await console.signIn('buyer');
  await console.go('Requests');
  const table = page.getByTestId('requests-table');
  const order = async () =>
    (
      await table
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset['rowKey'] ?? ''))
    ).filter((id) => mine.includes(id));
  await expect.poll(order).toHaveLength(3);
  const header = (name: string) => table.getByRole('columnheader', { name });

  // By keyboard: Enter on Priority sorts the most urgent first, again the least, again as sent.
  await header('Priority').getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(header('Priority')).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(order).toEqual([statB, urgentB, routineA]);
  await page.keyboard.press('Enter');
  await expect(header('Priority')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(order).toEqual([routineA, urgentB, statB]);
  await page.keyboard.press('Enter');
  await expect(header('Priority')).toHaveAttribute('aria-sort', 'none');

  // One sort at a time: Facility by name, then Status by age, the oldest submission first.
  await header('Facility').getByRole('button').press('Space');
  await expect(header('Facility')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header('Priority')).toHaveAttribute('aria-sort', 'none');
  expect((await order())[0]).toBe(routineA);
  await header('Status').getByRole('button').press('Enter');
  await expect.poll(order).toEqual([urgentB, routineA, statB]);
  // Columns that sorting would not help have no sort control.
  await expect(header('Items').getByRole('button')).toHaveCount(0);
  await expect(header('Items')).not.toHaveAttribute('aria-sort');
  await console.expectNoAxeViolations('requests (sorted)');
  await console.screenshots('requests-sorted');
});
