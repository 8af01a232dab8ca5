import { sql, type Transaction } from 'kysely';
import type {
  CollectionName,
  Delivery,
  LabelPrint,
  PendingItem,
  RecallCase,
  SignInEvent,
  StockEvent,
  SupplyRequest,
} from '../../shared/model';
import {
  checkMember,
  checkPushedDelivery,
  checkPushedLabelPrint,
  checkPushedPendingItem,
  checkPushedRecallCase,
  checkPushedRequest,
  checkPushedStockEvent,
  type Act,
  type KnownUser,
  type PersonResult,
  type PushedCheck,
  REVERSAL_CHAIN_LIMIT,
  reversalTargetProblem,
} from '../../shared/permissions';
import type { DeviceActor } from '../auth/device-auth';
import type { Database } from '../db/schema';
import type { Doc } from './canonical';
import type { StoredDocument } from './documents';
import { textArray } from './json';
import { acknowledgementProblem } from './approval-policies';
import { PushRefusal } from './push-refusal';
import { placesNamed, type PushState } from './push-reads';
import {
  decisionProblem,
  pendingIdOfDecision,
  reversalOfPendingProblem,
} from '../../shared/inventory/count-review';
import { isCountDecision } from '../../shared/permissions/stock-event-act';

/** A row the push decided to write, with the version the centre held before it. */
export interface PendingWrite {
  body: Doc;
  stored: StoredDocument | undefined;
}

/**
 * The permission model (shared/permissions) applied to every document a push would write, in the
 * push's transaction, against the users and history the centre holds, never the device's word.
 * The first refusal throws, so nothing of the batch is stored.
 */
export async function checkPushPermissions(
  trx: Transaction<Database>,
  collection: CollectionName,
  device: DeviceActor,
  writes: readonly PendingWrite[],
  known: Pick<PushState, 'users' | 'placeFacilities'>,
): Promise<void> {
  if (writes.length === 0) return;
  const { users } = known;
  const member = (id: string, who: 'actor' | 'second person' = 'actor'): PersonResult =>
    checkMember(id, users.get(id), device.facilityId, who);
  if (collection === 'stock_events') refuseForeignPlaces(device, writes, known.placeFacilities);
  for (const [index, { body, stored }] of writes.entries()) {
    const check = await checkOne(trx, collection, device, body, stored, member, users, {
      earlierInBatch: writes.slice(0, index).map((w) => w.body),
    });
    if (!check.ok) throw new PushRefusal(String(body['id']), check.error.code, check.error.message);
  }
}

type Member = (id: string, who?: 'actor' | 'second person') => PersonResult;

/**
 * A stockroom records stock at its own places only. An event naming another facility's shelf or
 * department would change that facility's stock from a PC it never syncs with (its own PCs would
 * never see it); a place the centre does not know is left to the event's own rules.
 */
function refuseForeignPlaces(
  device: DeviceActor,
  writes: readonly PendingWrite[],
  facilityOf: ReadonlyMap<string, string>,
): void {
  for (const { body } of writes) {
    const foreign = placesNamed(body).find((id) => {
      const facility = facilityOf.get(id);
      return facility !== undefined && facility !== device.facilityId;
    });
    if (foreign === undefined) continue;
    throw new PushRefusal(
      String(body['id']),
      'FACILITY_MISMATCH',
      `Stock event ${String(body['id'])} names ${foreign}, a place of facility "${facilityOf.get(foreign)}": a stockroom records stock at its own places only. Nothing was stored.`,
    );
  }
}

