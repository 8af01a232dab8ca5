import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { SyncDatabase } from './db/connect';
import type { ChangeHub } from './stream/change-hub';

export interface SyncContext {
  database: SyncDatabase;
  changes: ChangeHub;
  /** Open live streams, ended when the server drains. */
  streams: Set<() => void>;
}

export type SyncApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
