import { ADJUST_REASONS, QUARANTINE_REASONS, normaliseLotCode } from '../model';
import type { StockEvent, StockEventType } from '../model';
import type { IsRecalled } from './availability';
import type { Balance } from './balance';
import { parseIsoDate } from './calendar';
import { isExpired } from './expiry';
import {
  COUNT_REASONS,
  isCountApproval,
  isPendingCount,
  pendingIdOfDecision,
} from './count-review';

export const STOCK_EVENT_PROBLEM_CODES = [
  // Structural: the event has no defined effect; the fold skips it and reports it.
  'quantity-invalid',
  'destination-missing',
  'same-location',
  'delta-missing',
  'count-quantities-missing',
  'reverses-missing',
  'reverses-itself',
  // Policy: the screen must not record it; the fold can still apply it.
  'quantity-too-small',
  'delta-zero',
  'reason-missing',
  'reason-unknown',
  'count-decision-id',
  'count-pending-approved',
  'department-missing',
  'disposition-missing',
  'expiry-unreadable',
  // Against the ledger at the source balance.
  'quarantine-exceeds-available',
  'release-exceeds-quarantined',
  'dispose-exceeds-quarantined',
  'exceeds-available',
  'lot-expired',
  'lot-recalled',
] as const;
export type StockEventProblemCode = (typeof STOCK_EVENT_PROBLEM_CODES)[number];

/**
 * A reason an event should not be recorded as it stands. `error` blocks saving; `warning` asks the
 * person to confirm (an offline PC's ledger may lag behind the shelf).
 */
export interface StockEventProblem {
  code: StockEventProblemCode;
  message: string;
  field: keyof StockEvent | '';
  severity: 'error' | 'warning';
}

/** Event types that move a positive number of units. */
const MOVEMENTS: ReadonlySet<StockEventType> = new Set([
  'receive',
  'transfer',
  'issue',
  'return',
  'waste',
  'quarantine',
  'release',
  'dispose',
]);

function problem(
  code: StockEventProblemCode,
  field: StockEventProblem['field'],
  message: string,
  severity: StockEventProblem['severity'] = 'error',
): StockEventProblem {
  return { code, field, message, severity };
}

const isCount = (n: number | undefined): n is number => n !== undefined && Number.isSafeInteger(n);

/** The first reason the event has no defined effect on balances, if any. */
export function structuralProblem(event: StockEvent): StockEventProblem | undefined {
  if (!Number.isSafeInteger(event.quantity) || event.quantity < 0) {
    return problem(
      'quantity-invalid',
      'quantity',
      'Enter the quantity as a whole number of units.',
    );
  }
  switch (event.type) {
    case 'transfer':
      if (!event.toLocationId) {
        return problem(
          'destination-missing',
          'toLocationId',
          'A transfer needs a destination: scan or choose the location the stock is going to.',
        );
      }
      if (event.toLocationId === event.locationId) {
        return problem(
          'same-location',
          'toLocationId',
          'The stock is already at this location: choose another destination or cancel the transfer.',
        );
      }
      return undefined;
    case 'adjust':
      return isCount(event.delta)
        ? undefined
        : problem('delta-missing', 'delta', 'Enter the change in units (for example +2 or -3).');
    case 'count':
      return isCount(event.countedQuantity) && isCount(event.expectedQuantity)
        ? undefined
        : problem(
            'count-quantities-missing',
            'countedQuantity',
            'A count needs the counted quantity and what the ledger expected: record it again from the count screen.',
          );
    case 'reversal':
      if (!event.reverses) {
        return problem(
          'reverses-missing',
          'reverses',
          'A reversal must name the event it cancels: open that event and choose Reverse.',
        );
      }
      return event.reverses === event.id
        ? problem(
            'reverses-itself',
            'reverses',
            'An event cannot reverse itself: choose the event to cancel.',
          )
        : undefined;
    default:
      return undefined;
  }
}

/** A count's reason says whether it waits for a supervisor or is one's approval (count-review.ts). */
function countReasonProblem(event: StockEvent): StockEventProblem | undefined {
  if (event.reason !== undefined && !COUNT_REASONS.includes(event.reason)) {
    return problem(
      'reason-unknown',
      'reason',
      `"${event.reason}" is not a reason for a count: leave it out, or use ${COUNT_REASONS.join(' or ')}.`,
    );
  }
  if (isPendingCount(event) && event.approvedBy !== undefined) {
    return problem(
      'count-pending-approved',
      'approvedBy',
      'A count awaiting approval has no approver yet: record it without one, or approve it now instead.',
    );
  }
  if (isCountApproval(event) && pendingIdOfDecision(event.id) === undefined) {
    return problem(
      'count-decision-id',
      'id',
      'An approval must name the count it decides: approve it from the count approvals queue.',
    );
  }
  return undefined;
}

function reasonProblem(event: StockEvent): StockEventProblem | undefined {
  if (event.type === 'count') return countReasonProblem(event);
  const lists: Partial<Record<StockEventType, readonly string[]>> = {
    adjust: ADJUST_REASONS,
    quarantine: QUARANTINE_REASONS,
    waste: [],
  };
  const allowed = lists[event.type];
  if (!allowed) return undefined;
  if (!event.reason?.trim()) {
    return problem('reason-missing', 'reason', `Choose a reason for this ${event.type}.`);
  }
  if (allowed.length > 0 && !allowed.includes(event.reason)) {
    return problem(
      'reason-unknown',
      'reason',
      `"${event.reason}" is not a reason for ${event.type}: choose one of ${allowed.join(', ')}.`,
    );
  }
  return undefined;
}

