import { beforeAll, expect, it } from 'vitest';
import {
  RECALL_CASE_STEPS,
  ROLES,
  type RecallCase,
  type RecallCaseStep,
  type RequestStatus,
  type Role,
  type StockEvent,
  type StockEventType,
  type SupplyRequest,
} from '../../shared/model';
import { anomalyFlagId } from '../../shared/indicators/anomaly-flags';
import { ACTS, rolesFor, type Act } from '../../shared/permissions';
import { transition } from '../../shared/replenishment/request-status';
import {
  COUNT_AWAITING_APPROVAL,
  approvalOf,
  decisionIdFor,
} from '../../shared/inventory/count-review';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { describeOnBackends } from './sync-helpers/backends';
import {
  call,
  createApiKey,
  enrollDevice,
  uniqueId,
  type EnrolledDevice,
} from './sync-helpers/devices';
import { moved, stockEvent, supplyRequest } from './sync-helpers/documents';
import { addFlagSubjects } from './sync-helpers/flag-subjects';
import type { TestServer } from './sync-helpers/server';
import { STAFF, addStaff, staffUser } from './sync-helpers/staff';
import { addFacility } from './sync-helpers/devices';

/** Whoever of the staff holds each role; the second of a role confirms or goes first. */
const PERSON: Record<Role, string> = {
  tech: STAFF.tech,
  'nurse-manager': STAFF.nurseManager,
  supervisor: STAFF.supervisor,
  admin: STAFF.admin,
};
const at = (minute: number) => `2026-11-02T09:${String(minute).padStart(2, '0')}:00Z`;

/** The codes that say "not this role": the model's, the recall workflow's, the request rule's. */
const ROLE_REFUSALS = [
  'ROLE_NOT_PERMITTED',
  'CENTRE_ONLY',
  'NOT_PERMITTED',
  'REQUEST_STATUS_NOT_THE_STOCKROOMS',
];

type Answer = { status: number; body: unknown };

/** The ERP's steps that bring a request (submitted) to where each PC step is taken. */
const CENTRE_STEPS_BEFORE: Partial<Record<string, RequestStatus[]>> = {
  approved: ['acknowledged'],
  picking: ['acknowledged', 'approved'],
  ordered: ['acknowledged', 'approved'],
  shipped: ['acknowledged', 'approved', 'ordered'],
  received: ['acknowledged', 'approved', 'ordered', 'shipped'],
};
const codeOf = (answer: Answer) => (answer.body as { code?: string }).code;

/** Fields each event type needs besides its actor, all within the count tolerance. */
const EVENT_FIELDS: Record<StockEventType, Partial<StockEvent>> = {
  receive: { quantity: 10 },
  transfer: { quantity: 2, toLocationId: 'LOC-B2' },
  issue: { quantity: 2, toLocationId: 'DEPT-ICU' },
  return: { quantity: 1, toLocationId: 'DEPT-ICU' },
  waste: { quantity: 1, reason: 'damaged' },
  count: { quantity: 0, countedQuantity: 100, expectedQuantity: 100 },
  adjust: { quantity: 0, delta: 1, expectedQuantity: 100, reason: 'found' },
  quarantine: { quantity: 1, reason: 'hold' },
  release: { quantity: 1 },
  dispose: { quantity: 1, disposition: 'destroy' },
  // Takes back a receipt of 1 (pushed with it) from a shelf said to hold 100.
  reversal: { quantity: 0, expectedQuantity: 100 },
};

const RECALL_UNITS: Partial<Record<RecallCaseStep, number>> = {
  matched: 5,
  quarantined: 5,
  counted: 5,
  disposed: 5,
};

/**
 * A case at `step`, the last step by `by`, the earlier ones by the second supervisor (but the
 * quarantine by the second tech, so any supervisor may dispose and close).
 */
function recallCaseAt(facilityId: string, step: RecallCaseStep, by: string): RecallCase {
  const steps = RECALL_CASE_STEPS.slice(0, RECALL_CASE_STEPS.indexOf(step) + 1);
  return {
    id: uniqueId('RCS'),
    facilityId,
    noticeId: 'RCL-1',
    step,
    history: steps.map((s, i) => ({
      step: s,
      at: at(i),
      by: s === step ? by : s === 'quarantined' ? STAFF.tech2 : STAFF.supervisor2,
      ...(RECALL_UNITS[s] !== undefined ? { units: RECALL_UNITS[s] } : {}),
    })),
    quarantinedUnits: steps.includes('quarantined') ? 5 : 0,
    ...(steps.includes('disposed') ? { disposition: 'destroy' as const } : {}),
  };
}

