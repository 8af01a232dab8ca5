import type { SupplyRequest } from '../../shared/model';
import { isPickable, pickFits, type PickListLine } from '../../shared/replenishment/pick-list';
import { takeRequestStep } from '../../shared/replenishment/request-step';
import type { StockroomDatabase } from './collections';
import { recordEvents, type EventDraft, type WriterContext } from './ledger-writer';
import { requestOnThisPc } from './request-on-this-pc';

/** One scanned unit (or several of one lot) taken off a shelf for the request. */
export interface PickedUnits {
  itemId: string;
  locationId: string;
  lotCode: string;
  expiry?: string;
  serial?: string;
  quantity: number;
  /** Entered by hand after a search rather than scanned. */
  note?: string;
}

export type FulfilResult =
  { ok: true; request: SupplyRequest } | { ok: false; code: string; message: string };

/**
 * Issues what was picked to the requesting department and ships the request, as the signed-in
 * person, all or nothing: the request steps (picking if it was not yet, then a shipment naming
 * exactly the units issued) are checked in memory first, then the issue events are written with
 * every ledger rule (recall and expiry stops, never below zero, who may issue), and only then does
 * the request move. A request that cannot take the shipment leaves the shelves untouched.
 */
export async function fulfilRequestAs(
  db: StockroomDatabase,
  context: Omit<WriterContext, 'stepUp'>,
  requestId: string,
  lines: readonly PickListLine[],
  picked: readonly PickedUnits[],
): Promise<FulfilResult> {
  const found = await requestOnThisPc(db, context, requestId);
  if (!found.ok) return found;
  const { stored, actor } = found;
  if (!isPickable(stored)) {
    return {
      ok: false,
      code: 'REQUEST_NOT_PICKABLE',
      message: `Request ${requestId} is ${stored.status} and cannot be picked now. Open the pick list again.`,
    };
  }
  if (picked.length === 0) {
    return {
      ok: false,
      code: 'PICK_EMPTY',
      message: 'Nothing is picked yet: scan the units first.',
    };
  }
  const totals = new Map<string, number>();
  for (const units of picked) {
    if (!Number.isSafeInteger(units.quantity) || units.quantity < 1) {
      return { ok: false, code: 'PICK_QUANTITY', message: 'Each pick is at least one unit.' };
    }
    const fits = pickFits(lines, totals, units.itemId, units.quantity);
    if (!fits.ok) return fits;
    totals.set(units.itemId, (totals.get(units.itemId) ?? 0) + units.quantity);
  }
  const at = context.now().toISOString();
  const person = { kind: 'person' as const, person: actor };
  let request = stored;
  if (request.status !== 'picking' && request.status !== 'shipped') {
    const picking = takeRequestStep(request, { to: 'picking', at }, person);
    if (!picking.ok) return { ok: false, ...picking.error };
    request = picking.value;
  }
  const shipped = takeRequestStep(
    request,
    {
      to: 'shipped',
      at,
      lines: [...totals].map(([itemId, quantity]) => ({ itemId, quantity })),
    },
    person,
  );
  if (!shipped.ok) return { ok: false, ...shipped.error };
  const drafts: EventDraft[] = picked.map((units) => ({
    type: 'issue',
    itemId: units.itemId,
    locationId: units.locationId,
    toLocationId: stored.locationId,
    lotCode: units.lotCode,
    ...(units.expiry ? { expiry: units.expiry } : {}),
    ...(units.serial ? { serial: units.serial } : {}),
    quantity: units.quantity,
    requestId,
    ...(units.note ? { note: units.note } : {}),
  }));
  const issued = await recordEvents(db, context, drafts);
  if (!issued.ok) {
    const errors = issued.problems.filter((p) => p.severity === 'error');
    const first = errors[0] ?? issued.problems[0];
    return {
      ok: false,
      code: first?.code ?? 'REFUSED',
      message: (errors.length ? errors : issued.problems).map((p) => p.message).join(' '),
    };
  }
  await db.supply_requests.upsert(shipped.value);
  return { ok: true, request: shipped.value };
}
