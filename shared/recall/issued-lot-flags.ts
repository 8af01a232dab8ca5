import type { RecallClass, RecallNotice, StockEvent } from '../model';
import type { MatchBasis, ProductIdentity, UnitDetail } from './notice-match';
import { recalledLotIndex } from './recalled-lot-index';

/**
 * Issues of recalled units, never hidden (DOMAIN.md §4). An issue at or after the notice's
 * `effectiveAt` is flagged: it happened after the recall took effect, typically on a PC that was
 * offline and had not heard of the notice yet. Issues before it are listed too, so clinical staff
 * can find units already on the wards. A reversed issue stays on the list, marked reversed, and no
 * longer counts as outstanding.
 *
 * Times compare as instants (offsets honoured). An `occurredAt` that cannot be read is treated as
 * after the recall: flagging it wrongly costs a look, hiding it could cost a patient.
 */

export interface IssueFlag {
  eventId: string;
  occurredAt: string;
  deviceId: string;
  actorId: string;
  itemId: string;
  lotCode: string;
  serial?: string;
  expiry?: string;
  quantity: number;
  fromLocationId: string;
  /** Department the units went to, when the event names it. */
  department?: string;
  reversed: boolean;
  reversedBy?: string;
}

export interface IssuedAfterFlag extends IssueFlag {
  basis: MatchBasis[];
  message: string;
}

export interface IssuedBeforeFlag extends IssueFlag {
  basis: MatchBasis[];
}

export interface UndeterminedIssue extends IssueFlag {
  missing: UnitDetail[];
  after: boolean;
}

export interface NoticeIssueFlags {
  noticeId: string;
  number: string;
  class: RecallClass;
  effectiveAt: string;
  issuedAfterEffective: IssuedAfterFlag[];
  issuedBeforeEffective: IssuedBeforeFlag[];
  /** Issues of the product whose record cannot say whether they were affected units. */
  cannotTell: UndeterminedIssue[];
  /** Units issued and not reversed: after, before. */
  outstandingAfter: number;
  outstandingBefore: number;
}

/** Reversals that reverse each other round in a circle; none of them can be said to stand. */
function reversalCycles(events: readonly StockEvent[]): Set<string> {
  // Only reversals can lie on a cycle, and a ledger holds few: the walk below looks at nothing
  // else. `byId` answers as a map of every event would for a chain: the last event with an id
  // wins, and a chain stops at anything that is not a reversal naming what it reverses.
  const starts: StockEvent[] = [];
  const byId = new Map<string, StockEvent>();
  for (const e of events) {
    if (e.type === 'reversal' && e.reverses !== undefined) {
      starts.push(e);
      byId.set(e.id, e);
    } else if (byId.size > 0) {
      byId.delete(e.id);
    }
  }
  const onCycle = new Set<string>();
  for (const start of starts) {
    const seen = new Set<string>();
    let current: StockEvent | undefined = start;
    while (current?.type === 'reversal' && current.reverses !== undefined) {
      if (onCycle.has(current.id)) break;
      if (seen.has(current.id)) {
        let member: StockEvent | undefined = current;
        do {
          onCycle.add(member.id);
          member = member.reverses === undefined ? undefined : byId.get(member.reverses);
        } while (member && member.id !== current.id);
        break;
      }
      seen.add(current.id);
      current = byId.get(current.reverses);
    }
  }
  return onCycle;
}

/**
 * Which events a standing reversal cancels (event id → reversal id). A reversal that is itself
 * reversed cancels nothing, so the reversal of a reversal puts the original back.
 */
export function cancelledEvents(events: readonly StockEvent[]): Map<string, string> {
  const inert = reversalCycles(events);
  const reversalsOf = new Map<string, StockEvent[]>();
  for (const e of events) {
    if (e.type !== 'reversal' || e.reverses === undefined || inert.has(e.id)) continue;
    const list = reversalsOf.get(e.reverses);
    if (list) list.push(e);
    else reversalsOf.set(e.reverses, [e]);
  }
  // Sorted so that, of two standing reversals, the one named is the same whatever the input order.
  for (const list of reversalsOf.values()) list.sort((a, b) => (a.id < b.id ? -1 : 1));
  // Without cycles the chains end, so the recursion does too.
  const memo = new Map<string, string | null>();
  const cancelledBy = (id: string): string | null => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const standing = (reversalsOf.get(id) ?? []).find((r) => cancelledBy(r.id) === null);
    const by = standing?.id ?? null;
    memo.set(id, by);
    return by;
  };
  const cancelled = new Map<string, string>();
  for (const id of reversalsOf.keys()) {
    const by = cancelledBy(id);
    if (by !== null) cancelled.set(id, by);
  }
  return cancelled;
}

