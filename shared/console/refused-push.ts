/**
 * Why the centre refused a PC's push, by the refusal's code, in words for a buyer at the console
 * and not for the tech at the PC: the PC already told its user what to do there (sign in again,
 * ask a supervisor). A buyer learns what happened and whom to turn to.
 */
const REFUSAL_WORDS: readonly { codes: readonly string[]; why: string; todo: string }[] = [
  {
    codes: ['USER_UNKNOWN'],
    why: 'it names as its author a person the centre does not know',
    todo: "Ask the stockroom who recorded it; a person's account comes from the ERP, so if theirs is missing, ask the ERP team to add it.",
  },
  {
    codes: ['USER_INACTIVE'],
    why: 'it was recorded by a person whose account is switched off at the centre',
    todo: "Ask the stockroom's supervisor whether it should stand; if so, someone with an active account records it again on the PC.",
  },
  {
    codes: ['USER_NOT_AT_FACILITY'],
    why: 'it was recorded by a person who is not set up for this facility',
    todo: "If they now work there, ask the ERP team to add the facility to their account; otherwise ask the stockroom's supervisor to have it recorded again by someone who is.",
  },
  {
    codes: [
      'ROLE_NOT_PERMITTED',
      'NOT_PERMITTED',
      'SEGREGATION_OF_DUTIES',
      'SECOND_PERSON_REQUIRED',
      'SECOND_PERSON_SAME',
      'SECOND_PERSON_NOT_PERMITTED',
      'SELF_APPROVAL',
      'APPROVER_REQUIRED',
      'APPROVER_NOT_PERMITTED',
    ],
    why: 'the person who recorded it may not do it alone (their role does not allow it, or it needs a second person who did not confirm it)',
    todo: "Ask the stockroom's supervisor whether it should stand; if so, they have it recorded again on the PC by someone who may.",
  },
  {
    codes: ['CENTRE_ONLY', 'REQUEST_STATUS_NOT_THE_STOCKROOMS'],
    why: 'it is a step only the centre takes',
    todo: 'If the step is needed, take it here in the console or in the ERP, and tell the stockroom it is done.',
  },
  {
    codes: [
      'DEVICE_MISMATCH',
      'FACILITY_MISMATCH',
      'DELETE_NOT_PERMITTED',
      'REQUEST_STATUS_BACKWARDS',
      'DOCUMENT_INVALID',
    ],
    why: 'the PC sent something a working stockroom PC never sends',
    todo: 'The PC may be faulty or tampered with: call support, and tell the stockroom to record nothing more on it until support has looked.',
  },
];

const OTHER_REFUSAL = {
  why: "it breaks one of the centre's rules for such a record",
  todo: "Ask the stockroom's supervisor to look at it among the PC's sync problems and, if it should stand, record it again correctly.",
};

/**
 * A refused push as the console's queue says it, to a buyer: which PC, what was refused and why
 * in their words, what that means (nothing of it reached the centre) and what they can do. The
 * refusal's full text, as the PC's user read it, is in the audit log under the PC's device id.
 */
export function refusedPushSummary(input: {
  /** The PC as a buyer knows it: the name it was enrolled under. */
  pc: string;
  /** The facility by name beside its id. */
  facility: string;
  /** What was refused, e.g. "stock event EVT-1", or undefined when the refusal named nothing. */
  what: string | undefined;
  code: string | undefined;
  deviceId: string;
}): string {
  const words = REFUSAL_WORDS.find((w) => input.code !== undefined && w.codes.includes(input.code));
  const { why, todo } = words ?? OTHER_REFUSAL;
  const what = input.what ?? 'a push';
  return `${input.pc} at ${input.facility}: the centre refused ${what} because ${why}. It did not reach the centre: it stays on that PC, set aside, and is not sent again. ${todo} The audit log has the refusal in full (device ${input.deviceId}, outcome refused).`;
}
