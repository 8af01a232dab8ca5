import type { ServiceLevel, SupplyRequest } from '../model';
import { escalationLadder, type LadderState } from '../replenishment/escalation-ladder';
import type { LineProgress } from '../replenishment/request-progress';
import { NEXT_STATUSES } from '../replenishment/request-status';
import { CENTRE_STEPS } from '../replenishment/request-step';
import { isolatedName } from './isolated-name';
import type { ErpEscalation } from './request-escalation-shapes';

/** A supply request as the console's Requests screen lists it: where it is and how late. */
export interface RequestView {
  request: SupplyRequest;
  lines: LineProgress[];
  /** Where it stands on the escalation ladder under its facility's service levels; null: on time. */
  escalation: Pick<
    LadderState,
    'clock' | 'rung' | 'step' | 'message' | 'dueAt' | 'startedAt'
  > | null;
  /**
   * The service level of its facility for its priority; null: none, it never escalates. The console
   * climbs the ladder from this against its own moving clock, so a request that turns late while
   * the page stays open says so without a reload.
   */
  serviceLevel: ServiceLevel | null;
  /** The ERP rungs the centre recorded, by the clock or by a buyer's hand (who and why), oldest first. */
  erpEscalations: ErpEscalation[];
  /**
   * The item master's name of every item its lines and substitutes name, by id. An id missing here
   * is no item of the master (a PC's pending item, say): shown by its id alone.
   */
  itemNames: Record<string, string>;
  /** The name of the location it is for; null when the centre holds no such location. */
  locationName: string | null;
  /** Who escalated it by hand, in words ("Bo Buyer (bo.buyer)"), by the `by` of its ERP rungs. */
  escalatedBy: Record<string, string>;
}

/** Every item a request names: its lines, what it asks for now, and the substitutes proposed. */
export function itemsNamedBy(request: SupplyRequest, lines: readonly LineProgress[]): string[] {
  return [
    ...new Set([
      ...request.lines.map((l) => l.itemId),
      ...lines.map((l) => l.itemId),
      ...(request.substitutions ?? []).flatMap((s) => [s.itemId, s.lineItemId]),
    ]),
  ];
}

/** Said of an item the item master does not hold. */
export const NOT_IN_ITEM_MASTER = 'not in the item master';

/**
 * An item of a request as a buyer reads it, the way facilities read: "Saline 0.9% 10 mL
 * (ITEM-000123)". An item the item master does not hold keeps its id and says so.
 */
export function requestItemLabel(view: Pick<RequestView, 'itemNames'>, itemId: string): string {
  const name = view.itemNames[itemId];
  return name
    ? `${isolatedName(name)} (${isolatedName(itemId)})`
    : `${isolatedName(itemId)} (${NOT_IN_ITEM_MASTER})`;
}

/** The place a request is for: "Trauma bay (LOC-TB)", or the id alone for a place the centre lacks. */
export function requestLocationLabel(view: Pick<RequestView, 'request' | 'locationName'>): string {
  const id = view.request.locationId;
  return view.locationName
    ? `${isolatedName(view.locationName)} (${isolatedName(id)})`
    : isolatedName(id);
}

/** The steps the centre may take from where a request is: the machine's, less the stockroom's own. */
export function centreStepsFrom(status: SupplyRequest['status']): SupplyRequest['status'][] {
  return NEXT_STATUSES[status].filter((next) => CENTRE_STEPS.has(next));
}

/**
 * Where a listed request stands on the ladder at `now` (null: on time), climbed from its service
 * level by the same function the endpoint uses: a screen left open sees a request turn late, and its
 * wait count on, without a reload.
 */
export function escalationAt(
  view: Pick<RequestView, 'request' | 'serviceLevel'>,
  now: Date,
): RequestView['escalation'] {
  if (view.serviceLevel === null) return null;
  const state = escalationLadder(
    view.request,
    { [view.request.priority]: view.serviceLevel },
    now.toISOString(),
  );
  if (!state) return null;
  const { clock, rung, step, message, dueAt, startedAt } = state;
  return { clock, rung, step, message, dueAt, startedAt };
}
