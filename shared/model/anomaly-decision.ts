import Type from 'typebox';
import { FacilityId, Id, IsoDate, IsoDateTime, SafeName, SafeText, StringEnum } from './primitives';

export const ANOMALY_DECISIONS = ['confirmed', 'dismissed'] as const;
export type AnomalyDecisionOutcome = (typeof ANOMALY_DECISIONS)[number];

/** The deviceId and decidedBy of a decision made in the console rather than on a stockroom PC. */
export const CENTRE_DECISION_DEVICE = 'centre';

/** The longest note a person writes on a decision. */
export const ANOMALY_NOTE_MAX = 500;

/**
 * A person's decision on one usage anomaly flag (shared/indicators/usage-anomaly.ts), made on a
 * stockroom PC: confirmed (the usage was real trouble: theft, waste, a wrong scan) or dismissed
 * (explained: an outbreak, a stock move), always with a note. Written once per flag: its id is the
 * flag's id (shared/indicators/anomaly-flags.ts), so two PCs cannot both decide the same flag.
 * It carries what the flag said, so the record reads on its own in the audit and the console.
 */
export const AnomalyDecisionSchema = Type.Object(
  {
    id: SafeName({ minLength: 1, maxLength: 400, description: 'The flag id it decides' }),
    facilityId: FacilityId,
    deviceId: Id('PC it was decided on'),
    kind: StringEnum(['item-location', 'person'] as const),
    date: IsoDate('The day of the unusual usage'),
    itemId: Id('Item identifier'),
    locationId: Id('Location identifier'),
    actorId: Type.Optional(Id('Whose removals, for a person flag')),
    explanation: SafeText({ minLength: 1, maxLength: 600, description: 'The flag in words' }),
    decision: StringEnum(ANOMALY_DECISIONS),
    note: SafeText({
      minLength: 1,
      maxLength: ANOMALY_NOTE_MAX,
      description: 'Why: required, never blank',
    }),
    decidedBy: Id('Who decided'),
    decidedAt: IsoDateTime('Device time of the decision'),
    centre: Type.Optional(
      Type.Object(
        {
          username: SafeName({ minLength: 1, maxLength: 64, description: 'The console user' }),
          name: SafeName({ minLength: 1, maxLength: 200, description: 'Their display name' }),
        },
        {
          additionalProperties: false,
          description:
            'Present only when a central buyer or admin decided it in the console (deviceId and decidedBy are then "centre")',
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type AnomalyDecision = Type.Static<typeof AnomalyDecisionSchema>;
