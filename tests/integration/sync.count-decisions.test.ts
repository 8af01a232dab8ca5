import { expect, it } from 'vitest';
import {
  COUNT_AWAITING_APPROVAL,
  approvalOf,
  decisionIdFor,
  sendBackOf,
} from '../../shared/inventory/count-review';
import type { StockEvent } from '../../shared/model';
import { describeOnBackends } from './sync-helpers/backends';
import { call, enrollDevice } from './sync-helpers/devices';
import { stockEvent } from './sync-helpers/documents';
import type { TestServer } from './sync-helpers/server';
import { STAFF, addStaffedFacility } from './sync-helpers/staff';

const push = (server: TestServer, token: string, events: StockEvent[]) =>
  call(
    server,
    'POST',
    '/v1/replication/stock_events/push',
    token,
    events.map((e) => ({ newDocumentState: e })),
  );

describeOnBackends(
  'sync: counts awaiting approval are decided at the centre as on the PC',
  'count_decisions',
  (server) => {
    async function pendingAtCentre() {
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      let seq = 0;
      const made = (e: Partial<StockEvent>) =>
        stockEvent(device, { deviceSeq: (seq += 1), actorId: STAFF.tech, ...e });
      const pending = made({
        type: 'count',
        quantity: 0,
        countedQuantity: 0,
        expectedQuantity: 500,
        reason: COUNT_AWAITING_APPROVAL,
      });
      // Without a second person: the pending count changes nothing, so it needs none.
      expect(await push(server(), device.token, [pending])).toMatchObject({
        status: 200,
        body: [],
      });
      const decide = (draft: ReturnType<typeof approvalOf>, actorId: string) =>
        made({ ...draft, id: decisionIdFor(pending.id), actorId });
      return { device, pending, decide };
    }

    it('refuses the counter deciding their own count, and a tech deciding any', async () => {
      const { device, pending, decide } = await pendingAtCentre();
      const own = await push(server(), device.token, [decide(approvalOf(pending), STAFF.tech)]);
      expect(own.status).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(own.body)).toContain('ROLE_NOT_PERMITTED');
      const back = await push(server(), device.token, [
        decide(sendBackOf(pending, 'x'), STAFF.tech2),
      ]);
      expect(JSON.stringify(back.body)).toContain('ROLE_NOT_PERMITTED');
    });

    it('refuses a supervisor approving a count they took themselves', async () => {
      const { device } = await pendingAtCentre();
      const mine = stockEvent(device, {
        deviceSeq: 20,
        actorId: STAFF.supervisor,
        type: 'count',
        quantity: 0,
        countedQuantity: 1,
        expectedQuantity: 80,
        reason: COUNT_AWAITING_APPROVAL,
      });
      const self = stockEvent(device, {
        ...approvalOf(mine),
        id: decisionIdFor(mine.id),
        deviceSeq: 21,
        actorId: STAFF.supervisor,
      });
      const refused = await push(server(), device.token, [mine, self]);
      expect(JSON.stringify(refused.body)).toContain('SEGREGATION_OF_DUTIES');
    });

    it('refuses a reversal of a pending count that is not its send-back', async () => {
      const { device, pending } = await pendingAtCentre();
      const reversal = stockEvent(device, {
        type: 'reversal',
        quantity: 0,
        reverses: pending.id,
        deviceSeq: 30,
        actorId: STAFF.supervisor,
      });
      const refused = await push(server(), device.token, [reversal]);
      expect(JSON.stringify(refused.body)).toContain('COUNT_SEND_BACK_FROM_QUEUE');
    });

    it('refuses an approval that does not repeat the pending count, or names none', async () => {
      const { device, pending, decide } = await pendingAtCentre();
      const altered = await push(server(), device.token, [
        decide({ ...approvalOf(pending), expectedQuantity: 900 }, STAFF.supervisor),
      ]);
      expect(JSON.stringify(altered.body)).toContain('COUNT_DECISION_MISMATCH');
      const orphan = await push(server(), device.token, [
        { ...decide(approvalOf(pending), STAFF.supervisor), id: decisionIdFor('EVT-NOT-HERE') },
      ]);
      expect(JSON.stringify(orphan.body)).toContain('COUNT_NOT_PENDING');
    });

    it('accepts a supervisor approving it, and in the same batch as the count', async () => {
      const { device, pending, decide } = await pendingAtCentre();
      expect(
        await push(server(), device.token, [decide(approvalOf(pending), STAFF.supervisor)]),
      ).toMatchObject({ status: 200, body: [] });
      const other = await pendingAtCentre();
      const counted = stockEvent(other.device, {
        deviceSeq: 50,
        actorId: STAFF.tech,
        type: 'count',
        quantity: 0,
        countedQuantity: 3,
        expectedQuantity: 40,
        reason: COUNT_AWAITING_APPROVAL,
      });
      const approval = stockEvent(other.device, {
        ...approvalOf(counted),
        id: decisionIdFor(counted.id),
        deviceSeq: 51,
        actorId: STAFF.supervisor,
      });
      expect(await push(server(), other.device.token, [counted, approval])).toMatchObject({
        status: 200,
        body: [],
      });
    });
  },
);
