import { can, type Role } from '../model';
import { ACT_RULES, rolesFor, secondPersonRolesFor, type Act } from './acts';

/**
 * The decisions of the permission model, as pure functions: errors are values with a stable code
 * and a message for the person at the screen (or, at the centre, for whoever reads the refusal).
 */

export interface Person {
  id: string;
  role: Role;
}

/** What both ends know of a user: the PC from its local users, the centre from its database. */
export interface KnownUser extends Person {
  name?: string;
  active: boolean;
  facilityIds: readonly string[];
}

export type PermissionErrorCode =
  | 'USER_UNKNOWN'
  | 'USER_INACTIVE'
  | 'USER_NOT_AT_FACILITY'
  | 'ROLE_NOT_PERMITTED'
  | 'CENTRE_ONLY'
  | 'SECOND_PERSON_REQUIRED'
  | 'SECOND_PERSON_SAME'
  | 'SECOND_PERSON_NOT_PERMITTED'
  | 'SEGREGATION_OF_DUTIES';

export interface PermissionError {
  code: PermissionErrorCode;
  message: string;
}

export type PermissionResult = { ok: true } | { ok: false; error: PermissionError };
export type PersonResult = { ok: true; person: Person } | { ok: false; error: PermissionError };

const refuse = (code: PermissionErrorCode, message: string) =>
  ({ ok: false, error: { code, message } }) as const;

const roleNames = (roles: readonly Role[]): string => {
  const words = roles.map((r) => (r === 'nurse-manager' ? 'nurse manager' : r));
  return words.length <= 1
    ? (words[0] ?? 'nobody')
    : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
};

/**
 * Whether the user named by `id` is someone who may act at `facilityId` at all: known, switched
 * on, and set up for that stockroom. `who` says which person this is, for the message.
 */
export function checkMember(
  id: string,
  user: KnownUser | undefined,
  facilityId: string,
  who: 'actor' | 'second person' = 'actor',
): PersonResult {
  const label = who === 'actor' ? 'The person recording this' : 'The second person';
  if (!user || user.id !== id) {
    return refuse(
      'USER_UNKNOWN',
      `${label} ("${id}") is not a known user. Sign in with your own badge and PIN, then try again.`,
    );
  }
  const name = user.name ?? user.id;
  if (!user.active) {
    return refuse('USER_INACTIVE', `${name}'s account is switched off. Ask a supervisor.`);
  }
  if (!user.facilityIds.includes(facilityId)) {
    return refuse(
      'USER_NOT_AT_FACILITY',
      `${name} is not set up for this stockroom. Ask an administrator.`,
    );
  }
  return { ok: true, person: { id: user.id, role: user.role } };
}

export interface ActRequest {
  actor: Person;
  /** The verified second person, when one confirmed the act. */
  second?: Person;
  /** Whether this act, with its quantities, needs a second person (see secondPersonNeeded). */
  needsSecond?: boolean;
  /** Who took earlier acts on the same subject (recall case, lot, request), for segregation. */
  earlier?: readonly { act: Act; by: string }[];
}

/** May this person take this act, with this second person? */
export function authorize(act: Act, request: ActRequest): PermissionResult {
  const rule = ACT_RULES[act];
  const { actor, second } = request;
  if (rule.permission === undefined) {
    return refuse(
      'CENTRE_ONLY',
      `Only the centre can ${rule.words}. A stockroom cannot do it; ask the central supply team.`,
    );
  }
  if (!can(actor.role, rule.permission)) {
    return refuse(
      'ROLE_NOT_PERMITTED',
      `Your role (${roleNames([actor.role])}) cannot ${rule.words}. Ask a ${roleNames(rolesFor(act))} to sign in and do it.`,
    );
  }
  const earlier = request.earlier?.find(
    (e) => rule.notBy?.includes(e.act) === true && e.by === actor.id,
  );
  if (earlier) {
    return refuse(
      'SEGREGATION_OF_DUTIES',
      `You did the step before ("${ACT_RULES[earlier.act].words}"), so another person must ${rule.words}. Ask a second ${roleNames(rolesFor(act))} to sign in and do it.`,
    );
  }
  if (rule.secondPerson && request.needsSecond) {
    const roles = roleNames(secondPersonRolesFor(act));
    if (!second) {
      return refuse(
        'SECOND_PERSON_REQUIRED',
        `This change is outside the count tolerance: a ${roles} other than you must confirm it with their badge and PIN.`,
      );
    }
    if (second.id === actor.id) {
      return refuse(
        'SECOND_PERSON_SAME',
        `You cannot confirm your own change. Ask a ${roles} to confirm it with their own badge and PIN.`,
      );
    }
    if (!can(second.role, rule.secondPerson.permission)) {
      return refuse(
        'SECOND_PERSON_NOT_PERMITTED',
        `A ${roleNames([second.role])} cannot confirm this change. Ask a ${roles} to confirm it with their badge and PIN.`,
      );
    }
  }
  return { ok: true };
}
