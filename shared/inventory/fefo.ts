import type { IsRecalled } from './availability';
import { splitBalance } from './availability';
import type { Balance } from './balance';
import { daysUntilExpiry } from './expiry';

/** One lot to take units from, and why this one. */
export interface FefoPick {
  locationId: string;
  itemId: string;
  lotCode: string;
  expiry?: string;
  quantity: number;
  daysUntilExpiry?: number;
  reason: string;
}

export type FefoSkipCause = 'expired' | 'recalled' | 'quarantined';

/** Units on hand that FEFO will not offer. */
export interface FefoSkip {
  locationId: string;
  lotCode: string;
  expiry?: string;
  units: number;
  cause: FefoSkipCause;
  reason: string;
}

export interface FefoSuggestion {
  requested: number;
  picks: FefoPick[];
  /** Units still missing after every usable lot: 0 when the request can be met. */
  shortfall: number;
  skipped: FefoSkip[];
  explanation: string;
}

export type FefoResult =
  | { ok: true; suggestion: FefoSuggestion }
  | { ok: false; error: { code: 'quantity-invalid' | 'mixed-items'; message: string } };

const lotName = (lotCode: string) => (lotCode ? `lot ${lotCode}` : 'the unlotted stock');

function compareCandidates(a: Balance, b: Balance): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  if (a.expiry !== b.expiry) {
    if (a.expiry === undefined) return 1;
    if (b.expiry === undefined) return -1;
    return text(a.expiry, b.expiry);
  }
  return text(a.lotCode, b.lotCode) || text(a.locationId, b.locationId);
}

function when(days: number | undefined, expiry: string | undefined): string {
  if (expiry === undefined) return 'has no expiry';
  if (days === 0) return `expires today (${expiry})`;
  return `expires ${expiry}, in ${days} day${days === 1 ? '' : 's'}`;
}

function pickReason(pick: FefoPick, index: number, previous: FefoPick | undefined): string {
  const lot = `${lotName(pick.lotCode)} at ${pick.locationId}`;
  if (pick.expiry === undefined) {
    return `Take ${pick.quantity} from ${lot}: it has no expiry, so it goes after every dated lot.`;
  }
  const order =
    index === 0
      ? 'the earliest expiry of the usable lots'
      : `next after ${lotName(previous?.lotCode ?? '')}`;
  return `Take ${pick.quantity} from ${lot}: it ${when(pick.daysUntilExpiry, pick.expiry)}, ${order}.`;
}

function skipReason(cause: FefoSkipCause, units: number, b: Balance): string {
  const lot = `${lotName(b.lotCode)} at ${b.locationId}`;
  if (cause === 'expired') return `${units} units of ${lot} expired on ${b.expiry}: not for use.`;
  if (cause === 'recalled') return `${units} units of ${lot} are recalled: quarantine them.`;
  return `${units} units of ${lot} are quarantined.`;
}

/**
 * First expiry, first out (DOMAIN.md §2): the lots of one item that can be used, earliest expiry
 * first and lots without an expiry last; never expired, quarantined or recalled units. Ties go by
 * lot code, then location, so every PC suggests the same.
 */
export function suggestFefo(
  balances: Iterable<Balance>,
  quantity: number,
  today: string,
  isRecalled: IsRecalled,
): FefoResult {
  if (!Number.isSafeInteger(quantity) || quantity < 1) {
    return {
      ok: false,
      error: { code: 'quantity-invalid', message: 'Enter how many units you need: at least 1.' },
    };
  }
  const list = [...balances];
  if (new Set(list.map((b) => b.itemId)).size > 1) {
    return {
      ok: false,
      error: {
        code: 'mixed-items',
        message: 'FEFO picks lots of one item: choose the item first.',
      },
    };
  }
  const skipped: FefoSkip[] = [];
  const usable: { balance: Balance; available: number }[] = [];
  for (const balance of [...list].sort(compareCandidates)) {
    const split = splitBalance(balance, today, isRecalled);
    const skip = (cause: FefoSkipCause, units: number) => {
      if (units > 0) {
        const { locationId, lotCode, expiry } = balance;
        const reason = skipReason(cause, units, balance);
        skipped.push({
          locationId,
          lotCode,
          ...(expiry !== undefined ? { expiry } : {}),
          units,
          cause,
          reason,
        });
      }
    };
    skip(split.recalled ? 'recalled' : 'quarantined', split.quarantined);
    skip('expired', split.expired);
    if (split.available > 0) usable.push({ balance, available: split.available });
  }
  const picks: FefoPick[] = [];
  let missing = quantity;
  for (const { balance, available } of usable) {
    if (missing === 0) break;
    const take = Math.min(available, missing);
    missing -= take;
    const days = daysUntilExpiry(balance.expiry, today);
    const pick: FefoPick = {
      locationId: balance.locationId,
      itemId: balance.itemId,
      lotCode: balance.lotCode,
      ...(balance.expiry !== undefined ? { expiry: balance.expiry } : {}),
      quantity: take,
      ...(days !== undefined ? { daysUntilExpiry: days } : {}),
      reason: '',
    };
    pick.reason = pickReason(pick, picks.length, picks.at(-1));
    picks.push(pick);
  }
  const parts = picks.map((p) => `${p.quantity} from ${lotName(p.lotCode)} at ${p.locationId}`);
  const plan = picks.length > 0 ? `Take ${parts.join(', then ')}.` : 'No usable stock.';
  const short =
    missing > 0 ? ` Short by ${missing} of ${quantity}: only ${quantity - missing} usable.` : '';
  const notOffered =
    skipped.length > 0 ? ` Not offered: ${skipped.map((s) => s.reason).join(' ')}` : '';
  return {
    ok: true,
    suggestion: {
      requested: quantity,
      picks,
      shortfall: missing,
      skipped,
      explanation: `${plan}${short} Earliest expiry first, lots without expiry last.${notOffered}`,
    },
  };
}