async function checkOne(
  trx: Transaction<Database>,
  collection: CollectionName,
  device: DeviceActor,
  body: Doc,
  stored: StoredDocument | undefined,
  member: Member,
  users: ReadonlyMap<string, KnownUser>,
  batch: { earlierInBatch: readonly Doc[] },
): Promise<PushedCheck> {
  switch (collection) {
    case 'stock_events': {
      const event = body as unknown as StockEvent;
      let earlier =
        event.type === 'dispose' && event.recallNoticeId !== undefined
          ? await quarantinedBy(trx, device.facilityId, event, batch.earlierInBatch)
          : [];
      let reversedChain: StockEvent[] | undefined;
      if (event.type === 'reversal' && event.reverses !== undefined) {
        reversedChain = await chainOf(trx, device.facilityId, event, batch.earlierInBatch);
        const problem =
          reversalTargetProblem(event, reversedChain) ??
          reversalOfPendingProblem(event, reversedChain[0]);
        if (problem) {
          return {
            ok: false,
            error: { code: problem.code, message: `Stock event ${event.id}: ${problem.message}` },
          };
        }
      }
      if (isCountDecision(event)) {
        const pending = await pendingCountOf(trx, device.facilityId, event, batch.earlierInBatch);
        // A re-push of a decision the centre holds is the same document, and `stored` is it: the
        // store's own duplicate rules judge it; here only its first arrival is decided.
        const problem = decisionProblem(event, pending, false);
        if (problem) {
          return {
            ok: false,
            error: { code: problem.code, message: `Stock event ${event.id}: ${problem.message}` },
          };
        }
        earlier = pending ? [{ act: 'stock.count' as Act, by: pending.actorId }] : [];
      }
      return checkPushedStockEvent(event, {
        deviceId: device.id,
        people: member,
        earlier,
        ...(reversedChain ? { reversedChain } : {}),
      });
    }
    case 'sign_in_events': {
      // The attempt may name nobody, or someone unknown (a badge nobody has): that is what it
      // records. Only where it happened is checked.
      const attempt = body as unknown as SignInEvent;
      return attempt.deviceId === device.id
        ? { ok: true }
        : {
            ok: false,
            error: {
              code: 'DEVICE_MISMATCH',
              message: `Sign-in attempt ${attempt.id} says it happened on PC "${attempt.deviceId}", but this is PC "${device.id}": a PC sends only its own. Nothing was stored.`,
            },
          };
    }
    case 'label_prints':
      return checkPushedLabelPrint(body as unknown as LabelPrint, device.id, (id) => member(id));
    case 'recall_cases': {
      const before = stored && !stored.deleted ? (stored.body as unknown as RecallCase) : undefined;
      return checkPushedRecallCase(
        before,
        body as unknown as RecallCase,
        stepAuthor(before?.history ?? [], body as unknown as RecallCase, device, member, users),
      );
    }
    case 'supply_requests': {
      const before =
        stored && !stored.deleted ? (stored.body as unknown as SupplyRequest) : undefined;
      const pushed = body as unknown as SupplyRequest;
      const checked = checkPushedRequest(before, pushed, (id) => member(id));
      if (!checked.ok) return checked;
      const problem = await acknowledgementProblem(trx, before, pushed);
      return problem ? { ok: false, error: problem } : checked;
    }
    case 'pending_items': {
      const before =
        stored && !stored.deleted ? (stored.body as unknown as PendingItem) : undefined;
      return checkPushedPendingItem(before, body as unknown as PendingItem, (id) => member(id));
    }
    case 'deliveries': {
      const before = stored && !stored.deleted ? (stored.body as unknown as Delivery) : undefined;
      return checkPushedDelivery(before, body as unknown as Delivery, (id) => member(id));
    }
    default:
      return { ok: true };
  }
}

/**
 * Who took each step of a recall case. The steps the centre already holds were checked when they
 * arrived: their people are taken at their role even if they have since left or been switched
 * off, so a case can go on without them. Whoever takes a new step must be an active user here now.
 *
 * One step is a PC's own: when a notice arrives by sync the PC opens the case itself, recording
 * `received` by `device:<its id>` (renderer/replication/recall-arrival.ts). That author is taken
 * for `received` only, and only as the pushing PC or as already stored from another PC.
 */
