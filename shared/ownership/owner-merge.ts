import type { CollectionName, Delivery, PendingItem } from '../model';

/**
 * One owner per field (ARCHITECTURE.md): where a stockroom and the centre both write one document,
 * each field has exactly one of them as its owner, and a merge takes each field from its owner's
 * copy. No field is ever combined, so a merge never invents a value nobody wrote.
 *
 * - pending items: the stockroom owns what it captured (description, codes, who, when, the raw
 *   scan); the centre owns the decision (status and the item it was mapped to).
 * - deliveries: the centre owns every field but `closure`, which the stockroom writes when it
 *   closes the delivery.
 * - centre-owned collections (items, locations, par levels, recall notices, users):
 *   the centre owns every field, so its copy wins whole.
 */
export const CENTRE_OWNED_FIELDS = {
  pending_items: ['status', 'confirmedItemId'],
  deliveries: ['id', 'facilityId', 'supplier', 'expectedAt', 'requestId', 'lines', 'status'],
} as const satisfies Partial<Record<CollectionName, readonly string[]>>;

type Doc = Record<string, unknown>;

/**
 * Each field from its owner's copy: `centreFields` from `centreCopy`, every other field from
 * `facilityCopy`. A field absent from its owner's copy is absent from the result.
 */
export function mergeByOwner<T extends Doc>(
  facilityCopy: T,
  centreCopy: T,
  centreFields: readonly string[],
): T {
  const centre = new Set(centreFields);
  const merged: Doc = {};
  for (const [key, value] of Object.entries(facilityCopy)) {
    if (!centre.has(key) && value !== undefined) merged[key] = value;
  }
  for (const key of centreFields) {
    const value = centreCopy[key];
    if (value !== undefined) merged[key] = value;
  }
  return merged as T;
}

/** A pending item: the capture from the stockroom's copy, the decision from the centre's. */
export function mergePendingItems(facilityCopy: PendingItem, centreCopy: PendingItem): PendingItem {
  return mergeByOwner(facilityCopy, centreCopy, CENTRE_OWNED_FIELDS.pending_items);
}

/** A delivery: the closure from the stockroom's copy, everything else from the centre's. */
export function mergeDeliveries(facilityCopy: Delivery, centreCopy: Delivery): Delivery {
  return mergeByOwner(facilityCopy, centreCopy, CENTRE_OWNED_FIELDS.deliveries);
}
