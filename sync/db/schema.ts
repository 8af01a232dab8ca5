import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface FacilitiesTable {
  id: string;
  name: string;
  created_at: CreatedAt;
}

export interface EnrollmentCodesTable {
  code_hash: string;
  facility_id: string;
  expires_at: Timestamp;
  created_at: CreatedAt;
  used_at: Timestamp | null;
  used_by_device: string | null;
}

export interface DevicesTable {
  id: string;
  facility_id: string;
  name: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  last_contact_at: Timestamp | null;
  /** When the current token was handed out (enrolment or the last renewal). */
  token_issued_at: CreatedAt;
  /** What the PC last reported of itself (shared/console/pc-report.ts); null until it does. */
  app_version: string | null;
  documents_waiting: number | null;
  reported_at: Timestamp | null;
}

/** Tokens replaced by a renewal, still accepted until `valid_until`. */
export interface DeviceTokenOverlapTable {
  token_hash: string;
  device_id: string;
  valid_until: Timestamp;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  key_hash: string;
  scopes: Json<string[]>;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
  expires_at: Timestamp | null;
  rotated_at: Timestamp | null;
}

/** Every replicated document of every collection; server-managed fields live beside `doc`. */
export interface DocumentsTable {
  collection: string;
  id: string;
  /** Facilities that may see it; null for global collections. */
  facilities: string[] | null;
  doc: Json<Record<string, unknown>>;
  deleted: boolean;
  seq: number;
  recorded_at: Timestamp;
  updated_at: Timestamp;
  written_by: string;
  event_device_id: string | null;
  event_device_seq: number | null;
}

export interface IntegrityAlarmsTable {
  id: Generated<number>;
  collection: string;
  doc_id: string;
  facility_id: string | null;
  device_id: string | null;
  stored_doc: Json<Record<string, unknown>>;
  received_doc: Json<Record<string, unknown>>;
  detected_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_type: string;
  actor_id: string;
  ip: string | null;
  action: string;
  target: string | null;
  outcome: string;
  status: number | null;
  detail: Json<Record<string, unknown>> | null;
}

export interface WebhookEndpointsTable {
  id: string;
  url: string;
  /** Plain text, only on endpoints registered before 005 and not yet sealed by a worker. */
  secret: string | null;
  event_types: Json<string[]>;
  created_at: CreatedAt;
  disabled_at: Timestamp | null;
  disabled_reason: string | null;
  secret_sealed: string | null;
  secret_key_id: string | null;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Timestamp | null;
  secret_rotated_at: Timestamp | null;
  /** The API key that registered it, whose read scopes bound it; null before 005. */
  owner_key_id: string | null;
  paused_at: Timestamp | null;
  needs_rekey: Generated<boolean>;
}