function stepAuthor(
  storedHistory: readonly { step: string; at: string; by: string }[],
  pushed: RecallCase,
  device: DeviceActor,
  member: Member,
  users: ReadonlyMap<string, KnownUser>,
): (id: string) => PersonResult {
  const isStored = (e: { step: string; at: string; by: string }) =>
    storedHistory.some((old) => old.step === e.step && old.at === e.at && old.by === e.by);
  const actingNow = new Set(pushed.history.filter((e) => !isStored(e)).map((e) => e.by));
  const self = `device:${device.id}`.slice(0, 64);
  const pcOpened = (id: string) =>
    id.startsWith('device:') &&
    (id === self || !actingNow.has(id)) &&
    pushed.history.every((e) => e.by !== id || e.step === 'received');
  return (id) => {
    // The permission model's role for `received` (recall.sweep) is a tech's.
    if (pcOpened(id)) return { ok: true, person: { id, role: 'tech' } };
    const known = users.get(id);
    if (!actingNow.has(id) && known) return { ok: true, person: { id, role: known.role } };
    return member(id);
  };
}

/**
 * The count awaiting approval that a decision names, at the centre or earlier in the same batch:
 * the decision must repeat it, and whoever counted may not decide it.
 */
async function pendingCountOf(
  trx: Transaction<Database>,
  facilityId: string,
  decision: StockEvent,
  earlierInBatch: readonly Doc[],
): Promise<StockEvent | undefined> {
  const pendingId = pendingIdOfDecision(decision.id);
  return pendingId === undefined
    ? undefined
    : storedEvent(trx, facilityId, pendingId, earlierInBatch);
}

/** A stock event of the facility by id: earlier in the same batch, or stored at the centre. */
/** What a reversal names, and what that names, as far as the centre holds them (reversal-act.ts). */
async function chainOf(
  trx: Transaction<Database>,
  facilityId: string,
  reversal: StockEvent,
  earlierInBatch: readonly Doc[],
): Promise<StockEvent[]> {
  const chain: StockEvent[] = [];
  let next = reversal.reverses;
  while (next !== undefined && chain.length < REVERSAL_CHAIN_LIMIT) {
    const found = await storedEvent(trx, facilityId, next, earlierInBatch);
    if (!found) break;
    chain.push(found);
    next = found.type === 'reversal' ? found.reverses : undefined;
  }
  return chain;
}

async function storedEvent(
  trx: Transaction<Database>,
  facilityId: string,
  id: string,
  earlierInBatch: readonly Doc[],
): Promise<StockEvent | undefined> {
  const inBatch = earlierInBatch.find((doc) => doc['id'] === id);
  if (inBatch) return inBatch as unknown as StockEvent;
  const row = await trx
    .selectFrom('documents')
    .select('doc')
    .where('collection', '=', 'stock_events')
    .where('id', '=', id)
    .where(sql<boolean>`facilities @> ${textArray([facilityId])}`)
    .executeTakeFirst();
  return row ? (row.doc as unknown as StockEvent) : undefined;
}

/**
 * Who quarantined this lot at this place for the same recall, at the centre or earlier in the same
 * batch: the model says they may not also dispose of it.
 */
async function quarantinedBy(
  trx: Transaction<Database>,
  facilityId: string,
  event: StockEvent,
  earlierInBatch: readonly Doc[],
): Promise<{ act: Act; by: string }[]> {
  const same = (doc: Doc) =>
    doc['type'] === 'quarantine' &&
    doc['itemId'] === event.itemId &&
    doc['lotCode'] === event.lotCode &&
    doc['locationId'] === event.locationId &&
    doc['recallNoticeId'] === event.recallNoticeId;
  const rows = await trx
    .selectFrom('documents')
    .select('doc')
    .where('collection', '=', 'stock_events')
    .where(sql<boolean>`facilities @> ${textArray([facilityId])}`)
    .where(sql<boolean>`doc->>'type' = 'quarantine'`)
    .where(sql<boolean>`doc->>'recallNoticeId' = ${event.recallNoticeId ?? ''}`)
    .where(sql<boolean>`doc->>'itemId' = ${event.itemId}`)
    .where(sql<boolean>`doc->>'lotCode' = ${event.lotCode}`)
    .where(sql<boolean>`doc->>'locationId' = ${event.locationId}`)
    .execute();
  return [...rows.map((r) => r.doc), ...earlierInBatch.filter(same)].map((doc) => ({
    act: 'stock.quarantine' as Act,
    by: String(doc['actorId']),
  }));
}
