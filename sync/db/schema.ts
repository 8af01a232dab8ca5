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
  secret: string;
  event_types: Json<string[]>;
  created_at: CreatedAt;
  disabled_at: Timestamp | null;
  disabled_reason: string | null;
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

export interface Database {
  facilities: FacilitiesTable;
  enrollment_codes: EnrollmentCodesTable;
  devices: DevicesTable;
  api_keys: ApiKeysTable;
  documents: DocumentsTable;
  integrity_alarms: IntegrityAlarmsTable;
  audit_log: AuditLogTable;
  webhook_endpoints: WebhookEndpointsTable;
  outbox: OutboxTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
