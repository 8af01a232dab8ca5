import type { RxConflictHandler, RxConflictHandlerInput, WithDeleted } from 'rxdb';
import {
  type CollectionName,
  type Delivery,
  type PendingItem,
  type RecallCase,
  type SupplyRequest,
} from '../../shared/model';
import { mergeRecallCases } from '../../shared/recall/recall-case-merge';
import { mergeRequests } from '../../shared/replenishment/request-merge';
import { mergeDeliveries, mergePendingItems } from '../../shared/ownership/owner-merge';
import { sameDocument } from './same-document';

/**
 * One conflict handler per replicated collection, each built from the merge rule shared/ gives it.
 * RxDB's default keeps the server's copy and silently drops the local edit; none of ours does that
 * to a field this stockroom owns.
 *
 * RxDB calls `resolve` when the centre answers a push with its own, different copy
 * (`realMasterState`); what it returns is written here and pushed again on top of the centre's copy.
 */

type Doc = Record<string, unknown>;

function body<T>(state: WithDeleted<T>): T {
  const { _deleted: _, ...rest } = state as WithDeleted<T> & Doc;
  return rest as T;
}

function alive<T>(value: T): WithDeleted<T> {
  return { ...value, _deleted: false } as WithDeleted<T>;
}

const isEqual = (a: unknown, b: unknown): boolean => sameDocument(a, b);

/**
 * A deletion on either side is kept: stockrooms never delete these documents in normal work (a
 * request is cancelled, not deleted), so a deletion is a deliberate act by whoever did it.
 */
function deletionWins<T>(input: RxConflictHandlerInput<T>): WithDeleted<T> | undefined {
  if (input.realMasterState._deleted) return input.realMasterState;
  if (input.newDocumentState._deleted) return input.newDocumentState;
  return undefined;
}

function merging<T>(merge: (local: T, centre: T) => T | undefined): RxConflictHandler<T> {
  return {
    isEqual,
    resolve(input) {
      const deleted = deletionWins(input);
      if (deleted) return Promise.resolve(deleted);
      const merged = merge(body(input.newDocumentState), body(input.realMasterState));
      // Refused only for two different documents under one id: keep the ledger of record.
      return Promise.resolve(merged === undefined ? input.realMasterState : alive(merged));
    },
  };
}

/** Centre-owned documents: the centre owns every field, so its copy wins whole. */
const centreWins: RxConflictHandler<unknown> = {
  isEqual,
  resolve: (input) => Promise.resolve(input.realMasterState),
};

/**
 * Stock events are insert-once: the centre only answers with its copy when it already holds this
 * id with other content, which it records as an integrity alarm. The centre's copy is the ledger
 * of record; the replication reports the case in the errors inbox, so nothing is hidden.
 */
const ledgerOfRecord: RxConflictHandler<unknown> = centreWins;

const HANDLERS: { [K in CollectionName]: RxConflictHandler<unknown> } = {
  items: centreWins,
  locations: centreWins,
  par_levels: centreWins,
  recall_notices: centreWins,
  users: centreWins,
  stock_events: ledgerOfRecord,
  sign_in_events: ledgerOfRecord,
  label_prints: ledgerOfRecord,
  supply_requests: merging<SupplyRequest>((local, centre) => {
    const merged = mergeRequests(local, centre);
    return merged.ok ? merged.value : undefined;
  }) as RxConflictHandler<unknown>,
  recall_cases: merging<RecallCase>((local, centre) => {
    const merged = mergeRecallCases(local, centre);
    return merged.ok ? merged.value : undefined;
  }) as RxConflictHandler<unknown>,
  pending_items: merging<PendingItem>(mergePendingItems) as RxConflictHandler<unknown>,
  deliveries: merging<Delivery>(mergeDeliveries) as RxConflictHandler<unknown>,
};

export function conflictHandlerFor(name: CollectionName): RxConflictHandler<unknown> {
  return HANDLERS[name];
}
