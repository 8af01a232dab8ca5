import type { TSchema } from 'typebox';
import { DeliverySchema } from './delivery';
import { ItemSchema } from './item';
import { LabelPrintSchema } from './label-print';
import { LocationSchema } from './location';
import { ParLevelSchema } from './par-level';
import { PendingItemSchema } from './pending-item';
import { RecallCaseSchema } from './recall-case';
import { RecallNoticeSchema } from './recall-notice';
import { SignInEventSchema } from './sign-in-event';
import { StockEventSchema } from './stock-event';
import { SupplyRequestSchema } from './supply-request';
import { USER_ENCRYPTED_FIELDS, UserSchema } from './user';

/**
 * Who may see a document: everyone (item master, recalls), one facility (`facilityId`), or every
 * facility a user works at (`facilityIds`).
 */
export type CollectionScope = 'global' | 'facility' | 'facility-members';
/** Which side writes it: the centre (read-only in stockrooms), the facility, or both (merged). */
export type CollectionOwner = 'centre' | 'facility' | 'shared';

export interface CollectionDefinition<S extends TSchema = TSchema> {
  readonly name: string;
  readonly title: string;
  readonly schema: S;
  /** RxDB schema version; bump with a migration strategy when the shape changes. */
  readonly version: number;
  readonly indexes: readonly (string | readonly string[])[];
  readonly scope: CollectionScope;
  readonly owner: CollectionOwner;
  /** Immutable documents are insert-once: a second write with other content is an integrity alarm. */
  readonly immutable: boolean;
  readonly encrypted: readonly string[];
  /** Goes up to the centre only; PCs never pull it back (an audit trail, not working data). */
  readonly uploadOnly?: boolean;
}

function define<S extends TSchema>(definition: CollectionDefinition<S>): CollectionDefinition<S> {
  return definition;
}

export const COLLECTIONS = {
  items: define({
    name: 'items',
    title: 'Item master',
    schema: ItemSchema,
    // 1: optional isbt128Codes (no document changes: see renderer/store/migrations.ts).
    version: 1,
    indexes: ['status'],
    scope: 'global',
    owner: 'centre',
    immutable: false,
    encrypted: [],
  }),
  locations: define({
    name: 'locations',
    title: 'Locations',
    schema: LocationSchema,
    version: 0,
    indexes: ['facilityId'],
    scope: 'facility',
    owner: 'centre',
    immutable: false,
    encrypted: [],
  }),
  par_levels: define({
    name: 'par_levels',
    title: 'Par levels',
    schema: ParLevelSchema,
    version: 0,
    indexes: [['locationId', 'itemId'], 'itemId'],
    scope: 'facility',
    owner: 'centre',
    immutable: false,
    encrypted: [],
  }),
  recall_notices: define({
    name: 'recall_notices',
    title: 'Recall notices',
    schema: RecallNoticeSchema,
    version: 0,
    indexes: ['status'],
    scope: 'global',
    owner: 'centre',
    immutable: false,
    encrypted: [],
  }),
  recall_cases: define({
    name: 'recall_cases',
    title: 'Recall cases',
    schema: RecallCaseSchema,
    version: 0,
    indexes: ['noticeId'],
    scope: 'facility',
    owner: 'facility',
    immutable: false,
    encrypted: [],
  }),
  users: define({
    name: 'users',
    title: 'Users',
    schema: UserSchema,
    indexes: [],
    scope: 'facility-members',
    owner: 'centre',
    immutable: false,
    version: 1,
    encrypted: USER_ENCRYPTED_FIELDS,
  }),
  stock_events: define({
    name: 'stock_events',
    title: 'Stock events',
    schema: StockEventSchema,
    version: 0,
    indexes: [['itemId', 'lotCode'], 'locationId', ['deviceId', 'deviceSeq'], 'occurredAt'],
    scope: 'facility',
    owner: 'facility',
    immutable: true,
    encrypted: [],
  }),
  supply_requests: define({
    name: 'supply_requests',
    title: 'Supply requests',
    schema: SupplyRequestSchema,
    // Version 1 added acknowledged/picking, partial quantities and approval levels (all optional);
    // version 2 the optional substitutions.
    version: 2,
    indexes: ['status', 'createdAt'],
    scope: 'facility',
    owner: 'shared',
    immutable: false,
    encrypted: [],
  }),
  pending_items: define({
    name: 'pending_items',
    title: 'Pending items',
    schema: PendingItemSchema,
    // 1: optional isbt128Code (no document changes: see renderer/store/migrations.ts).
    version: 1,
    indexes: ['status'],
    scope: 'facility',
    owner: 'shared',
    immutable: false,
    encrypted: [],
  }),
  deliveries: define({
    name: 'deliveries',
    title: 'Expected deliveries',
    schema: DeliverySchema,
    // 1: optional closure, written by the stockroom (no document changes: renderer/store/migrations.ts).
    version: 1,
    indexes: ['status'],
    scope: 'facility',
    owner: 'shared',
    immutable: false,
    encrypted: [],
  }),
  sign_in_events: define({
    name: 'sign_in_events',
    title: 'Sign-in attempts',
    schema: SignInEventSchema,
    // 1: the outcomes user-inactive and not-at-facility (no document changes: renderer/store/migrations.ts).
    version: 1,
    indexes: [],
    scope: 'facility',
    owner: 'facility',
    immutable: true,
    encrypted: [],
    uploadOnly: true,
  }),
  label_prints: define({
    name: 'label_prints',
    title: 'Relabel prints',
    schema: LabelPrintSchema,
    version: 0,
    indexes: ['occurredAt'],
    scope: 'facility',
    owner: 'facility',
    immutable: true,
    encrypted: [],
    uploadOnly: true,
  }),
} as const;

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

export function isCollectionName(name: string): name is CollectionName {
  return Object.prototype.hasOwnProperty.call(COLLECTIONS, name);
}
