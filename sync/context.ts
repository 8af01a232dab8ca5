import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { AdminAuthenticator } from './auth/admin-auth';
import type { SyncDatabase } from './db/connect';
import type { ChangeHub } from './stream/change-hub';

export interface SyncContext {
  database: SyncDatabase;
  changes: ChangeHub;
  /** Open live streams, ended when the server drains. */
  streams: Set<() => void>;
  /** Who may use /v1/admin; absent, the admin API refuses everyone. */
  adminAuth?: AdminAuthenticator | undefined;
}

export type SyncApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
