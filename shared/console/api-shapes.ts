import type { ApiKeyState } from './api-key-state';
import Type, { type Static } from 'typebox';
import { SafeName } from '../model/primitives';
import { CONSOLE_CSRF_HEADER } from './session-protocol';
import { CONSOLE_PASSWORD_MAX, CONSOLE_PASSWORD_MIN } from './sign-in-lockout';

/**
 * The console's own answers, declared once: the endpoint validates and documents its routes with
 * them, and the console (which never imports the endpoint) reads its types from here.
 */
export const ConsoleRoleSchema = Type.Union([
  Type.Literal('admin'),
  Type.Literal('buyer'),
  Type.Literal('analyst'),
]);

export const ConsoleUserSchema = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  role: ConsoleRoleSchema,
  createdAt: Type.String(),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
});
export type ConsoleUserView = Static<typeof ConsoleUserSchema>;

export const SignInBody = Type.Object(
  {
    username: SafeName({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: CONSOLE_PASSWORD_MAX }),
  },
  { additionalProperties: false },
);

export const NewConsoleUserBody = Type.Object(
  {
    username: SafeName({ minLength: 2, maxLength: 64 }),
    displayName: Type.Optional(SafeName({ minLength: 1, maxLength: 200 })),
    role: ConsoleRoleSchema,
    password: Type.Optional(
      Type.String({ minLength: CONSOLE_PASSWORD_MIN, maxLength: CONSOLE_PASSWORD_MAX }),
    ),
  },
  { additionalProperties: false },
);

export const SessionAnswerSchema = Type.Object({
  user: Type.Object({
    username: Type.String(),
    displayName: Type.String(),
    role: ConsoleRoleSchema,
  }),
  csrfToken: Type.String({ description: `Send it as ${CONSOLE_CSRF_HEADER} on every write` }),
  expiresAt: Type.String(),
});
export type SessionAnswer = Static<typeof SessionAnswerSchema>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** One stockroom PC as the centre sees it (GET /v1/admin/pcs). */
export const PcHealthSchema = Type.Object({
  deviceId: Type.String(),
  facilityId: Type.String(),
  name: Type.String(),
  enrolledAt: Type.String({ description: 'When its token was issued: the token’s age' }),
  tokenExpiresAt: Type.String(),
  revokedAt: Nullable(Type.String()),
  lastContactAt: Nullable(Type.String()),
  lastPushAcceptedAt: Nullable(
    Type.String({ description: 'The last push the centre accepted (audit log)' }),
  ),
  refusedPushes: Type.Integer({ description: 'Pushes the centre refused (audit log)' }),
  lastSeq: Type.Integer({ description: 'Highest per-device event sequence received' }),
  received: Type.Integer(),
  gaps: Type.Array(Type.Object({ from: Type.Integer(), to: Type.Integer() })),
  appVersion: Nullable(Type.String({ description: 'The app version the PC last reported' })),
  documentsWaiting: Nullable(
    Type.Integer({
      description: 'Documents on the PC not yet acknowledged by the centre, as it last reported',
    }),
  ),
  reportedAt: Nullable(Type.String({ description: 'When the PC last reported the two above' })),
});
export type PcHealth = Static<typeof PcHealthSchema>;

export const AuditSearchQuery = Type.Object({
  who: Type.Optional(SafeName({ maxLength: 200, description: 'Part of the actor id' })),
  what: Type.Optional(SafeName({ maxLength: 200, description: 'Part of the action' })),
  since: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
  until: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
  facility: Type.Optional(SafeName({ maxLength: 64 })),
  device: Type.Optional(SafeName({ maxLength: 200 })),
  address: Type.Optional(SafeName({ maxLength: 64, description: 'Start of the IP address' })),
  outcome: Type.Optional(
    Type.Union([
      Type.Literal('accepted'),
      Type.Literal('refused'),
      Type.Literal('failed'),
      Type.Literal('alarm'),
    ]),
  ),
  before: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      description: 'Cursor: older than this id',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export type AuditSearch = Static<typeof AuditSearchQuery>;

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorType: Type.String(),
  actorId: Type.String(),
  ip: Nullable(Type.String()),
  action: Type.String(),
  target: Nullable(Type.String()),
  outcome: Type.String(),
  status: Nullable(Type.Integer()),
  detail: Nullable(Type.Record(Type.String(), Type.Unknown())),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;

/** An API key as the admin API lists it: never its secret. */
export interface ApiKeyView {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  rotatedAt: string | null;
  state: ApiKeyState;
}

/** A webhook endpoint as the admin and ERP APIs list it: never its secret. */
export interface WebhookView {
  id: string;
  url: string;
  eventTypes: string[];
  ownerKey: { id: string; name: string | null } | null;
  state: 'active' | 'paused' | 'disabled';
  createdAt: string;
  pausedAt: string | null;
  disabledAt: string | null;
  disabledReason: string | null;
  secretRotatedAt: string | null;
  previousSecretExpiresAt: string | null;
  needsRekey: boolean;
  warning: string | null;
  pending: number;
  dead: number;
}
