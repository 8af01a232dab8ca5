import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { writeDocuments } from '../../sync/store/documents';
import { sequencedWrite } from '../../sync/store/sequenced';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { signedInPerson } from './console-helpers/console-person';
import { describeOnBackends } from './sync-helpers/backends';
import { addFacility, call, createApiKey, uniqueId } from './sync-helpers/devices';
import { freshGtin } from './sync-helpers/gtins';

/** Issue 14: the Recalls screen's admin API: a notice entered by a person, progress per facility. */

describeOnBackends('console recalls', 'console_recalls', (server) => {
  it('a buyer enters a Class I recall; every facility shows as late once the day has passed', async () => {
    const facility = await addFacility(server());
    const buyer = await signedInPerson(server(), 'buyer');
    const analyst = await signedInPerson(server(), 'analyst');
    const notice = {
      ...SAMPLE_DOCUMENTS.recall_notices,
      id: uniqueId('RCL'),
      issuedAt: new Date(Date.now() - 30 * 3_600_000).toISOString(),
      effectiveAt: new Date(Date.now() - 30 * 3_600_000).toISOString(),
    };
    expect((await analyst.request('POST', '/v1/admin/recalls', notice)).status).toBe(403);
    const { number: _dropped, ...noNumber } = notice;
    const bad = await buyer.request('POST', '/v1/admin/recalls', noNumber);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('number');
    const entered = await buyer.request('POST', '/v1/admin/recalls', notice);
    expect(entered.status).toBe(201);
    expect(entered.body).toEqual({ id: notice.id, written: 1, unchanged: 0 });

    const listed = await analyst.request('GET', '/v1/admin/recalls');
    expect(listed.status).toBe(200);
    const progress = listed.body.recalls.find(
      (r: { noticeId: string }) => r.noticeId === notice.id,
    );
    expect(progress).toMatchObject({ class: 'I', status: 'open' });
    expect(progress.facilities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ facilityId: facility, step: 'not started', late: true }),
      ]),
    );
    expect(progress.lateCount).toBe(progress.facilities.length);

    // The same notice reaches the PCs as the ERP's would: it is a pulled recall notice.
    const stored = await server()
      .database.db.selectFrom('documents')
      .select(['written_by'])
      .where('collection', '=', 'recall_notices')
      .where('id', '=', notice.id)
      .executeTakeFirstOrThrow();
    expect(stored.written_by).toMatch(/^console:buyer-/);
  });

  it('says what each recall covers: products by item name where known, lots, ranges, serials, expiry, instructions', async () => {
    const key = await createApiKey(server(), ['items:write']);
    const known = freshGtin();
    let unknown = freshGtin();
    while (unknown === known) unknown = freshGtin();
    const itemId = uniqueId('ITM');
    const put = await call(server(), 'PUT', '/v1/erp/items', key, [
      {
        ...SAMPLE_DOCUMENTS.items,
        id: itemId,
        name: 'Infusion set 180 cm',
        gtins: [known],
        hibccCodes: [],
      },
    ]);
    expect(put.status).toBe(200);
    const buyer = await signedInPerson(server(), 'buyer');
    const lots = Array.from({ length: 60 }, (_, i) => `L${String(i).padStart(3, '0')}`);
    const notice = {
      ...SAMPLE_DOCUMENTS.recall_notices,
      id: uniqueId('RCL'),
      issuedAt: new Date(Date.now() - 3_600_000).toISOString(),
      effectiveAt: new Date(Date.now() - 3_600_000).toISOString(),
      gtins: [known, unknown],
      itemIds: [itemId],
      lotCodes: lots,
      lotRanges: [{ from: 'B100', to: 'B199' }],
      serials: ['SN-1', 'SN-2'],
      expiryFrom: '2026-01-01',
      expiryTo: '2027-06-30',
      instructions: 'Quarantine every set; return to the manufacturer.',
    };
    expect((await buyer.request('POST', '/v1/admin/recalls', notice)).status).toBe(201);
    const listed = await buyer.request('GET', '/v1/admin/recalls');
    const progress = listed.body.recalls.find(
      (r: { noticeId: string }) => r.noticeId === notice.id,
    );
    expect(progress.scope).toEqual({
      source: notice.source,
      products: [
        { kind: 'GTIN', code: known, itemName: 'Infusion set 180 cm' },
        { kind: 'GTIN', code: unknown, itemName: null },
        { kind: 'item', code: itemId, itemName: 'Infusion set 180 cm' },
      ],
      allLots: false,
      // A notice may name thousands of lots: the first 50, and how many there are.
      lotCodes: lots.slice(0, 50),
      lotCodeCount: 60,
      lotRanges: [{ from: 'B100', to: 'B199' }],
      serials: ['SN-1', 'SN-2'],
      serialCount: 2,
      expiryFrom: '2026-01-01',
      expiryTo: '2027-06-30',
      instructions: notice.instructions,
    });
  });
});

