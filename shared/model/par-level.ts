import Type from 'typebox';
import { FacilityId, Id, StringEnum } from './primitives';

export const PAR_METHODS = ['par', 'min-max', 'two-bin'] as const;
export type ParMethod = (typeof PAR_METHODS)[number];

const Units = (description: string) =>
  Type.Integer({ minimum: 0, maximum: 1_000_000, description });

/** How one item is kept stocked at one location; owned by the centre. */
export const ParLevelSchema = Type.Object(
  {
    id: Id('Par level identifier'),
    facilityId: FacilityId,
    locationId: Id('Location the par applies to'),
    itemId: Id('Item identifier'),
    method: StringEnum(PAR_METHODS),
    par: Type.Optional(Units('Order-up-to level (par method)')),
    reorderPoint: Type.Optional(Units('Order when available + on order ≤ this; defaults to par')),
    min: Type.Optional(Units('Order when available ≤ min (min-max method)')),
    max: Type.Optional(Units('Order up to this (min-max method)')),
    binQuantity: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1_000_000,
        description: 'Units in one bin (two-bin method)',
      }),
    ),
    reviewDays: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 365, description: 'Days between replenishments' }),
    ),
    leadTimeDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  },
  { additionalProperties: false },
);
export type ParLevel = Type.Static<typeof ParLevelSchema>;
