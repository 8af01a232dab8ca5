import Type from 'typebox';
import { FacilityId, Id, IsoDateTime, StringEnum, Text } from './primitives';
import { DISPOSITIONS } from './stock-event';

/** The auditor's workflow for one notice at one facility, in order. */
export const RECALL_CASE_STEPS = [
  'received',
  'matched',
  'located',
  'quarantined',
  'counted',
  'acknowledged',
  'disposed',
  'closed',
] as const;
export type RecallCaseStep = (typeof RECALL_CASE_STEPS)[number];

export const RecallCaseEntrySchema = Type.Object(
  {
    step: StringEnum(RECALL_CASE_STEPS),
    at: IsoDateTime(),
    by: Id('User who did the step'),
    note: Type.Optional(Text(1000, 'What was done')),
    units: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 10_000_000,
        description: 'Units the step concerned: matched, quarantined, counted or disposed',
      }),
    ),
  },
  { additionalProperties: false },
);
export type RecallCaseEntry = Type.Static<typeof RecallCaseEntrySchema>;

/** A facility's handling of one recall notice: owned by the facility, read by the centre. */
export const RecallCaseSchema = Type.Object(
  {
    id: Id('Recall case identifier'),
    facilityId: FacilityId,
    noticeId: Id('Recall notice'),
    step: StringEnum(RECALL_CASE_STEPS, 'Furthest step reached'),
    history: Type.Array(RecallCaseEntrySchema, { maxItems: 200 }),
    disposition: Type.Optional(StringEnum(DISPOSITIONS)),
    quarantinedUnits: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
  },
  { additionalProperties: false },
);
export type RecallCase = Type.Static<typeof RecallCaseSchema>;
