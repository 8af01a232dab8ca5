import Type from 'typebox';
import { FacilityId, Id, IsoDateTime, LotCode, Name, Quantity, StringEnum } from './primitives';

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
  },
  { additionalProperties: false },
);
export type Delivery = Type.Static<typeof DeliverySchema>;
