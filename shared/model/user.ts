import Type from 'typebox';
import { FacilityId, Id, Name, StringEnum, SafeName } from './primitives';
import { ROLES } from './roles';

/**
 * A named person who signs in on a stockroom PC (no shared logins). Centre-owned. The badge and PIN
 * are stored as salted hashes; `name` and `email` identify a person and are encrypted at rest.
 */
export const UserSchema = Type.Object(
  {
    id: Id('User identifier'),
    name: Name('Full name'),
    email: Type.Optional(SafeName({ maxLength: 200, description: 'Work e-mail' })),
    role: StringEnum(ROLES),
    facilityIds: Type.Array(FacilityId, { minItems: 1, maxItems: 100 }),
    badgeHash: SafeName({
      minLength: 16,
      maxLength: 200,
      description: 'Salted hash of the badge code',
    }),
    pinHash: Type.String({
      minLength: 16,
      maxLength: 200,
      description:
        'Salted hash of the PIN (at least 6 digits): argon2id$v=19,m=<KiB>,t=<passes>,p=<lanes>$<base64>',
    }),
    salt: Type.String({ minLength: 8, maxLength: 100, description: 'Salt for both hashes' }),
    active: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type User = Type.Static<typeof UserSchema>;

/** Fields that identify a person, encrypted in the local store. */
export const USER_PERSONAL_FIELDS = ['name', 'email'] as const;
/**
 * Verifier fields: the PC needs them to check a badge or PIN offline, so they replicate to the PCs
 * of the user's facilities, but never rest there in plain form, and the centre never sends them
 * to the ERP (webhooks, feeds).
 */
export const USER_VERIFIER_FIELDS = ['badgeHash', 'pinHash', 'salt'] as const;
export const USER_ENCRYPTED_FIELDS = [...USER_PERSONAL_FIELDS, ...USER_VERIFIER_FIELDS] as const;
