import Type from 'typebox';
import { FacilityId, Id, IsoDate, IsoDateTime, LotCode, Serial, StringEnum } from './primitives';

export const RELABEL_REASONS = ['missing', 'unreadable', 'repackaged'] as const;
export type RelabelReason = (typeof RELABEL_REASONS)[number];
/** Where the label went: the print dialog, a ZPL file, or a Zebra printer on the network. */
export const LABEL_OUTPUTS = ['print-dialog', 'zpl-file', 'zpl-network'] as const;
export type LabelOutput = (typeof LABEL_OUTPUTS)[number];

/**
 * One replacement label printed on a stockroom PC. Append-only and pushed to the centre, so every
 * label that can put a lot and expiry on a unit is accounted for.
 */
export const LabelPrintSchema = Type.Object(
  {
    id: Id('Print identifier'),
    facilityId: FacilityId,
    deviceId: Id('PC that printed it'),
    actorId: Id('Who printed it'),
    itemId: Id('Item identifier'),
    gtin: Type.String({ pattern: '^\\d{14}$', minLength: 14, maxLength: 14 }),
    lotCode: LotCode,
    expiry: Type.Optional(IsoDate('Expiry on the label')),
    serial: Type.Optional(Serial),
    symbology: StringEnum(['gs1-128', 'gs1-datamatrix'] as const),
    output: StringEnum(LABEL_OUTPUTS),
    /** host:port of the Zebra printer, for `zpl-network`. */
    printer: Type.Optional(Type.String({ maxLength: 260, pattern: '^[A-Za-z0-9.:\\[\\]-]+$' })),
    copies: Type.Integer({ minimum: 1, maximum: 99 }),
    reason: StringEnum(RELABEL_REASONS),
    occurredAt: IsoDateTime('Device time it was printed'),
  },
  { additionalProperties: false },
);
export type LabelPrint = Type.Static<typeof LabelPrintSchema>;
