import Type from 'typebox';
import {
  FacilityId,
  Id,
  IsoDate,
  IsoDateTime,
  LotCode,
  Serial,
  StringEnum,
  Text,
  SafeName,
} from './primitives';

/**
 * What can happen to stock. Each kind's meaning for the balances lives in shared/inventory.
 * - receive: into `locationId` (from a supplier, optionally against `deliveryId`)
 * - transfer: from `locationId` to `toLocationId` (put-away is a transfer from the dock)
 * - issue: out of `locationId` to department `toLocationId`
 * - return: back into `locationId` from department `toLocationId`
 * - waste: out of `locationId` (expired, damaged), with a reason
 * - count: `countedQuantity` found at `locationId`, next to `expectedQuantity` the ledger said then
 * - adjust: signed `delta` at `locationId`, with a reason code
 * - quarantine / release: move quantity between available and quarantined at `locationId`
 * - dispose: quarantined stock leaves (returned to supplier or destroyed)
 * - reversal: cancels the event named in `reverses`
 */
export const STOCK_EVENT_TYPES = [
  'receive',
  'transfer',
  'issue',
  'return',
  'waste',
  'count',
  'adjust',
  'quarantine',
  'release',
  'dispose',
  'reversal',
] as const;
export type StockEventType = (typeof STOCK_EVENT_TYPES)[number];

export const QUARANTINE_REASONS = ['recall', 'damage', 'hold', 'expired'] as const;
export const ADJUST_REASONS = [
  'count-correction',
  'damaged',
  'found',
  'lost',
  'data-entry-error',
  'expired',
] as const;
export const DISPOSITIONS = ['return-to-supplier', 'destroy'] as const;

/**
 * An immutable ledger entry made on a stockroom PC. The server's `recordedAt` travels beside the
 * document, never inside it, so replication never sees a server-side edit of an event.
 */
export const StockEventSchema = Type.Object(
  {
    id: Id('Client-made unique event id'),
    facilityId: FacilityId,
    deviceId: Id('Device that made the event'),
    deviceSeq: Type.Integer({
      minimum: 1,
      maximum: 2 ** 48,
      multipleOf: 1,
      description: 'Per-device sequence: 1, 2, 3… never reused',
    }),
    actorId: Id('User who did it'),
    occurredAt: IsoDateTime('Device time it happened'),
    type: StringEnum(STOCK_EVENT_TYPES),
    itemId: Id('Item identifier'),
    lotCode: LotCode,
    expiry: Type.Optional(IsoDate('Expiry from the label')),
    serial: Type.Optional(Serial),
    locationId: Id('Where the stock is (the source for movements out)'),
    toLocationId: Type.Optional(Id('Destination of a transfer, department of an issue or return')),
    quantity: Type.Integer({
      minimum: 0,
      maximum: 1_000_000,
      description: 'Units moved (0 only for count and reversal)',
    }),
    delta: Type.Optional(
      Type.Integer({
        minimum: -1_000_000,
        maximum: 1_000_000,
        description: 'Signed change of an adjustment',
      }),
    ),
    countedQuantity: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    expectedQuantity: Type.Optional(
      Type.Integer({
        minimum: -1_000_000,
        maximum: 1_000_000,
        description: 'What the ledger said when the count was taken',
      }),
    ),
    countSessionId: Type.Optional(Id('Cycle count this count belongs to')),
    reason: Type.Optional(
      SafeName({ maxLength: 40, description: 'Reason code (adjust, waste, quarantine)' }),
    ),
    disposition: Type.Optional(StringEnum(DISPOSITIONS)),
    recallNoticeId: Type.Optional(Id('Recall notice behind a quarantine or disposal')),
    deliveryId: Type.Optional(Id('Expected delivery a receipt was made against')),
    requestId: Type.Optional(Id('Supply request the movement fulfils')),
    reverses: Type.Optional(Id('The event a reversal cancels')),
    approvedBy: Type.Optional(Id('Second person who approved (adjustments)')),
    scan: Type.Optional(Text(300, 'Raw barcode text that produced the event')),
    note: Type.Optional(Text(500, 'Free text')),
  },
  { additionalProperties: false },
);
export type StockEvent = Type.Static<typeof StockEventSchema>;
