import Type from 'typebox';
import {
  FacilityId,
  Id,
  IsoDateTime,
  LotCode,
  Name,
  Quantity,
  StringEnum,
  Text,
} from './primitives';

export const DELIVERY_STATUSES = [
  'expected',
  'partially-received',
  'received',
  'cancelled',
] as const;

export const DeliveryLineSchema = Type.Object(
  {
    itemId: Id('Item identifier'),
    quantity: Quantity('Units expected'),
    lotCode: Type.Optional(LotCode),
  },
  { additionalProperties: false },
);

/**
 * What was wrong with a delivery when it was closed. short/over/not-on-delivery and wrong-lot are
 * measured from the receipts; damaged and expired-on-arrival also count units refused at the door.
 */
export const DISCREPANCY_KINDS = [
  'short',
  'over',
  'not-on-delivery',
  'damaged',
  'wrong-lot',
  'expired-on-arrival',
] as const;
export type DiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];

export const DeliveryDiscrepancySchema = Type.Object(
  {
    kind: StringEnum(DISCREPANCY_KINDS),
    itemId: Id('Item concerned'),
    lotCode: Type.Optional(LotCode),
    quantity: Quantity('Units concerned'),
  },
  { additionalProperties: false },
);
export type DeliveryDiscrepancy = Type.Static<typeof DeliveryDiscrepancySchema>;

/** The stockroom's closing of a delivery: the only part of a delivery a stockroom writes. */
export const DeliveryClosureSchema = Type.Object(
  {
    closedAt: IsoDateTime('When the stockroom closed the delivery'),
    closedBy: Id('User who closed it'),
    discrepancies: Type.Array(DeliveryDiscrepancySchema, { maxItems: 2000 }),
    note: Type.Optional(Text(500, 'What the receiver wants the buyer to know')),
  },
  { additionalProperties: false },
);
export type DeliveryClosure = Type.Static<typeof DeliveryClosureSchema>;

/** A delivery the ERP expects at a facility; receipts are booked against it. */
export const DeliverySchema = Type.Object(
  {
    id: Id('Delivery identifier (purchase order or ASN number)'),
    facilityId: FacilityId,
    supplier: Name('Supplier'),
    expectedAt: IsoDateTime(),
    requestId: Type.Optional(Id('Supply request it fulfils')),
    lines: Type.Array(DeliveryLineSchema, { minItems: 1, maxItems: 500 }),
    status: StringEnum(DELIVERY_STATUSES),
    closure: Type.Optional(DeliveryClosureSchema),
  },
  { additionalProperties: false },
);
export type Delivery = Type.Static<typeof DeliverySchema>;