/** Unreadable times sort last and count as after the recall. */
const instant = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
};
const atOrAfter = (when: number, effective: number): boolean =>
  when >= effective || effective === Number.POSITIVE_INFINITY;
const chronological = (a: IssueFlag, b: IssueFlag): number =>
  Math.sign(instant(a.occurredAt) - instant(b.occurredAt) || 0) ||
  (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);

function flagOf(e: StockEvent, reversedBy: string | undefined): IssueFlag {
  const flag: IssueFlag = {
    eventId: e.id,
    occurredAt: e.occurredAt,
    deviceId: e.deviceId,
    actorId: e.actorId,
    itemId: e.itemId,
    lotCode: e.lotCode,
    quantity: e.quantity,
    fromLocationId: e.locationId,
    reversed: reversedBy !== undefined,
  };
  if (e.serial !== undefined) flag.serial = e.serial;
  if (e.expiry !== undefined) flag.expiry = e.expiry;
  if (e.toLocationId !== undefined) flag.department = e.toLocationId;
  if (reversedBy !== undefined) flag.reversedBy = reversedBy;
  return flag;
}

function afterMessage(flag: IssueFlag, notice: RecallNotice): string {
  const lot = flag.lotCode.trim() ? `lot ${flag.lotCode.trim()}` : 'a unit with no lot';
  const to = flag.department ? ` to ${flag.department}` : '';
  const state = flag.reversed
    ? ' The issue was later reversed.'
    : ' Find the units and bring them back to quarantine.';
  return `Issued after recall ${notice.number} (class ${notice.class}) took effect: ${flag.quantity} of ${lot}${to} at ${flag.occurredAt} by ${flag.actorId} on ${flag.deviceId}.${state}`;
}

/** For each open notice, the issue events of its units, split around `effectiveAt`. */
export function flagIssuedLots(
  events: readonly StockEvent[],
  notices: readonly RecallNotice[],
  items: readonly ProductIdentity[],
): NoticeIssueFlags[] {
  const open = notices.filter((n) => n.status === 'open');
  const index = recalledLotIndex(open, items);
  const cancelled = cancelledEvents(events);
  const byNotice = new Map<string, { notice: RecallNotice; flags: NoticeIssueFlags }>();
  for (const n of open) {
    const flags: NoticeIssueFlags = {
      noticeId: n.id,
      number: n.number,
      class: n.class,
      effectiveAt: n.effectiveAt,
      issuedAfterEffective: [],
      issuedBeforeEffective: [],
      cannotTell: [],
      outstandingAfter: 0,
      outstandingBefore: 0,
    };
    byNotice.set(n.id, { notice: n, flags });
  }

  for (const e of events) {
    // Most issues are of products no open notice names: passed over before anything is made.
    if (e.type !== 'issue' || !index.namesItem(e.itemId)) continue;
    const found = index.lookup(e.itemId, e.lotCode, e.serial, e.expiry);
    if (found.recalled.length === 0 && found.cannotTell.length === 0) continue;
    const flag = flagOf(e, cancelled.get(e.id));
    const when = instant(e.occurredAt);
    for (const hit of found.recalled) {
      const target = byNotice.get(hit.noticeId);
      if (!target) continue;
      const { notice, flags } = target;
      if (atOrAfter(when, instant(notice.effectiveAt))) {
        const message = afterMessage(flag, notice);
        flags.issuedAfterEffective.push({ ...flag, basis: hit.basis, message });
        if (!flag.reversed) flags.outstandingAfter += flag.quantity;
      } else {
        flags.issuedBeforeEffective.push({ ...flag, basis: hit.basis });
        if (!flag.reversed) flags.outstandingBefore += flag.quantity;
      }
    }
    for (const unsure of found.cannotTell) {
      const target = byNotice.get(unsure.noticeId);
      if (!target) continue;
      const after = atOrAfter(when, instant(target.notice.effectiveAt));
      target.flags.cannotTell.push({ ...flag, missing: unsure.missing, after });
    }
  }

  const result = [...byNotice.values()].map((t) => t.flags);
  for (const entry of result) {
    entry.issuedAfterEffective.sort(chronological);
    entry.issuedBeforeEffective.sort(chronological);
    entry.cannotTell.sort(chronological);
  }
  return result;
}
