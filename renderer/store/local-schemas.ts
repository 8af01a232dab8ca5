import type { RxJsonSchema } from 'rxdb';
import type { Balance } from '../../shared/inventory/balance';

/** A stored balance: the shared Balance plus its composite key. */
export type BalanceDoc = Balance & { id: string };

/**
 * On-hand per (location, item, lot), kept up to date as events are written so that start-up reads
 * a few hundred balances instead of re-folding the whole ledger. Local to this device: never
 * replicated, always rebuildable from stock_events. `|` cannot occur in GS1 or HIBCC lot codes.
 */
export const BALANCES_SCHEMA: RxJsonSchema<BalanceDoc> = {
  title: 'On-hand balances (local projection)',
  version: 0,
  primaryKey: { key: 'id', fields: ['locationId', 'itemId', 'lotCode'], separator: '|' },
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 160 },
    locationId: { type: 'string', maxLength: 64 },
    itemId: { type: 'string', maxLength: 64 },
    lotCode: { type: 'string', maxLength: 20 },
    expiry: { type: 'string', maxLength: 10 },
    onHand: { type: 'integer' },
    quarantined: { type: 'integer' },
    lastEventId: { type: 'string', maxLength: 64 },
    lastOccurredAt: { type: 'string', maxLength: 40 },
  },
  required: [
    'id',
    'locationId',
    'itemId',
    'lotCode',
    'onHand',
    'quarantined',
    'lastEventId',
    'lastOccurredAt',
  ],
  indexes: ['itemId', 'locationId'],
  additionalProperties: false,
};

export const SYNC_ERROR_KINDS = ['rejected', 'network', 'conflict', 'integrity'] as const;

/** One entry of the sync errors inbox, in words a stockroom tech can act on. */
export interface SyncErrorDoc {
  id: string;
  at: string;
  kind: (typeof SYNC_ERROR_KINDS)[number];
  collectionName: string;
  documentId?: string;
  message: string;
  resolved: boolean;
}
