import Type from 'typebox';
import {
  Gtin14,
  HibccProductCode,
  Id,
  Isbt128ProductCode,
  Name,
  StringEnum,
  Text,
} from './primitives';

export const ITEM_UNITS = ['each', 'box', 'case', 'pack', 'pair', 'roll', 'bottle', 'kit'] as const;
export const ITEM_STATUSES = ['active', 'inactive'] as const;

/** Central item master: owned by the centre, read-only in the stockroom. */
export const ItemSchema = Type.Object(
  {
    id: Id('Item identifier (the ERP item number)'),
    name: Name('Item name as shown to stockroom staff'),
    description: Type.Optional(Text(1000, 'Longer description')),
    gtins: Type.Array(Gtin14, {
      maxItems: 20,
      description: 'Every GTIN that identifies this item, any packaging level',
    }),
    hibccCodes: Type.Array(HibccProductCode, { maxItems: 20 }),
    // Optional so that items written before ISBT 128 was read stay valid as they are.
    isbt128Codes: Type.Optional(Type.Array(Isbt128ProductCode, { maxItems: 20 })),
    catalogNumber: Type.Optional(Text(40, "Manufacturer's catalogue number")),
    manufacturer: Type.Optional(Text(200, 'Manufacturer')),
    unit: StringEnum(ITEM_UNITS, 'Unit that stock quantities count in'),
    orderMultiple: Type.Integer({
      minimum: 1,
      maximum: 100_000,
      description: 'Order pack multiple',
    }),
    unitCost: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1e9, description: 'Cost per unit, facility currency' }),
    ),
    lotTracked: Type.Boolean({ description: 'Lot must be captured on receipt' }),
    serialTracked: Type.Boolean(),
    status: StringEnum(ITEM_STATUSES),
  },
  { additionalProperties: false },
);
export type Item = Type.Static<typeof ItemSchema>;
