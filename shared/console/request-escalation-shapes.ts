import Type, { type Static } from 'typebox';
import { SafeText, StringEnum } from '../model/primitives';
import { ESCALATION_REASON } from './reason-rules';

/** Bound of a reason for escalating by hand, once trimmed. */
export const ESCALATION_REASON_MAX = ESCALATION_REASON.max;

/**
 * A request's ERP rung as the centre recorded it: by the clock (no one, no reason) or by a
 * buyer's hand. Declared once: the endpoint validates and documents with it, the console reads it.
 */
export const ErpEscalationSchema = Type.Object({
  clock: StringEnum(['acknowledge', 'deliver'] as const),
  at: Type.String({ description: 'When the rung was recorded (ISO instant)' }),
  by: Type.Union([Type.String(), Type.Null()], {
    description: '`console:<user>` who escalated it by hand; null when the clock did',
  }),
  reason: Type.Union([Type.String(), Type.Null()], {
    description: 'Why, in the buyer’s words; null when the clock did',
  }),
});
export type ErpEscalation = Static<typeof ErpEscalationSchema>;

export const EscalateRequestBody = Type.Object(
  {
    reason: SafeText({
      maxLength: ESCALATION_REASON_MAX,
      description: 'Why the ERP must act now (required; blank is refused)',
    }),
  },
  { additionalProperties: false },
);

/** The ERP rung a buyer took, as the route answers it. */
export const HandEscalationSchema = Type.Object({
  requestId: Type.String(),
  rung: Type.Literal('erp'),
  manual: Type.Literal(true),
  clock: ErpEscalationSchema.properties.clock,
  at: ErpEscalationSchema.properties.at,
  by: Type.String({ description: '`console:<user>`' }),
  reason: Type.String(),
});
export type HandEscalation = Static<typeof HandEscalationSchema>;

/** A refused escalation: REQUEST_ALREADY_ESCALATED carries the rung already taken. */
export const EscalationRefusedSchema = Type.Object({
  code: Type.String(),
  message: Type.String({ description: 'The refusal in words; times in it are UTC' }),
  escalation: Type.Optional(ErpEscalationSchema),
});
