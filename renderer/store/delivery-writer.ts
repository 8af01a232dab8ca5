import {
  closureProblem,
  discrepanciesAtClose,
  type ReportedAtDoor,
} from '../../shared/inventory/delivery-closure';
import { authorize } from '../../shared/permissions';
import { documentValidator, type Delivery } from '../../shared/model';
import type { StockroomDatabase } from './collections';
import { writerIdentities } from './writer-identity';

export type DeliveryWriteResult =
  { ok: true; value: Delivery } | { ok: false; code: string; message: string };

export interface CloseDeliveryInput {
  deliveryId: string;
  reported: readonly ReportedAtDoor[];
  note?: string;
}

/**
 * Closes a delivery with its discrepancy summary, measured from the receipts the store holds (not
 * a screen's copy) and what the receiver counted at the door. The closing is the only part of a
 * delivery this PC writes; it syncs up and the centre tells the ERP (`delivery.closed`).
 */
export async function closeDeliveryAs(
  db: StockroomDatabase,
  context: { facilityId: string; actorId: string; now: () => Date; today: string },
  input: CloseDeliveryInput,
): Promise<DeliveryWriteResult> {
  const who = await writerIdentities(db, context.facilityId, context.actorId, undefined);
  if (!who.ok) {
    const first = who.problems[0];
    return { ok: false, code: first?.code ?? 'REFUSED', message: first?.message ?? 'Refused.' };
  }
  const allowed = authorize('delivery.close', { actor: who.actor });
  if (!allowed.ok) return { ok: false, ...allowed.error };
  const doc = await db.deliveries.findOne(input.deliveryId).exec();
  const delivery = doc?.toMutableJSON();
  if (!doc || !delivery || delivery.facilityId !== context.facilityId) {
    return {
      ok: false,
      code: 'DELIVERY_UNKNOWN',
      message: `Delivery ${input.deliveryId} is not expected here. Choose a delivery from the list.`,
    };
  }
  if (delivery.closure) {
    return {
      ok: false,
      code: 'DELIVERY_ALREADY_CLOSED',
      message: `Delivery ${delivery.id} was already closed at ${delivery.closure.closedAt}.`,
    };
  }
  const receipts = (
    await db.stock_events.find({ selector: { type: 'receive', deliveryId: delivery.id } }).exec()
  ).map((e) => e.toMutableJSON());
  const discrepancies = discrepanciesAtClose(delivery, receipts, input.reported, context.today);
  const problem = closureProblem(delivery, discrepancies);
  if (problem) return { ok: false, code: 'CLOSURE_INVALID', message: `Cannot close: ${problem}.` };
  const note = input.note?.trim();
  const closed: Delivery = {
    ...delivery,
    closure: {
      closedAt: context.now().toISOString(),
      closedBy: who.actor.id,
      discrepancies,
      ...(note ? { note } : {}),
    },
  };
  const valid = documentValidator('deliveries').validate(closed);
  if (!valid.ok) {
    const first = valid.errors[0];
    return {
      ok: false,
      code: 'CLOSURE_INVALID',
      message: `Cannot close: ${first?.field ?? 'closing'} — ${first?.message ?? 'invalid'}. Correct it and try again.`,
    };
  }
  await doc.incrementalPatch({ closure: closed.closure });
  return { ok: true, value: closed };
}
