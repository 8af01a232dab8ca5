import { afterEach, describe, expect, it } from 'vitest';
import type { StockroomDatabase } from '../../renderer/store/collections';
import {
  printLabelAs,
  type LabelPrintContext,
  type LabelPrintInput,
} from '../../renderer/store/label-print-writer';
import { recordEvents } from '../../renderer/store/ledger-writer';
import { parseScan } from '../../shared/barcode';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { openTestStore } from './store-test-db';
import { addTestUsers } from './store-test-users';

const dbs: StockroomDatabase[] = [];
afterEach(async () => {
  while (dbs.length > 0) await dbs.pop()!.close();
});

const item = SAMPLE_DOCUMENTS.items;
const notice = SAMPLE_DOCUMENTS.recall_notices; // recalls lot ABC123 of this item

async function store() {
  const db = await openTestStore();
  dbs.push(db);
  await addTestUsers(db, 'FAC-DEMO');
  await db.items.insert(item);
  // On the books before the recall arrived: XYZ789 in date, ABC123 now recalled, OLD1 expired.
  const stocked = await recordEvents(
    db,
    {
      facilityId: 'FAC-DEMO',
      deviceId: 'web-test',
      actorId: 'USR-TECH',
      now: () => new Date('2026-11-01T08:00:00Z'),
      today: '2026-11-01',
      acceptWarnings: true,
    },
    [
      {
        type: 'receive',
        itemId: item.id,
        locationId: 'LOC-A1',
        lotCode: 'XYZ789',
        expiry: '2028-03-31',
        quantity: 10,
      },
      {
        type: 'receive',
        itemId: item.id,
        locationId: 'LOC-A1',
        lotCode: 'ABC123',
        expiry: '2027-09-30',
        quantity: 5,
      },
      {
        type: 'receive',
        itemId: item.id,
        locationId: 'LOC-A1',
        lotCode: 'OLD1',
        expiry: '2026-11-30',
        quantity: 2,
      },
    ],
  );
  if (!stocked.ok) throw new Error(JSON.stringify(stocked.problems));
  return db;
}

const as = (actorId: string): LabelPrintContext => ({
  facilityId: 'FAC-DEMO',
  deviceId: 'web-test',
  actorId,
  now: () => new Date('2026-12-04T03:10:00Z'),
  today: '2026-12-04',
  notices: [notice],
});

const label: LabelPrintInput = {
  itemId: item.id,
  lotCode: 'XYZ789',
  expiry: '2028-03-31',
  symbology: 'gs1-datamatrix',
  output: 'zpl-file',
  copies: 2,
  reason: 'unreadable',
};

const prints = async (db: StockroomDatabase) =>
  (await db.label_prints.find().exec()).map((d) => d.toMutableJSON());

describe('printing a replacement label on the PC', () => {
  it('delivers the GS1 data of the unit and records who printed what, once', async () => {
    const db = await store();
    const delivered: string[] = [];
    const done = await printLabelAs(db, as('USR-TECH'), label, async (content) => {
      delivered.push(content.elementString);
    });
    expect(done.ok).toBe(true);
    expect(delivered).toHaveLength(1);
    const read = parseScan(`]d2${delivered[0]}`, { today: '2026-12-04' });
    expect(read).toMatchObject({
      ok: true,
      gtin: item.gtins[0],
      lot: 'XYZ789',
      expiry: '2028-03-31',
    });
    expect(await prints(db)).toEqual([
      expect.objectContaining({
        actorId: 'USR-TECH',
        deviceId: 'web-test',
        itemId: item.id,
        gtin: item.gtins[0],
        lotCode: 'XYZ789',
        copies: 2,
        output: 'zpl-file',
        reason: 'unreadable',
      }),
    ]);
  });

  it('refuses a recalled lot or an expired unit, and nothing is delivered or recorded', async () => {
    const db = await store();
    let delivered = 0;
    const deliver = async () => void delivered++;
    const recalled = await printLabelAs(
      db,
      as('USR-TECH'),
      { ...label, lotCode: 'ABC123', expiry: '2027-09-30' },
      deliver,
    );
    expect(recalled).toMatchObject({ ok: false, code: 'LABEL_UNIT_BLOCKED' });
    if (!recalled.ok) expect(recalled.message).toMatch(/recalled/);
    const expired = await printLabelAs(
      db,
      as('USR-TECH'),
      { ...label, lotCode: 'OLD1', expiry: '2026-11-30' },
      deliver,
    );
    expect(expired).toMatchObject({ ok: false, code: 'LABEL_UNIT_BLOCKED' });
    expect(delivered).toBe(0);
    expect(await prints(db)).toEqual([]);
  });

  it('copies the books: no lot this stockroom never held, no expiry other than the one it arrived with', async () => {
    const db = await store();
    let delivered = 0;
    const deliver = async () => void delivered++;
    // An expired unit given a fresh date, and a lot typed from nowhere.
    const laundered = await printLabelAs(
      db,
      as('USR-SUP'),
      { ...label, lotCode: 'OLD1', expiry: '2029-01-31' },
      deliver,
    );
    expect(laundered).toMatchObject({ ok: false, code: 'LABEL_EXPIRY_NOT_BOOKS' });
    if (!laundered.ok) expect(laundered.message).toMatch(/expires 2026-11-30 on the books/);
    const invented = await printLabelAs(db, as('USR-SUP'), { ...label, lotCode: 'NEW99' }, deliver);
    expect(invented).toMatchObject({ ok: false, code: 'LABEL_LOT_NOT_HERE' });
    const undated = await printLabelAs(db, as('USR-SUP'), { ...label, expiry: undefined }, deliver);
    expect(undated).toMatchObject({ ok: false, code: 'LABEL_EXPIRY_NOT_BOOKS' });
    expect(delivered).toBe(0);
    expect(await prints(db)).toEqual([]);
  });

  it('refuses a role that may not print labels, and someone who is not a user here', async () => {
    const db = await store();
    const deliver = async () => {};
    expect(await printLabelAs(db, as('USR-NURSE'), label, deliver)).toMatchObject({
      ok: false,
      code: 'ROLE_NOT_PERMITTED',
    });
    const stranger = await printLabelAs(db, as('USR-NOBODY'), label, deliver);
    expect(stranger.ok).toBe(false);
    expect(await printLabelAs(db, as('USR-GONE'), label, deliver)).toMatchObject({ ok: false });
    expect(await prints(db)).toEqual([]);
  });

  it('records nothing when the printer did not take the label', async () => {
    const db = await store();
    const failed = await printLabelAs(
      db,
      as('USR-SUP'),
      { ...label, output: 'zpl-network', printer: '10.0.0.9:9100' },
      async () => {
        throw new Error('The label printer at 10.0.0.9:9100 could not be reached.');
      },
    );
    expect(failed).toMatchObject({ ok: false, code: 'LABEL_NOT_DELIVERED' });
    if (!failed.ok) expect(failed.message).toContain('could not be reached');
    expect(await prints(db)).toEqual([]);
  });

  it('refuses what GS1 cannot carry before anything is delivered', async () => {
    const db = await store();
    const spaced = await printLabelAs(
      db,
      as('USR-TECH'),
      { ...label, expiry: '2028-03-31', lotCode: 'XYZ789', serial: 'S N 1' },
      async () => {
        throw new Error('must not be reached');
      },
    );
    expect(spaced).toMatchObject({ ok: false, code: 'LABEL_BAD_SERIAL' });
  });
});
