import { afterEach, expect, it } from 'vitest';
import { splitBalance } from '../../shared/inventory/availability';
import type { Item, RecallNotice, StockEvent } from '../../shared/model';
import { decideScan } from '../../shared/recall/scan-decision';
import { recalledLotIndex } from '../../shared/recall/recalled-lot-index';
import { startAppSync, type AppSync } from '../../renderer/replication/app-sync';
import { currentConditions } from '../../sync/console/exception-sources';
import { recallCaseId } from '../../renderer/replication/recall-arrival';
import type { StockroomDatabase } from '../../renderer/store/collections';
import { recordEvents, type WriterContext } from '../../renderer/store/ledger-writer';
import { inboxEntry, readInbox } from '../../renderer/store/sync-inbox';
import { openTestStore } from '../unit/store-test-db';
import { addTestUsers } from '../unit/store-test-users';
import { createAppClient, type AppClient } from './sync-helpers/app-client';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey, enrollDevice, uniqueId } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';
import { stockEvent } from './sync-helpers/documents';
import { waitFor } from './sync-helpers/wait';

const CATHETER_GTIN = '09504000059101';

describeOnBackends('sync: a recall arriving by sync', 'recall_arrival', (server) => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  /** A stockroom PC as the app runs it: the full store, the ledger writer and the app's sync. */
  async function stockroomPc(facilityId: string) {
    const device = await enrollDevice(server(), facilityId);
    const db: StockroomDatabase = await openTestStore();
    // Local stand-ins for the people the centre would send down: the writer checks the actor.
    await addTestUsers(db, facilityId);
    let sync: AppSync | undefined;
    const online = () => {
      sync = startAppSync({
        db,
        token: async () => device.token,
        endpoint: server().url,
        deviceId: device.deviceId,
        facilityId,
      });
    };
    const offline = async () => sync?.stop();
    online();
    stops.push(async () => {
      await offline();
      await db.remove();
    });
    return { db, device, online, offline };
  }

  it('quarantines the lot at once, flags an issue made offline after it took effect on the PC and at the centre, and opens the case', async () => {
    const north = await addStaffedFacility(server());
    const erp = await createApiKey(server(), ['items:write', 'recalls:write', 'sync-health:read']);
    const item: Item = {
      id: uniqueId('ITM'),
      name: 'IV catheter 20G 1.16 in',
      gtins: [CATHETER_GTIN],
      hibccCodes: [],
      unit: 'each',
      orderMultiple: 50,
      lotTracked: true,
      serialTracked: false,
      status: 'active',
    };
    expect((await call(server(), 'PUT', '/v1/erp/items', erp, [item])).status).toBe(200);

    const pc = await stockroomPc(north);
    await waitFor(() => pc.db.items.findOne(item.id).exec());
    const context = (at: string): WriterContext => ({
      facilityId: north,
      deviceId: pc.device.deviceId,
      actorId: 'USR-TECH',
      now: () => new Date(at),
      today: at.slice(0, 10),
    });
    const receipt = await recordEvents(pc.db, context('2026-11-02T08:00:00Z'), [
      {
        type: 'receive',
        itemId: item.id,
        lotCode: 'ABC123',
        expiry: '2029-03-31',
        locationId: 'LOC-A1',
        quantity: 20,
      },
    ]);
    expect(receipt.ok).toBe(true);

    // Offline, a tech issues 3 of the lot at 10:00; the recall took effect at 09:00.
    await pc.offline();
    const issue = await recordEvents(pc.db, context('2026-11-02T10:00:00Z'), [
      {
        type: 'issue',
        itemId: item.id,
        lotCode: 'ABC123',
        locationId: 'LOC-A1',
        toLocationId: 'DEPT-ICU',
        quantity: 3,
      },
    ]);
    if (!issue.ok) throw new Error(JSON.stringify(issue.problems));
    const issued = issue.events[0] as StockEvent;
    const notice: RecallNotice = {
      id: uniqueId('RCL'),
      number: 'Z-0421-2026',
      title: 'IV catheter 20G: needle may detach',
      class: 'I',
      source: 'Example Medical',
      issuedAt: '2026-11-02T09:00:00Z',
      effectiveAt: '2026-11-02T09:00:00Z',
      status: 'open',
      gtins: [CATHETER_GTIN],
      hibccCodes: [],
      itemIds: [],
      catalogNumbers: [],
      allLots: false,
      lotCodes: ['ABC123'],
      lotRanges: [],
      serials: [],
      instructions: 'Quarantine and return to the manufacturer.',
    };
    expect((await call(server(), 'POST', '/v1/erp/recalls', erp, notice)).status).toBe(201);

    pc.online();
    await waitFor(() => pc.db.recall_notices.findOne(notice.id).exec(), 15_000);

    // The lot is blocked at once: wholly quarantined, and the next scan is a hard stop.
    const notices = [(await pc.db.recall_notices.findOne(notice.id).exec())!.toMutableJSON()];
    const index = recalledLotIndex(notices, [item]);
    const balance = (await pc.db.balances
      .findOne(`LOC-A1|${item.id}|ABC123`)
      .exec())!.toMutableJSON();
    const split = splitBalance(balance, '2026-11-02', (i, lot) => index.blocks(i, lot));
    expect(split).toMatchObject({ onHand: 17, quarantined: 17, available: 0, recalled: true });
    const scan = decideScan(
      { item, lotCode: 'ABC123', today: '2026-11-02', notices, quarantined: false },
      'issue',
    );
    expect(scan.allowed).toBe(false);
    expect(scan.reasons[0]?.code).toBe('RECALLED');

    // Flagged on the PC, in the inbox, with what to do.
    const flag = await waitFor(async () =>
      inboxEntry(await readInbox(pc.db), `recall-issue-${issued.id}`),
    );
    expect(flag.message).toMatch(/Issued after recall Z-0421-2026.*3 of lot ABC123 to DEPT-ICU/);
    const blocked = await waitFor(async () =>
      inboxEntry(await readInbox(pc.db), `recall-${notice.id}`),
    );
    expect(blocked.message).toMatch(/17 units at LOC-A1 are blocked/);

    // Flagged at the centre, once the offline issue has arrived there.
    const health = await waitFor(async () => {
      const answer = await call(server(), 'GET', `/v1/facilities/${north}/sync-health`, erp);
      const body = answer.body as { recallIssueFlags: { eventId: string; message: string }[] };
      return body.recallIssueFlags.length > 0 ? body : undefined;
    }, 15_000);
    expect(health.recallIssueFlags).toEqual([
      expect.objectContaining({
        eventId: issued.id,
        noticeId: notice.id,
        quantity: 3,
        reversed: false,
      }),
    ]);
    // In the console's queue, for a buyer: the item, the person, the facility and the PC by name,
    // and what the stockroom must do.
    const queued = (await currentConditions(server().database.db, new Date())).find(
      (c) => c.kind === 'recalled-lot-issued' && c.facilityId === north,
    );
    expect(queued?.summary).toBe(
      `Recall Z-0421-2026: 3 × IV catheter 20G 1.16 in (${item.id}) lot ABC123 issued to DEPT-ICU after the recall took effect, at Facility ${north} (${north}) by Staff USR-TECH on PC “Stockroom PC” (which had probably not heard of the recall yet). Make sure the stockroom finds the units and brings them back to quarantine; if the issue was recorded by mistake, they reverse it on the PC.`,
    );

    // The facility's recall case is open, and has reached the centre.
    const caseId = recallCaseId(north, notice.id);
    await waitFor(async () => {
      const pulled = await call(
        server(),
        'GET',
        '/v1/replication/recall_cases/pull?checkpoint=0&limit=1000',
        pc.device.token,
      );
      return (
        (pulled.body as { documents: { id: string }[] }).documents.some((d) => d.id === caseId) ||
        undefined
      );
    }, 15_000);
  });

  it("another PC's events arriving by sync update this PC's balances", async () => {
    const north = await addStaffedFacility(server());
    const pc = await stockroomPc(north);
    const otherDevice = await enrollDevice(server(), north);
    const other: AppClient = await createAppClient(server().url, otherDevice, ['stock_events']);
    stops.push(() => other.close());
    const receipt = stockEvent(north, {
      deviceId: otherDevice.deviceId,
      deviceSeq: 1,
      quantity: 40,
    });
    const transfer = stockEvent(north, {
      deviceId: otherDevice.deviceId,
      deviceSeq: 2,
      type: 'transfer',
      quantity: 15,
      toLocationId: 'LOC-B2',
      occurredAt: '2026-11-02T09:15:00.000+01:00',
    });
    // Sent in reverse: the transfer arrives before the receipt it moves.
    await other.collection('stock_events').insert(transfer);
    await other.collection('stock_events').insert(receipt);
    const onHand = async (location: string) =>
      (
        await pc.db.balances.findOne(`${location}|${receipt.itemId}|${receipt.lotCode}`).exec()
      )?.get('onHand') as number | undefined;
    await waitFor(
      async () => ((await onHand('LOC-A1')) === 25 && (await onHand('LOC-B2')) === 15) || undefined,
      15_000,
    );
  });
});
