import Type from 'typebox';
import {
  FacilityId,
  Gtin14,
  HibccProductCode,
  Id,
  IsoDateTime,
  Isbt128ProductCode,
  Name,
  StringEnum,
  Text,
} from './primitives';

export const PENDING_ITEM_STATUSES = ['pending', 'confirmed', 'rejected'] as const;

/**
 * An item scanned at receipt that the item master did not know. Receiving never waits for the
 * centre: stock is booked against this id and the centre confirms or maps it later.
 */
export const PendingItemSchema = Type.Object(
  {
    id: Id('Pending item identifier, used as the item id of the stock booked against it'),
    facilityId: FacilityId,
    gtin: Type.Optional(Gtin14),
    hibccCode: Type.Optional(HibccProductCode),
    isbt128Code: Type.Optional(Isbt128ProductCode),
    description: Name('What the receiver saw on the package'),
    capturedBy: Id('User who captured it'),
    capturedAt: IsoDateTime(),
    scan: Type.Optional(Text(300, 'Raw barcode text')),
    status: StringEnum(PENDING_ITEM_STATUSES),
    confirmedItemId: Type.Optional(Id('Item it was mapped to by the centre')),
  },
  { additionalProperties: false },
);
export type PendingItem = Type.Static<typeof PendingItemSchema>;