/**
 * Console walk-through: the form is for a new notice. A buyer who typed the id of a notice already
 * held replaced it for every stockroom (the ERP's Class I notice became the typed Class III one);
 * a notice with the lots left empty was stored, and no stockroom could tell a recalled unit.
 */
describeOnBackends(
  'console recall entry refusals',
  'console_recall_refusals',
  (server, backend) => {
    const notice = () => ({
      ...SAMPLE_DOCUMENTS.recall_notices,
      id: uniqueId('RCL'),
      issuedAt: new Date(Date.now() - 3_600_000).toISOString(),
      effectiveAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const stored = (id: string) =>
      server()
        .database.db.selectFrom('documents')
        .select(['doc'])
        .where('collection', '=', 'recall_notices')
        .where('id', '=', id)
        .executeTakeFirst();

    it('refuses a notice id already held by another notice, naming it, and changes nothing', async () => {
      await addFacility(server());
      const buyer = await signedInPerson(server(), 'buyer');
      const first = notice();
      expect((await buyer.request('POST', '/v1/admin/recalls', first)).status).toBe(201);
      // The same notice sent again (a retry after a lost answer) changes nothing and is not an error.
      const again = await buyer.request('POST', '/v1/admin/recalls', first);
      expect(again.status).toBe(201);
      expect(again.body).toEqual({ id: first.id, written: 0, unchanged: 1 });

      const typedOver = { ...notice(), id: first.id, class: 'III', title: 'Typed over' };
      const refused = await buyer.request('POST', '/v1/admin/recalls', typedOver);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('RECALL_NOTICE_ID_TAKEN');
      expect(refused.body.message).toContain(first.number);
      expect(refused.body.message).toMatch(/notice id of its own/);
      expect((await stored(first.id))?.doc).toMatchObject({
        class: first.class,
        title: first.title,
      });
    });

    it('refuses a notice that names no lot, serial or expiry and is not for every lot', async () => {
      const buyer = await signedInPerson(server(), 'buyer');
      const noLots = { ...notice(), lotCodes: [], allLots: false };
      const refused = await buyer.request('POST', '/v1/admin/recalls', noLots);
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('RECALL_NAMES_NO_UNITS');
      expect(refused.body.message).toMatch(/Every lot/);
      expect(await stored(noLots.id)).toBeUndefined();
      // Every lot, said so, is a notice the stockrooms can act on.
      const everyLot = { ...noLots, allLots: true };
      expect((await buyer.request('POST', '/v1/admin/recalls', everyLot)).status).toBe(201);
      // The ERP's own rules still answer first, in their words.
      const badGtin = { ...notice(), lotCodes: [], gtins: ['09504000059102'] };
      const gtin = await buyer.request('POST', '/v1/admin/recalls', badGtin);
      expect(gtin.status).toBe(422);
      expect(gtin.body.message).toMatch(/check digit/);
    });

    it('refuses the id even when the ERP stores that notice while the typed one is on its way', async () => {
      await addFacility(server());
      const buyer = await signedInPerson(server(), 'buyer');
      const erpNotice = { ...notice(), title: 'From the ERP' };
      const typed = { ...notice(), id: erpNotice.id, class: 'III', title: 'Typed over' };
      const { db } = server().database;
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let signalWritten = () => {};
      const written = new Promise<void>((resolve) => (signalWritten = resolve));
      // The ERP's write holds the notice's lock, its row not yet committed, while the buyer sends.
      const erpWrite = sequencedWrite(
        db,
        async (trx) => {
          await writeDocuments(trx, [
            {
              collection: 'recall_notices',
              body: erpNotice,
              deleted: false,
              writtenBy: 'api-key:erp',
            },
          ]);
          signalWritten();
          await held;
        },
        { collection: 'recall_notices', ids: [erpNotice.id] },
      );
      await written;
      const answer = buyer.request('POST', '/v1/admin/recalls', typed);
      if (backend === 'postgres') {
        // Until the buyer's write waits for the lock: a check made before it would have seen nothing.
        for (let tries = 0; tries < 200; tries += 1) {
          const { rows } = await sql<{ waiting: number }>`
          select count(*)::int as waiting from pg_locks
          where locktype = 'advisory' and not granted`.execute(db);
          if ((rows[0]?.waiting ?? 0) > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      }
      release();
      await erpWrite;
      const refused = await answer;
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('RECALL_NOTICE_ID_TAKEN');
      expect((await stored(erpNotice.id))?.doc).toMatchObject({ title: 'From the ERP' });
    });
  },
);
