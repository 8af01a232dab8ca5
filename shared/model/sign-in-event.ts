import Type from 'typebox';
import { FacilityId, Id, IsoDateTime, StringEnum } from './primitives';

/**
 * `user-inactive` and `not-at-facility`: the badge or PIN was right, but the person's account is
 * switched off or not set up for this stockroom. A left employee's badge, or one carried to another
 * site, is exactly what the audit must show.
 */
export const SIGN_IN_OUTCOMES = [
  'signed-in',
  'pin-wrong',
  'locked-out',
  'badge-unknown',
  'user-inactive',
  'not-at-facility',
] as const;
export type SignInOutcome = (typeof SIGN_IN_OUTCOMES)[number];
export const SIGN_IN_METHODS = ['badge', 'pin', 'step-up'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/**
 * One sign-in attempt on a stockroom PC, written by the PC and pushed to the centre, which copies
 * it into its audit log. Append-only, like stock events. It never holds what was typed or scanned.
 */
export const SignInEventSchema = Type.Object(
  {
    id: Id('Attempt identifier'),
    facilityId: FacilityId,
    deviceId: Id('PC where it happened'),
    userId: Type.Optional(Id('Who it was for, when known')),
    method: StringEnum(SIGN_IN_METHODS),
    outcome: StringEnum(SIGN_IN_OUTCOMES),
    lockedUntil: Type.Optional(IsoDateTime('End of the lockout it started')),
    occurredAt: IsoDateTime('Device time it happened'),
  },
  { additionalProperties: false },
);
export type SignInEvent = Type.Static<typeof SignInEventSchema>;
