import { closureProblem } from '../inventory/delivery-closure';
import { CENTRE_OWNED_FIELDS } from '../ownership/owner-merge';
import type { Delivery } from '../model';
import { authorize, type PersonResult } from './decide';
import type { PushedCheck } from './pushed-workflow';

const refuse = (code: string, message: string): PushedCheck => ({
  ok: false,
  error: { code, message },
});

/** Equal as JSON values, whatever the key order (PostgreSQL's jsonb reorders keys). */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((value, i) => same(value, b[i]))
    );
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = Object.keys(left).filter((k) => left[k] !== undefined);
    return (
      keys.length === Object.keys(right).filter((k) => right[k] !== undefined).length &&
      keys.every((k) => same(left[k], right[k]))
    );
  }
  return a === b;
}

/**
 * A delivery as a PC pushes it: the centre's delivery, unchanged, with the stockroom's closing
 * added once by someone of this facility whose role may close a delivery. A closing, once held,
 * is never rewritten.
 */
export function checkPushedDelivery(
  stored: Delivery | undefined,
  pushed: Delivery,
  people: (id: string) => PersonResult,
): PushedCheck {
  const what = `Delivery ${pushed.id}`;
  if (!stored) {
    return refuse(
      'CENTRE_ONLY',
      `${what}: expected deliveries come from the ERP; a stockroom cannot create one. Nothing was stored.`,
    );
  }
  const changed = CENTRE_OWNED_FIELDS.deliveries.find((f) => !same(stored[f], pushed[f]));
  if (changed) {
    return refuse(
      'CENTRE_ONLY',
      `${what}: "${changed}" is the centre's; a stockroom only closes a delivery. Nothing was stored.`,
    );
  }
  if (stored.closure) {
    return same(stored.closure, pushed.closure)
      ? { ok: true }
      : refuse(
          'DELIVERY_ALREADY_CLOSED',
          `${what} was already closed by ${stored.closure.closedBy} at ${stored.closure.closedAt}; a closing is never rewritten. Nothing was stored.`,
        );
  }
  if (!pushed.closure) return { ok: true };
  const who = people(pushed.closure.closedBy);
  if (!who.ok) return refuse(who.error.code, `${what}: ${who.error.message}`);
  const decision = authorize('delivery.close', { actor: who.person });
  if (!decision.ok) return refuse(decision.error.code, `${what}: ${decision.error.message}`);
  const problem = closureProblem(stored, pushed.closure.discrepancies);
  if (problem) return refuse('CLOSURE_INVALID', `${what}: ${problem}. Nothing was stored.`);
  return { ok: true };
}