const push = (server: TestServer, device: EnrolledDevice, collection: string, rows: unknown[]) =>
  call(server, 'POST', `/v1/replication/${collection}/push`, device.token, rows);
/** A replacement label printed on `device` by `person` (shared/labels). */
const labelPrint = (device: { deviceId: string; facilityId: string }, person: string) => ({
  id: uniqueId('LBL'),
  facilityId: device.facilityId,
  deviceId: device.deviceId,
  actorId: person,
  itemId: 'ITM-1001',
  gtin: '00312345678906',
  lotCode: 'A12',
  expiry: '2027-06-30',
  symbology: 'gs1-128',
  output: 'zpl-file',
  copies: 1,
  reason: 'unreadable',
  occurredAt: at(5),
});
const fresh = (doc: object) => ({ newDocumentState: { ...doc, _deleted: false } });

describeOnBackends(
  'sync: the centre applies the permission model to every push',
  'push_permissions',
  (server) => {
    let device: EnrolledDevice;
    let neighbour: EnrolledDevice;
    let foreign: EnrolledDevice;
    let erpKey: string;
    beforeAll(async () => {
      const facility = await addFacility(server());
      const other = await addFacility(server());
      await addStaff(server(), facility, [
        staffUser('USR-LEFT', 'supervisor', [facility], false),
        staffUser('USR-ELSEWHERE', 'supervisor', [other]),
      ]);
      await addStaff(server(), other);
      device = await enrollDevice(server(), facility);
      neighbour = await enrollDevice(server(), facility);
      foreign = await enrollDevice(server(), other);
      erpKey = await createApiKey(server(), ['requests:write', 'deliveries:write', 'items:write']);
      const items = await call(server(), 'PUT', '/v1/erp/items', erpKey, [
        { ...SAMPLE_DOCUMENTS.items, id: 'ITM-SUB-22G', gtins: [] },
      ]);
      expect(items.status, JSON.stringify(items.body)).toBe(200);
    });

    /** Pushes the document that is `act` taken by `person`; answers the centre's answer. */
    async function takeAct(act: Act, person: string): Promise<Answer> {
      const [kind, what] = act.split('.') as [string, string];
      const facilityId = device.facilityId;
      if (act === 'stock.count-approval') {
        // Deciding a count another person left awaiting approval (inventory/count-review.ts).
        const pending = stockEvent(device, {
          ...EVENT_FIELDS.count,
          type: 'count',
          countedQuantity: 0,
          expectedQuantity: 500,
          reason: COUNT_AWAITING_APPROVAL,
          actorId: STAFF.tech2,
        });
        const counted = await push(server(), device, 'stock_events', [fresh(pending)]);
        expect(counted.status).toBe(200);
        const decision = stockEvent(device, {
          ...approvalOf(pending),
          id: decisionIdFor(pending.id),
          actorId: person,
        });
        return push(server(), device, 'stock_events', [fresh(decision)]);
      }
      if (act === 'delivery.close') {
        // The ERP expects a delivery here; the stockroom closes it.
        const delivery = {
          id: uniqueId('PO'),
          facilityId,
          supplier: 'Meridian Vascular',
          expectedAt: at(0),
          lines: [{ itemId: 'ITM-1001', quantity: 10 }],
          status: 'expected' as const,
        };
        const sent = await call(server(), 'PUT', '/v1/erp/deliveries', erpKey, [delivery]);
        expect(sent.status).toBe(200);
        const closure = { closedAt: at(50), closedBy: person, discrepancies: [] };
        return push(server(), device, 'deliveries', [
          { assumedMasterState: delivery, newDocumentState: { ...delivery, closure } },
        ]);
      }
      if (act === 'request.substitution') {
        // The centre proposed a substitute; `person` accepts it on the PC.
        const raised = supplyRequest(facilityId, { status: 'submitted', kind: 'replenishment' });
        expect((await push(server(), device, 'supply_requests', [fresh(raised)])).status).toBe(200);
        const proposed = await call(
          server(),
          'POST',
          `/v1/erp/requests/${raised.id}/substitutions`,
          erpKey,
          {
            by: 'buyer.jones',
            substitutes: [
              { lineItemId: 'ITM-1001', itemId: 'ITM-SUB-22G', quantity: 5, reason: 'Backordered' },
            ],
          },
        );
        expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
        const current = proposed.body as SupplyRequest;
        const decided: SupplyRequest = {
          ...current,
          substitutions: current.substitutions!.map((s) => ({
            ...s,
            decision: {
              outcome: 'accepted',
              at: at(45),
              by: person,
              note: 'Same use on this ward',
            },
          })),
        };
        return push(server(), device, 'supply_requests', [
          { assumedMasterState: current, newDocumentState: decided },
        ]);
      }
      if (act === 'label.print') {
        return push(server(), device, 'label_prints', [fresh(labelPrint(device, person))]);
      }
      if (kind === 'stock') {
        const type = what as StockEventType;
        const event = stockEvent(device, { ...EVENT_FIELDS[type], type, actorId: person });
        if (type !== 'reversal') return push(server(), device, 'stock_events', [fresh(event)]);
        const receipt = stockEvent(device, { type: 'receive', quantity: 1, actorId: STAFF.tech });
        return push(server(), device, 'stock_events', [
          fresh(receipt),
          fresh({ ...event, reverses: receipt.id }),
        ]);
      }
      if (kind === 'recall') {
        const rc = recallCaseAt(facilityId, what as RecallCaseStep, person);
        return push(server(), device, 'recall_cases', [fresh(rc)]);
      }
      if (what === 'urgent') {
        const raised: SupplyRequest = moved(
          supplyRequest(facilityId, {
            status: 'draft',
            kind: 'urgent',
            createdBy: person,
            history: [{ status: 'draft', at: at(0), by: person }],
          }),
          'submitted',
          person,
        );
        return push(server(), device, 'supply_requests', [fresh(raised)]);
      }
      if (what === 'draft') {
        const draft = supplyRequest(facilityId, {
          status: 'draft',
          kind: 'replenishment',
          createdBy: person,
          history: [{ status: 'draft', at: at(0), by: person }],
        });
        return push(server(), device, 'supply_requests', [fresh(draft)]);
      }
      // The request stands where the step is taken: raised by the nurse manager, moved on by the
      // ERP where the centre's steps come before it; then `person` takes the step on the PC.
      const from = what === 'submitted' || what === 'cancelled' ? 'draft' : 'submitted';
      const raised = supplyRequest(facilityId, { status: from, kind: 'replenishment' });
      const stored = await push(server(), device, 'supply_requests', [fresh(raised)]);
      expect(stored.status).toBe(200);
      for (const status of CENTRE_STEPS_BEFORE[what] ?? []) {
        const answer = await call(
          server(),
          'POST',
          `/v1/erp/requests/${raised.id}/status`,
          erpKey,
          {
            status,
            by: 'buyer.jones',
            at: at(30),
          },
        );
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      }
      const page = await call(
        server(),
        'GET',
        '/v1/replication/supply_requests/pull?checkpoint=0&limit=1000',
        device.token,
      );
      const current = (page.body as { documents: SupplyRequest[] }).documents.find(
        (d) => d.id === raised.id,
      )!;
      const step = (
        r: SupplyRequest,
        to: RequestStatus,
        by: string,
        minute: number,
        levels = 1,
      ) => {
        const next = transition(r, to, {
          at: at(minute),
          by,
          ...(to === 'cancelled' || to === 'rejected' ? { note: 'Not needed' } : {}),
          ...(to === 'acknowledged' ? { approval: { policyVersion: 0, levels } } : {}),
        });
        if (!next.ok) throw new Error(next.error.message);
        return next.value;
      };
      // The second approval level: a supervisor acknowledged under a two-level policy and gave
      // the first; `person` gives the second.
      const next =
        what === 'approved-second'
          ? step(
              step(
                step(current, 'acknowledged', STAFF.supervisor2, 40, 2),
                'approved',
                STAFF.supervisor2,
                41,
              ),
              'approved',
              person,
              45,
            )
          : step(current, what as RequestStatus, person, 45);
      return push(server(), device, 'supply_requests', [
        { assumedMasterState: current, newDocumentState: next },
      ]);
    }

    // A decision on a usage flag is no pushed document: it has its own route, checked below.
    for (const act of ACTS.filter((a) => a !== 'anomaly.decide')) {
      for (const role of ROLES) {
        const may = rolesFor(act).includes(role);
        it(`${act} by a ${role}: ${may ? 'stored' : 'refused, nothing stored'}`, async () => {
          const answer = await takeAct(act, PERSON[role]);
          if (may) expect(answer).toEqual({ status: 200, body: [] });
          else {
            expect(answer.status, JSON.stringify(answer.body)).toBeGreaterThanOrEqual(403);
            expect(answer.status).toBeLessThanOrEqual(422);
            // Refused for the role, not for anything else about the document.
            expect(ROLE_REFUSALS).toContain(codeOf(answer));
            expect(answer.body).toMatchObject({ documentId: expect.any(String) });
          }
        });
      }
    }

    for (const role of ROLES) {
      const may = rolesFor('anomaly.decide').includes(role);
      it(`anomaly.decide by a ${role} (its own route): ${may ? 'stored' : 'refused, nothing stored'}`, async () => {
        const itemId = uniqueId('ITM');
        const flag = {
          kind: 'item-location' as const,
          itemId,
          locationId: await addFlagSubjects(server(), device.facilityId, [itemId]),
          date: new Date().toISOString().slice(0, 10),
        };
        const id = anomalyFlagId(device.facilityId, flag);
        const answer = await call(
          server(),
          'POST',
          '/v1/replication/anomaly-decisions',
          device.token,
          {
            id,
            facilityId: device.facilityId,
            deviceId: device.deviceId,
            ...flag,
            explanation:
              'issued 48 today; a typical Tuesday is 6–14 (median 9, MAD 2.5); 12.3 MADs above',
            decision: 'dismissed',
            note: 'Ward move',
            decidedBy: PERSON[role],
            decidedAt: new Date().toISOString(),
          },
        );
        const held = await call(server(), 'GET', '/v1/replication/anomaly-decisions', device.token);
        const stored = (held.body as { decisions: { id: string }[] }).decisions.some(
          (d) => d.id === id,
        );
        if (may) {
          expect(answer.status, JSON.stringify(answer.body)).toBe(201);
          expect(stored).toBe(true);
        } else {
          expect(answer.status, JSON.stringify(answer.body)).toBe(403);
          expect(ROLE_REFUSALS).toContain(codeOf(answer));
          expect(stored).toBe(false);
        }
      });
    }

    it("refuses a label print under another PC's id or by someone who is not a user here", async () => {
      const elsewhere = { ...labelPrint(device, STAFF.tech), deviceId: neighbour.deviceId };
      const mismatch = await push(server(), device, 'label_prints', [fresh(elsewhere)]);
      expect([mismatch.status, codeOf(mismatch)]).toEqual([403, 'DEVICE_MISMATCH']);
      const nobody = await push(server(), device, 'label_prints', [
        fresh(labelPrint(device, 'USR-NOBODY')),
      ]);
      expect(nobody.status).toBeGreaterThanOrEqual(403);
      expect(nobody.status).toBeLessThanOrEqual(422);
      expect((nobody.body as { message: string }).message).toContain('USR-NOBODY');
    });

    it("refuses an event under another PC's id, of the same facility or another, and sync health never lists it", async () => {
      for (const other of [neighbour, foreign]) {
        const event = stockEvent(device, { deviceId: other.deviceId });
        const answer = await push(server(), device, 'stock_events', [fresh(event)]);
        expect([answer.status, codeOf(answer)]).toEqual([403, 'DEVICE_MISMATCH']);
        expect((answer.body as { message: string }).message).toContain(other.deviceId);
      }
      const health = await call(
        server(),
        'GET',
        `/v1/facilities/${device.facilityId}/sync-health`,
        device.token,
      );
      const sequences = (health.body as { sequences: { deviceId: string }[] }).sequences;
      expect(sequences.map((s) => s.deviceId)).not.toContain(foreign.deviceId);
    });

    it("refuses an event at another facility's shelf or issued to its department; its own places are fine", async () => {
      const key = await createApiKey(server(), ['locations:write']);
      const place = (facilityId: string, kind: 'shelf' | 'department') => ({
        ...SAMPLE_DOCUMENTS.locations,
        id: uniqueId('LOC'),
        facilityId,
        kind,
      });
      const ownShelf = place(device.facilityId, 'shelf');
      const theirShelf = place(foreign.facilityId, 'shelf');
      const theirWard = place(foreign.facilityId, 'department');
      const sent = await call(server(), 'PUT', '/v1/erp/locations', key, [
        ownShelf,
        theirShelf,
        theirWard,
      ]);
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      const receipt = stockEvent(device, { locationId: theirShelf.id });
      const atTheirs = await push(server(), device, 'stock_events', [fresh(receipt)]);
      expect([atTheirs.status, codeOf(atTheirs)]).toEqual([403, 'FACILITY_MISMATCH']);
      expect((atTheirs.body as { message: string }).message).toContain(theirShelf.id);
      const issue = stockEvent(device, {
        type: 'issue',
        quantity: 1,
        locationId: ownShelf.id,
        toLocationId: theirWard.id,
      });
      const toTheirs = await push(server(), device, 'stock_events', [fresh(issue)]);
      expect([toTheirs.status, codeOf(toTheirs)]).toEqual([403, 'FACILITY_MISMATCH']);
      const own = stockEvent(device, { locationId: ownShelf.id });
      expect((await push(server(), device, 'stock_events', [fresh(own)])).status).toBe(200);
    });

    it("refuses a deleted state of any shared record, so a deletion never skips the model's checks", async () => {
      const pulled = async (collection: string) => {
        const page = await call(
          server(),
          'GET',
          `/v1/replication/${collection}/pull?checkpoint=0&limit=1000`,
          device.token,
        );
        return (page.body as { documents: { id: string; _deleted?: boolean }[] }).documents;
      };
      // An event by nobody, in another PC's name and numbers, of a million units: live it is
      // refused for who made it; marked deleted it must be refused as well.
      const forged = stockEvent(device, {
        actorId: 'USR-NOBODY',
        deviceId: neighbour.deviceId,
        deviceSeq: 999_999,
        quantity: 1_000_000,
      });
      const live = await push(server(), device, 'stock_events', [fresh(forged)]);
      expect([live.status, codeOf(live)]).toEqual([403, 'DEVICE_MISMATCH']);
      const deleted = await push(server(), device, 'stock_events', [
        { newDocumentState: { ...forged, _deleted: true } },
      ]);
      expect([deleted.status, codeOf(deleted)]).toEqual([403, 'DELETE_NOT_PERMITTED']);
      expect((deleted.body as { message: string }).message).toContain('Nothing was stored');
      expect((await pulled('stock_events')).map((d) => d.id)).not.toContain(forged.id);

      // A request the centre holds cannot be made to vanish; it is cancelled with a reason.
      const raised = supplyRequest(device.facilityId, { status: 'submitted' });
      expect((await push(server(), device, 'supply_requests', [fresh(raised)])).status).toBe(200);
      const gone = await push(server(), device, 'supply_requests', [
        { assumedMasterState: raised, newDocumentState: { ...raised, _deleted: true } },
      ]);
      expect([gone.status, codeOf(gone)]).toEqual([403, 'DELETE_NOT_PERMITTED']);
      const kept = (await pulled('supply_requests')).find((d) => d.id === raised.id);
      expect(kept?._deleted).toBe(false);

      // A centre's delivery rewritten under a deletion mark: refused as the live rewrite is.
      const delivery = {
        id: uniqueId('PO'),
        facilityId: device.facilityId,
        supplier: 'Meridian Vascular',
        expectedAt: at(0),
        lines: [{ itemId: 'ITM-1001', quantity: 10 }],
        status: 'expected' as const,
      };
      expect((await call(server(), 'PUT', '/v1/erp/deliveries', erpKey, [delivery])).status).toBe(
        200,
      );
      const rewritten = { ...delivery, supplier: 'Someone else', _deleted: true };
      const erased = await push(server(), device, 'deliveries', [
        { assumedMasterState: delivery, newDocumentState: rewritten },
      ]);
      expect([erased.status, codeOf(erased)]).toEqual([403, 'DELETE_NOT_PERMITTED']);
      const held = (await pulled('deliveries')).find((d) => d.id === delivery.id);
      expect(held).toMatchObject({ supplier: 'Meridian Vascular', _deleted: false });
    });

    it('refuses a count taking 500 to 0 approved by the person who counted; another supervisor may confirm it', async () => {
      const count = {
        type: 'count' as const,
        quantity: 0,
        countedQuantity: 0,
        expectedQuantity: 500,
      };
      for (const person of [STAFF.tech, STAFF.supervisor]) {
        const selfApproved = stockEvent(device, { ...count, actorId: person, approvedBy: person });
        const answer = await push(server(), device, 'stock_events', [fresh(selfApproved)]);
        expect([answer.status, codeOf(answer)]).toEqual([403, 'SECOND_PERSON_SAME']);
      }
      const unconfirmed = stockEvent(device, { ...count, actorId: STAFF.tech });
      const alone = await push(server(), device, 'stock_events', [fresh(unconfirmed)]);
      expect([alone.status, codeOf(alone)]).toEqual([403, 'SECOND_PERSON_REQUIRED']);
      const confirmed = stockEvent(device, {
        ...count,
        actorId: STAFF.tech,
        approvedBy: STAFF.supervisor,
      });
      expect(await push(server(), device, 'stock_events', [fresh(confirmed)])).toEqual({
        status: 200,
        body: [],
      });
    });

    it('refuses a disposal by a user who does not exist, is switched off or works elsewhere, and audits the refusal, not the user', async () => {
      const cases: [string, string][] = [
        ['USR-NOBODY', 'USER_UNKNOWN'],
        ['USR-LEFT', 'USER_INACTIVE'],
        ['USR-ELSEWHERE', 'USER_NOT_AT_FACILITY'],
      ];
      for (const [person, code] of cases) {
        const event = stockEvent(device, {
          ...EVENT_FIELDS.dispose,
          type: 'dispose',
          actorId: person,
        });
        const answer = await push(server(), device, 'stock_events', [fresh(event)]);
        expect([answer.status, codeOf(answer)]).toEqual([403, code]);
        const line = await server()
          .database.db.selectFrom('audit_log')
          .select(['outcome', 'detail'])
          .where('actor_id', '=', device.deviceId)
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        expect(line.outcome).toBe('refused');
        expect(line.detail).toMatchObject({ refused: { documentId: event.id, code }, written: 0 });
        expect(line.detail).not.toHaveProperty('users');
      }
    });

    it('refuses a −900 adjustment without a second supervisor, whatever the ledger is said to hold', async () => {
      const adjust = { type: 'adjust' as const, quantity: 0, delta: -900, reason: 'lost' };
      for (const expectedQuantity of [1000, undefined]) {
        const event = stockEvent(device, {
          ...adjust,
          ...(expectedQuantity !== undefined ? { expectedQuantity } : {}),
          actorId: STAFF.tech,
        });
        const answer = await push(server(), device, 'stock_events', [fresh(event)]);
        expect([answer.status, codeOf(answer)]).toEqual([403, 'SECOND_PERSON_REQUIRED']);
      }
      const byTech = stockEvent(device, {
        ...adjust,
        expectedQuantity: 1000,
        actorId: STAFF.tech,
        approvedBy: STAFF.tech2,
      });
      const answer = await push(server(), device, 'stock_events', [fresh(byTech)]);
      expect([answer.status, codeOf(answer)]).toEqual([403, 'SECOND_PERSON_NOT_PERMITTED']);
    });

    it('judges a reversal by what it cancels: a big receipt needs the second person, a quarantine is a release', async () => {
      const receipt = stockEvent(device, { type: 'receive', quantity: 500, actorId: STAFF.tech });
      const hold = stockEvent(device, {
        ...EVENT_FIELDS.quarantine,
        type: 'quarantine',
        actorId: STAFF.tech,
      });
      expect(await push(server(), device, 'stock_events', [fresh(receipt), fresh(hold)])).toEqual({
        status: 200,
        body: [],
      });
      const undo = (reverses: string, extra: Partial<StockEvent> = {}) =>
        stockEvent(device, {
          type: 'reversal',
          quantity: 0,
          reverses,
          expectedQuantity: 500,
          actorId: STAFF.tech,
          ...extra,
        });
      const alone = await push(server(), device, 'stock_events', [fresh(undo(receipt.id))]);
      expect([alone.status, codeOf(alone)]).toEqual([403, 'SECOND_PERSON_REQUIRED']);
      // Claiming nothing was on the shelf does not shrink the change.
      const unsaid = await push(server(), device, 'stock_events', [
        fresh(undo(receipt.id, { expectedQuantity: undefined })),
      ]);
      expect([unsaid.status, codeOf(unsaid)]).toEqual([403, 'SECOND_PERSON_REQUIRED']);
      // An event the centre does not hold is no movement of this stockroom, second person or not.
      for (const approvedBy of [undefined, STAFF.supervisor]) {
        const unknown = await push(server(), device, 'stock_events', [
          fresh(undo('EVT-NOT-HERE', { expectedQuantity: 1_000_000, approvedBy })),
        ]);
        expect([unknown.status, codeOf(unknown)]).toEqual([422, 'REVERSAL_TARGET_UNKNOWN']);
        expect((unknown.body as { message: string }).message).toContain(
          'reverses EVT-NOT-HERE, which is not a movement recorded at this stockroom',
        );
      }
      const released = await push(server(), device, 'stock_events', [fresh(undo(hold.id))]);
      expect([released.status, codeOf(released)]).toEqual([403, 'ROLE_NOT_PERMITTED']);
      expect(
        await push(server(), device, 'stock_events', [
          fresh(undo(receipt.id, { approvedBy: STAFF.supervisor })),
          fresh(undo(hold.id, { actorId: STAFF.supervisor })),
        ]),
      ).toEqual({ status: 200, body: [] });
    });

    it('refuses a disposal of recalled stock by whoever quarantined it, even within one batch', async () => {
      const lot = { itemId: 'ITM-1001', lotCode: uniqueId('LOT'), recallNoticeId: 'RCL-1' };
      const quarantine = stockEvent(device, {
        ...lot,
        ...EVENT_FIELDS.quarantine,
        type: 'quarantine',
        actorId: STAFF.supervisor,
        deviceSeq: 1,
      });
      const dispose = stockEvent(device, {
        ...lot,
        ...EVENT_FIELDS.dispose,
        type: 'dispose',
        actorId: STAFF.supervisor,
        deviceSeq: 2,
      });
      const together = await push(server(), device, 'stock_events', [
        fresh(quarantine),
        fresh(dispose),
      ]);
      expect([together.status, codeOf(together)]).toEqual([403, 'SEGREGATION_OF_DUTIES']);
      expect(await push(server(), device, 'stock_events', [fresh(quarantine)])).toEqual({
        status: 200,
        body: [],
      });
      const later = await push(server(), device, 'stock_events', [fresh(dispose)]);
      expect([later.status, codeOf(later)]).toEqual([403, 'SEGREGATION_OF_DUTIES']);
      const byAnother = { ...dispose, id: uniqueId('EVT'), actorId: STAFF.supervisor2 };
      expect(await push(server(), device, 'stock_events', [fresh(byAnother)])).toEqual({
        status: 200,
        body: [],
      });
    });

    it('refuses a recall case pushed straight to closed, and a history with a step removed', async () => {
      const closed: RecallCase = {
        id: uniqueId('RCS'),
        facilityId: device.facilityId,
        noticeId: 'RCL-1',
        step: 'closed',
        history: [{ step: 'closed', at: at(0), by: STAFF.supervisor }],
        quarantinedUnits: 0,
      };
      const answer = await push(server(), device, 'recall_cases', [fresh(closed)]);
      expect([answer.status, codeOf(answer)]).toEqual([422, 'STEP_OUT_OF_ORDER']);

      const located = recallCaseAt(device.facilityId, 'located', STAFF.tech);
      expect(await push(server(), device, 'recall_cases', [fresh(located)])).toEqual({
        status: 200,
        body: [],
      });
      const rewritten = { ...located, step: 'matched', history: located.history.slice(0, 2) };
      const back = await push(server(), device, 'recall_cases', [
        { assumedMasterState: located, newDocumentState: { ...rewritten, _deleted: false } },
      ]);
      expect([back.status, codeOf(back)]).toEqual([422, 'HISTORY_REWRITTEN']);
    });

    it('stores nothing of a batch holding one refused document', async () => {
      const good = stockEvent(device, { actorId: STAFF.tech });
      const bad = stockEvent(device, { actorId: 'USR-NOBODY' });
      const answer = await push(server(), device, 'stock_events', [fresh(good), fresh(bad)]);
      expect(answer.body).toMatchObject({ code: 'USER_UNKNOWN', documentId: bad.id });
      const stored = await server()
        .database.db.selectFrom('documents')
        .select('id')
        .where('id', 'in', [good.id, bad.id])
        .execute();
      expect(stored).toEqual([]);
    });
  },
);
