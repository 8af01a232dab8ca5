import { validateStockEvent } from '../inventory/event-validation';
import type { StockEvent } from '../model';
import type { Act } from './acts';
import { authorize, type PersonResult } from './decide';
import type { PushedCheck } from './pushed-workflow';
import { stockEventAct } from './stock-event-act';

/**
 * What the centre asks of a stock event a PC pushes, with nothing taken on the device's word:
 * - it was made on the device whose token pushed it;
 * - its actor, and its second person when it names one, are active users of the facility;
 * - the actor's role may take the act, and a count or adjustment beyond the count tolerance has a
 *   second person, other than the actor, whose role may confirm it;
 * - whoever took an earlier act the model keeps apart (quarantine before disposal) is not the actor;
 * - its quantities make sense for its type (the same rules the PC's ledger writer applies; the
 *   centre does not hold the PC's ledger, so only the event's own figures are judged).
 */
export interface PushedStockEventContext {
  /** The device of the token that pushed it. */
  deviceId: string;
  /** Who an id is, at this facility: `who` names the person for the message. */
  people: (id: string, who: 'actor' | 'second person') => PersonResult;
  /** Earlier acts on the same subject (who quarantined this lot for this recall). */
  earlier?: readonly { act: Act; by: string }[];
  /** For a reversal: the event it names, that one's, and so on (reversal-act.ts). */
  reversedChain?: readonly StockEvent[];
}

const refuse = (code: string, message: string): PushedCheck => ({
  ok: false,
  error: { code, message },
});

export function checkPushedStockEvent(
  event: StockEvent,
  context: PushedStockEventContext,
): PushedCheck {
  const what = `Stock event ${event.id}`;
  if (event.deviceId !== context.deviceId) {
    return refuse(
      'DEVICE_MISMATCH',
      `${what} says it was made on PC "${event.deviceId}", but this is PC "${context.deviceId}": a PC sends only its own events. Nothing was stored.`,
    );
  }
  const actor = context.people(event.actorId, 'actor');
  if (!actor.ok) return refuse(actor.error.code, `${what}: ${actor.error.message}`);
  let second;
  if (event.approvedBy !== undefined) {
    const approver = context.people(event.approvedBy, 'second person');
    if (!approver.ok) return refuse(approver.error.code, `${what}: ${approver.error.message}`);
    second = approver.person;
  }
  const invalid = validateStockEvent(event).find((p) => p.severity === 'error');
  if (invalid) {
    return refuse(
      'EVENT_INVALID',
      `${what} (${event.type}, ${invalid.field || 'event'}): ${invalid.message} Nothing was stored.`,
    );
  }
  const { act, needsSecond } = stockEventAct(
    event,
    context.reversedChain ? { reversedChain: context.reversedChain } : {},
  );
  const decision = authorize(act, {
    actor: actor.person,
    ...(second ? { second } : {}),
    needsSecond,
    ...(context.earlier ? { earlier: context.earlier } : {}),
  });
  if (!decision.ok) return refuse(decision.error.code, `${what}: ${decision.error.message}`);
  return { ok: true };
}
