import { expect, test } from '@playwright/test';
import type { StockEvent } from '../../shared/model';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { stockEvent } from '../integration/sync-helpers/documents';
import { staffUser } from '../integration/sync-helpers/staff';
import { ConsolePage } from './console-page';
import { addWardWithPc, createKeyOnScreen } from './flows/ward-set-up';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
const dayFromNow = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

/**
 * Issue 16: the network's stock figures now (out of stock, at risk, expiring value) come from the
 * centre's balances projection, beside the period's figures on the Indicators screen, and each
 * facility's row opens the records behind them, named as a buyer knows them.
 */
test('an analyst sees which facility is out of stock now and opens the records behind it by keyboard', async ({
  page,
  request: api,
}) => {
  const console = new ConsolePage(page);
  await console.open();
  await console.signIn('admin');
  const { token, deviceId } = await addWardWithPc(console, api, {
    id: 'FAC-STK',
    name: 'Stock Ward',
  });
  await addWardWithPc(console, api, { id: 'FAC-STK-2', name: 'Quiet Ward' });
  const key = await createKeyOnScreen(console, 'erp-stock-now', [
    'users:write',
    'items:write',
    'locations:write',
    'par-levels:write',
  ]);
  const put = async (path: string, data: unknown[]) => {
    const answer = await api.put(`/v1/erp/${path}`, {
      headers: { authorization: `Bearer ${key}` },
      data,
    });
    expect(answer.status(), await answer.text()).toBe(200);
  };
  await put('users', [staffUser('USR-TECH-STK', 'tech', ['FAC-STK'])]);
  const item = (id: string, name: string, unitCost: number) => ({
    ...SAMPLE_DOCUMENTS.items,
    id,
    name,
    unitCost,
    gtins: [],
    hibccCodes: [],
  });
  await put('items', [
    item('ITM-STK-GAUZE', 'Gauze swab 10 cm', 2.5),
    item('ITM-STK-SALINE', 'Saline 0.9% 10 mL', 0.8),
  ]);
  await put('locations', [
    { ...SAMPLE_DOCUMENTS.locations, id: 'LOC-STK-A', facilityId: 'FAC-STK', name: 'Main shelf' },
  ]);
  await put('par-levels', [
    {
      id: 'PAR-STK-SALINE',
      facilityId: 'FAC-STK',
      locationId: 'LOC-STK-A',
      itemId: 'ITM-STK-SALINE',
      method: 'par',
      par: 60,
      leadTimeDays: 7,
    },
  ]);
  // Gauze: all ten issued, none left. Saline: 36 of 40 issued, four left that expire in 25 days,
  // about three days of cover against a lead time of seven.
  let seq = 0;
  const event = (overrides: Partial<StockEvent>) =>
    stockEvent(
      { facilityId: 'FAC-STK', deviceId },
      {
        deviceSeq: (seq += 1),
        actorId: 'USR-TECH-STK',
        locationId: 'LOC-STK-A',
        ...overrides,
      },
    );
  const events = [
    event({
      type: 'receive',
      itemId: 'ITM-STK-GAUZE',
      lotCode: 'G1',
      expiry: dayFromNow(300),
      quantity: 10,
      occurredAt: daysAgo(10),
    }),
    event({
      type: 'issue',
      itemId: 'ITM-STK-GAUZE',
      lotCode: 'G1',
      expiry: dayFromNow(300),
      quantity: 10,
      toLocationId: 'DEPT-ICU',
      occurredAt: daysAgo(2),
    }),
    event({
      type: 'receive',
      itemId: 'ITM-STK-SALINE',
      lotCode: 'S1',
      expiry: dayFromNow(25),
      quantity: 40,
      occurredAt: daysAgo(12),
    }),
    event({
      type: 'issue',
      itemId: 'ITM-STK-SALINE',
      lotCode: 'S1',
      expiry: dayFromNow(25),
      quantity: 36,
      toLocationId: 'DEPT-ICU',
      occurredAt: daysAgo(3),
    }),
  ];
  const pushed = await api.post('/v1/replication/stock_events/push', {
    headers: { authorization: `Bearer ${token}` },
    data: events.map((e) => ({ newDocumentState: e })),
  });
  expect(pushed.status(), await pushed.text()).toBe(200);
  expect(await pushed.json()).toEqual([]);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await console.signIn('analyst');
  await console.go('Indicators');
  // Over the period: the gauze was out at the end of the day it ran out, yesterday and today.
  const periodRow = page
    .getByTestId('indicators-table')
    .getByRole('row')
    .filter({ hasText: 'Stock Ward (FAC-STK)' });
  await expect(periodRow.getByRole('cell').last()).toHaveText('3');
  const table = page.getByTestId('stock-now-table');
  const rows = table.getByRole('row');
  // The endpoint is shared with the other console specs: their facilities are listed too.
  const stockWard = rows.filter({ hasText: 'Stock Ward (FAC-STK)' });
  const quietWard = rows.filter({ hasText: 'Quiet Ward (FAC-STK-2)' });
  // The facility with an item out of stock is highlighted and comes before the quiet one.
  await expect(stockWard).toContainText('1 item-location');
  await expect(stockWard).toContainText(/4 units · 3[.,]20/);
  await expect(stockWard).toHaveAttribute('data-attention', 'true');
  await expect(quietWard).toContainText('0 item-locations');
  await expect(quietWard).toContainText('none');
  await expect(quietWard).not.toHaveAttribute('data-attention', 'true');
  const order = await rows.evaluateAll((all) => all.map((row) => row.getAttribute('data-row-key')));
  expect(order.indexOf('FAC-STK')).toBeLessThan(order.indexOf('FAC-STK-2'));
  await console.expectNoAxeViolations('indicators (stock now)');
  await console.screenshots('indicators-stock-now');

  // By keyboard to the row's records.
  const show = table.getByRole('button', {
    name: 'Show the stock records of Stock Ward (FAC-STK)',
  });
  await show.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Stock now at Stock Ward/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('stock-records-out')).toContainText(
    'Gauze swab 10 cm (ITM-STK-GAUZE)',
  );
  await expect(dialog.getByTestId('stock-records-out')).toContainText('Main shelf (LOC-STK-A)');
  const risk = dialog.getByTestId('stock-records-risk');
  await expect(risk).toContainText('Saline 0.9% 10 mL (ITM-STK-SALINE)');
  await expect(risk).toContainText('3.3 d');
  await expect(risk).toContainText('7.0 d');
  const expiring = dialog.getByTestId('stock-records-expiring');
  await expect(expiring).toContainText('S1');
  await expect(expiring).toContainText(`${dayFromNow(25)} (in 25 days)`);
  await console.expectNoAxeViolations('indicators (stock records)');
  await console.screenshots('indicators-stock-records');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(show).toBeFocused();
});
