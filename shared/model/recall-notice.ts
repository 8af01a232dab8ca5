import Type from 'typebox';
import {
  Gtin14,
  HibccProductCode,
  Id,
  IsoDate,
  IsoDateTime,
  LotCode,
  Name,
  Serial,
  StringEnum,
  Text,
  SafeName,
} from './primitives';

export const RECALL_CLASSES = ['I', 'II', 'III'] as const;
export type RecallClass = (typeof RECALL_CLASSES)[number];
export const RECALL_NOTICE_STATUSES = ['open', 'terminated'] as const;

/** An inclusive range of lot codes, compared as printed (same length, ordinal order). */
export const LotRangeSchema = Type.Object(
  { from: LotCode, to: LotCode },
  { additionalProperties: false },
);
export type LotRange = Type.Static<typeof LotRangeSchema>;

/**
 * A recall notice from the manufacturer or the FDA, pushed by the ERP; global, read-only in the
 * stockroom. The product is named by any of GTINs, HIBCC codes, item ids or catalogue numbers; the
 * affected units by lots, lot ranges, serials or an expiry window, or every lot.
 */
export const RecallNoticeSchema = Type.Object(
  {
    id: Id('Recall notice identifier'),
    number: SafeName({
      minLength: 1,
      maxLength: 60,
      description: 'Recall number, e.g. Z-1234-2026',
    }),
    title: Name('What is recalled and why, in one line'),
    class: StringEnum(RECALL_CLASSES, 'FDA recall class'),
    source: SafeName({ minLength: 1, maxLength: 200, description: 'Who issued it' }),
    issuedAt: IsoDateTime('When the source issued it'),
    effectiveAt: IsoDateTime('From when issuing an affected unit counts as issuing a recalled one'),
    status: StringEnum(RECALL_NOTICE_STATUSES),
    gtins: Type.Array(Gtin14, { maxItems: 100 }),
    hibccCodes: Type.Array(HibccProductCode, { maxItems: 100 }),
    itemIds: Type.Array(Id(), { maxItems: 100 }),
    catalogNumbers: Type.Array(SafeName({ minLength: 1, maxLength: 40 }), { maxItems: 100 }),
    allLots: Type.Boolean({ description: 'Every lot of the product is affected' }),
    lotCodes: Type.Array(LotCode, { maxItems: 10_000 }),
    lotRanges: Type.Array(LotRangeSchema, { maxItems: 100 }),
    serials: Type.Array(Serial, { maxItems: 10_000 }),
    expiryFrom: Type.Optional(IsoDate('Affected units expire on or after this date')),
    expiryTo: Type.Optional(IsoDate('Affected units expire on or before this date')),
    instructions: Text(4000, 'What the stockroom must do'),
  },
  { additionalProperties: false },
);
export type RecallNotice = Type.Static<typeof RecallNoticeSchema>;
