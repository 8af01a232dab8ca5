import Type from 'typebox';
import { FacilityId, Id, Name, StringEnum, SafeName } from './primitives';

export const LOCATION_KINDS = ['stockroom', 'shelf', 'department', 'quarantine', 'dock'] as const;

/** A place stock can be: a stockroom shelf, a quarantine cage, or a department stock is issued to. */
export const LocationSchema = Type.Object(
  {
    id: Id('Location identifier'),
    facilityId: FacilityId,
    name: Name('Location name, e.g. "Stockroom A · Shelf 3"'),
    kind: StringEnum(LOCATION_KINDS),
    parentId: Type.Optional(Id('Enclosing location')),
    barcode: Type.Optional(SafeName({ maxLength: 60, description: 'Shelf or bin label text' })),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type Location = Type.Static<typeof LocationSchema>;
