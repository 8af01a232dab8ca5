import { can, type PendingItem } from '../model';
import type { PersonResult } from './decide';
import type { PushedCheck } from './pushed-workflow';

const refuse = (code: string, message: string): PushedCheck => ({
  ok: false,
  error: { code, message },
});

/**
 * A new product captured at receipt, as a PC pushes it: whoever captured it is an active user of
 * the facility whose role may capture products, and only the centre confirms, rejects or maps it
 * to an item (the PC sends back what the centre decided, never a decision of its own).
 */
export function checkPushedPendingItem(
  stored: PendingItem | undefined,
  pushed: PendingItem,
  people: (id: string) => PersonResult,
): PushedCheck {
  const what = `New product ${pushed.id}`;
  if (!stored || stored.capturedBy !== pushed.capturedBy) {
    const who = people(pushed.capturedBy);
    if (!who.ok) return refuse(who.error.code, `${what}: ${who.error.message}`);
    if (!can(who.person.role, 'item.capture-pending')) {
      return refuse(
        'ROLE_NOT_PERMITTED',
        `${what}: a ${who.person.role} cannot record a new product at receipt. Ask a stockroom technician or supervisor to receive it.`,
      );
    }
  }
  const decided =
    pushed.status !== (stored?.status ?? 'pending') ||
    pushed.confirmedItemId !== stored?.confirmedItemId;
  if (decided) {
    return refuse(
      'CENTRE_ONLY',
      `${what}: only the centre confirms, rejects or maps a new product; a stockroom cannot. Nothing was stored.`,
    );
  }
  return { ok: true };
}