function policyProblems(event: StockEvent): StockEventProblem[] {
  const found: StockEventProblem[] = [];
  if (MOVEMENTS.has(event.type) && event.quantity < 1) {
    found.push(problem('quantity-too-small', 'quantity', 'Enter a quantity of at least 1 unit.'));
  }
  if (event.type === 'adjust' && event.delta === 0) {
    found.push(
      problem(
        'delta-zero',
        'delta',
        'An adjustment of 0 units changes nothing: enter the change or cancel.',
      ),
    );
  }
  const reason = reasonProblem(event);
  if (reason) found.push(reason);
  if (event.type === 'issue' && !event.toLocationId) {
    found.push(
      problem(
        'department-missing',
        'toLocationId',
        'Choose the department the stock is issued to: a recall needs to know where units went.',
      ),
    );
  }
  if (event.type === 'dispose' && !event.disposition) {
    found.push(
      problem(
        'disposition-missing',
        'disposition',
        'Choose whether the stock goes back to the supplier or is destroyed.',
      ),
    );
  }
  if (event.expiry !== undefined && parseIsoDate(event.expiry) === undefined) {
    found.push(
      problem(
        'expiry-unreadable',
        'expiry',
        `"${event.expiry}" is not a calendar date: re-scan the label or enter the expiry as YYYY-MM-DD.`,
      ),
    );
  }
  return found;
}

export interface ValidationContext {
  /** The ledger's balance at the event's location, item and lot when the event is being made. */
  balance?: Balance;
  /**
   * The caller read the ledger for this balance: no `balance` then means nothing is held there, so
   * a movement out of it is refused rather than taken on trust.
   */
  ledgerRead?: boolean;
  /** Needed to block issuing an expired lot. */
  today?: string;
  isRecalled?: IsRecalled;
}

function ledgerProblems(event: StockEvent, context: ValidationContext): StockEventProblem[] {
  const found: StockEventProblem[] = [];
  const lot = normaliseLotCode(event.lotCode) || '(no lot)';
  const balance =
    context.balance ??
    (context.ledgerRead ? { onHand: 0, quarantined: 0, expiry: undefined } : undefined);
  if (balance) {
    const quarantined = Math.max(balance.quarantined, 0);
    const available = balance.onHand - quarantined;
    const q = event.quantity;
    if (event.type === 'quarantine' && q > available) {
      found.push(
        problem(
          'quarantine-exceeds-available',
          'quantity',
          `Only ${available} units of lot ${lot} are available here, not ${q}: count the shelf, or quarantine at most ${available}.`,
        ),
      );
    }
    if ((event.type === 'release' || event.type === 'dispose') && q > quarantined) {
      found.push(
        problem(
          event.type === 'release' ? 'release-exceeds-quarantined' : 'dispose-exceeds-quarantined',
          'quantity',
          `Only ${quarantined} units of lot ${lot} are quarantined here, not ${q}: quarantine them first, or ${event.type} at most ${quarantined}.`,
        ),
      );
    }
    if (['issue', 'transfer', 'waste'].includes(event.type) && q > available) {
      found.push(
        problem(
          'exceeds-available',
          'quantity',
          context.balance
            ? `The ledger holds ${available} units of lot ${lot} available here, not ${q}: check the lot and the location. If the units are in your hand, record them first as found stock (Adjust, reason "found", confirmed by a second person), then ${event.type} them.`
            : // Never on the books here: most often a misread label (a stray character, a dropped
              // separator) or the wrong shelf. Advising "found stock" would put a phantom lot on
              // the books, so the advice is to read the label again.
              `Lot ${lot} has never been on the books at this location: the label was probably misread, or the units belong to another shelf. Nothing was recorded. Scan the label again and compare the lot printed on it; check the shelf chosen. If the lot printed really is new here, it must be received first.`,
        ),
      );
    }
  }
  if (event.type === 'issue') {
    const expiry = event.expiry ?? balance?.expiry;
    if (context.today !== undefined && isExpired(expiry, context.today)) {
      found.push(
        problem(
          'lot-expired',
          'lotCode',
          `Lot ${lot} expired on ${expiry}: do not issue it. Set it aside and record it as waste or quarantine it.`,
        ),
      );
    }
    if (context.isRecalled?.(event.itemId, normaliseLotCode(event.lotCode), event.expiry)) {
      found.push(
        problem(
          'lot-recalled',
          'lotCode',
          `Lot ${lot} is recalled: do not issue it. Quarantine it and tell your supervisor.`,
        ),
      );
    }
  }
  return found;
}

/**
 * Everything wrong with an event about to be recorded, as values (empty when it may be saved).
 * Schema checks (types, lengths, formats) belong to the model's validator; these are the stock rules.
 */
export function validateStockEvent(
  event: StockEvent,
  context: ValidationContext = {},
): StockEventProblem[] {
  const structural = structuralProblem(event);
  return [
    ...(structural ? [structural] : []),
    ...policyProblems(event),
    ...ledgerProblems(event, context),
  ];
}
