import Type from 'typebox';
import { Id, IsoDate, LotCode } from './primitives';

/**
 * A lot is (item, lot code). It is not a stored document of its own: it travels inside stock events
 * and recall notices, and the ledger fold rebuilds what is known of each lot.
 */
export const LotRefSchema = Type.Object(
  {
    itemId: Id('Item identifier'),
    lotCode: LotCode,
    expiry: Type.Optional(IsoDate('Expiry date from the label')),
  },
  { additionalProperties: false },
);
export type LotRef = Type.Static<typeof LotRefSchema>;

/** Lot codes compare exactly as printed after trimming: never case-folded, never zero-stripped. */
export function normaliseLotCode(lotCode: string): string {
  return lotCode.trim();
}

export function lotKey(itemId: string, lotCode: string): string {
  return `${itemId}\u0000${normaliseLotCode(lotCode)}`;
}