export interface OutboxTable {
  id: string;
  event_type: string;
  payload: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  outbox_id: string;
  endpoint_id: string;
  status: 'pending' | 'in-flight' | 'delivered' | 'dead' | 'gone';
  attempts: number;
  next_attempt_at: Timestamp;
  last_status: number | null;
  last_error: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ConsoleUsersTable {
  username: string;
  display_name: string;
  role: 'admin' | 'buyer' | 'analyst';
  password_hash: string;
  failed_count: ColumnType<number, number | undefined, number>;
  locked_until: Timestamp | null;
  created_at: CreatedAt;
  disabled_at: Timestamp | null;
}

export interface ConsoleSessionsTable {
  token_hash: string;
  username: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  ended_at: Timestamp | null;
  ip: string | null;
}

export interface ExceptionsTable {
  condition_id: string;
  kind: string;
  facility_id: string | null;
  summary: string;
  detected_at: Timestamp;
  state: 'owned' | 'resolved';
  owner: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ExceptionStepsTable {
  id: Generated<number>;
  condition_id: string;
  step: 'taken' | 'resolved';
  actor: string;
  at: CreatedAt;
  comment: string | null;
}

/** Where each API key last read the ERP events feed (its `after`), to show how far behind it is. */
export interface ApiKeyFeedPositionsTable {
  key_id: string;
  position: ColumnType<string, number, number>;
  read_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface Database {
  facilities: FacilitiesTable;
  enrollment_codes: EnrollmentCodesTable;
  devices: DevicesTable;
  device_token_overlap: DeviceTokenOverlapTable;
  api_keys: ApiKeysTable;
  documents: DocumentsTable;
  integrity_alarms: IntegrityAlarmsTable;
  audit_log: AuditLogTable;
  webhook_endpoints: WebhookEndpointsTable;
  outbox: OutboxTable;
  webhook_deliveries: WebhookDeliveriesTable;
  console_users: ConsoleUsersTable;
  console_sessions: ConsoleSessionsTable;
  exceptions: ExceptionsTable;
  exception_steps: ExceptionStepsTable;
  api_key_feed_positions: ApiKeyFeedPositionsTable;
  idempotency_keys: IdempotencyKeysTable;
  approval_policies: ApprovalPoliciesTable;
  request_escalations: RequestEscalationsTable;
  event_day_totals: EventDayTotalsTable;
  anomaly_decisions: AnomalyDecisionsTable;
  usage_day_totals: UsageDayTotalsTable;
  centre_stock_links: CentreStockLinksTable;
  centre_lot_members: CentreLotMembersTable;
  centre_balances: CentreBalancesTable;
  centre_dirty_lots: CentreDirtyLotsTable;
  centre_lot_days: CentreLotDaysTable;
  centre_stockout_days: CentreStockoutDaysTable;
  centre_stockout_state: CentreStockoutStateTable;
  centre_projections: CentreProjectionsTable;
}

/** Kept by the balances projection (sync/store/centre-balances.ts): each stock event's lot. */
export interface CentreStockLinksTable {
  event_id: string;
  facility_id: string;
  item_id: string;
  /** Normalised as the ledger keys lots (shared/model/lot.ts). */
  lot_code: string;
  reverses: string | null;
}

/** The events a lot's fold reads: its own and the reversals below them. */
export interface CentreLotMembersTable {
  facility_id: string;
  item_id: string;
  lot_code: string;
  event_id: string;
}

/** A lot's change in available units per location and day, reversals settled as of each day. */
export interface CentreLotDaysTable {
  facility_id: string;
  item_id: string;
  lot_code: string;
  location_id: string;
  /** Days since 1970-01-01 (UTC). */
  day: number;
  change: ColumnType<string | number, number, number>;
}

/** A facility's item-locations out of stock at the end of each kept day. */
export interface CentreStockoutDaysTable {
  facility_id: string;
  day: number;
  item_locations: number;
}

/** Which days of a facility's stockouts are kept, and from which day new events made them stale. */
export interface CentreStockoutStateTable {
  facility_id: string;
  kept_from: number | null;
  kept_through: number | null;
  stale_from: number | null;
}

/** Lots whose members changed since their last fold. */
export interface CentreDirtyLotsTable {
  facility_id: string;
  item_id: string;
  lot_code: string;
}

/** The ledger fold of each lot at the centre, per location. */
export interface CentreBalancesTable {
  facility_id: string;
  item_id: string;
  lot_code: string;
  location_id: string;
  on_hand: ColumnType<string | number, number, number>;
  quarantined: ColumnType<string | number, number, number>;
  expiry: string | null;
}

export interface CentreProjectionsTable {
  name: string;
  seq: ColumnType<string | number, number, number>;
  caught_up_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** Kept by the write path: shared/indicators/usage-day-totals.ts. */
export interface UsageDayTotalsTable {
  facility_id: string;
  /** Days since 1970-01-01 (UTC). */
  day: number;
  location_id: string;
  item_id: string;
  actor_id: string;
  units: ColumnType<string | number, number, number>;
}

/** Kept by the write path: shared/indicators/event-day-totals.ts. */
export interface EventDayTotalsTable {
  facility_id: string;
  /** A date column; written as YYYY-MM-DD, read back as a Date or text by the driver. */
  day: ColumnType<string, string, string>;
  item_id: string;
  counts: number;
  counts_within: number;
  waste_units: ColumnType<string | number, number, number>;
}

/** A stockroom's decision on a usage anomaly flag (shared/model/anomaly-decision.ts). */
export interface AnomalyDecisionsTable {
  id: string;
  facility_id: string;
  device_id: string;
  flag_date: string;
  decision: 'confirmed' | 'dismissed';
  decided_by: string;
  doc: Json<Record<string, unknown>>;
  recorded_at: CreatedAt;
}

export interface RequestEscalationsTable {
  request_id: string;
  clock: 'acknowledge' | 'deliver';
  rung: string;
  facility_id: string;
  reached_at: CreatedAt;
  /** `console:<user>` who escalated by hand (the ERP rung only); null when the clock did. */
  escalated_by: string | null;
  reason: string | null;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  fingerprint: string;
  state: 'running' | 'done';
  status_code: number | null;
  response_body: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface ApprovalPoliciesTable {
  facility_id: string;
  version: number;
  policy: Json<Record<string, unknown>>;
  created_at: CreatedAt;
  created_by: string;
}
