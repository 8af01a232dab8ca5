import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { AdminAuthenticator } from './auth/admin-auth';
import type { RefusalCounter } from './audit/refusal-counter';
import type { DeviceTokenPolicy } from './auth/device-token-policy';
import type { SyncDatabase } from './db/connect';
import type { ChangeHub } from './stream/change-hub';
import type { WebhookSettings } from './webhooks/settings';

export interface SyncContext {
  database: SyncDatabase;
  changes: ChangeHub;
  /** Open live streams, ended when the server drains. */
  streams: Set<() => void>;
  /** Who may use /v1/admin: console sessions, then the admin credential (if any). */
  adminAuth?: AdminAuthenticator | undefined;
  /** The key that seals webhook secrets and where webhooks may go. */
  webhooks: WebhookSettings;
  /** Device tokens' life and renewal. */
  deviceTokens: DeviceTokenPolicy;
  /** Anonymous refusals, counted per source and minute for the audit log. */
  refusals?: RefusalCounter;
}

export type SyncApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
