import type {
  ApiKeyView,
  AuditEntry,
  AuditSearch,
  ConsoleRole,
  ConsoleUserView,
  ExceptionItem,
  ExceptionList,
  ExceptionSearch,
  HandEscalation,
  RecallProgress,
  RequestView,
  PcHealth,
  SessionAnswer,
  WebhookView,
} from '../../shared/console';
import type {
  FacilitySummary,
  FacilitySyncLag,
  SupplierLeadTime,
  WebhookFailureRate,
} from '../../shared/indicators';
import type { AnomalyDecisionOutcome, ApprovalPolicy, RecallNotice } from '../../shared/model';
import type { ProposedSubstitute } from '../../shared/replenishment/substitution';
import { api } from './http';

export type { ApiKeyView };

/**
 * The admin API as the console calls it (documented in the endpoint's OpenAPI document at
 * /v1/openapi.json). Shapes of the console's own routes come from shared/console; the older admin
 * routes' answers are written out here, as their OpenAPI schemas say.
 */
/** What an admin writes; the centre adds facility, version, time and author. */
export type ApprovalPolicyRules = Omit<
  ApprovalPolicy,
  'facilityId' | 'version' | 'createdAt' | 'createdBy'
>;

export interface Facility {
  id: string;
  name: string;
  createdAt: string;
}
export interface EnrolmentCode {
  code: string;
  facilityId: string;
  expiresAt: string;
}
/** A person added to the console; without a password given, the one made is shown only here. */
export interface NewConsoleUser {
  consoleUser: ConsoleUserView;
  password?: string;
  note?: string;
}
export interface NewApiKey {
  apiKey: { id: string; name: string; scopes: string[]; expiresAt: string | null; key: string };
  note: string;
}

/** GET /v1/admin/indicators/stock: the records behind one facility's stock figures now. */
export interface FacilityStockView {
  facilityId: string;
  asOf: string;
  stockouts: {
    locationId: string;
    itemId: string;
    itemName: string | null;
    locationName: string | null;
  }[];
  risks: {
    locationId: string;
    itemId: string;
    itemName: string | null;
    locationName: string | null;
    available: number;
    dailyUsage: number;
    daysOfCover: number;
    leadTimeDays: number;
  }[];
  expiring: {
    locationId: string;
    itemId: string;
    itemName: string | null;
    locationName: string | null;
    lotCode: string;
    expiry: string;
    daysLeft: number;
    onHand: number;
    value: number;
  }[];
}

/** GET /v1/admin/indicators: every facility's headline figures over a period. */
export interface NetworkIndicators {
  period: { from: string; to: string };
  facilities: FacilitySummary[];
  syncLag: FacilitySyncLag[];
  webhookFailures: WebhookFailureRate[];
  supplierLeadTimes: SupplierLeadTime[];
  definitions: Record<string, { title: string; definition: string }>;
}

/** A webhook endpoint as GET /v1/admin/webhooks lists it (never its secret). */
export type WebhookEndpoint = WebhookView;
export interface WebhookSecret {
  id: string;
  url: string;
  eventTypes: string[];
  secret: string;
  note: string;
}
export interface DeadLetter {
  id: number;
  messageId: string;
  webhookId: string;
  eventType: string;
  url: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  failedAt: string;
}
export interface FeedPosition {
  keyId: string;
  keyName: string;
  position: number | null;
  readAt: string | null;
  behind: number;
  latest: number;
}

const hook = (id: string) => `/v1/admin/webhooks/${encodeURIComponent(id)}`;

export const consoleApi = {
  session: () => api<SessionAnswer>('GET', '/v1/console/session'),
  signIn: (username: string, password: string) =>
    api<SessionAnswer>('POST', '/v1/console/sign-in', { username, password }),
  signOut: () => api<{ signedOut: boolean }>('POST', '/v1/console/sign-out'),
  facilities: () => api<{ facilities: Facility[] }>('GET', '/v1/admin/facilities'),
  addFacility: (id: string, name: string) =>
    api<{ facility: Facility }>('POST', '/v1/admin/facilities', { id, name }),
  approvalPolicies: (facilityId: string) =>
    api<{ policies: ApprovalPolicy[] }>(
      'GET',
      `/v1/admin/facilities/${encodeURIComponent(facilityId)}/approval-policies`,
    ),
  saveApprovalPolicy: (facilityId: string, rules: ApprovalPolicyRules) =>
    api<{ policy: ApprovalPolicy }>(
      'POST',
      `/v1/admin/facilities/${encodeURIComponent(facilityId)}/approval-policies`,
      rules,
    ),
  pcs: () => api<{ pcs: PcHealth[] }>('GET', '/v1/admin/pcs'),
  enrolmentCode: (facilityId: string) =>
    api<EnrolmentCode>('POST', '/v1/admin/enrollment-codes', { facilityId }),
  revokePc: (deviceId: string) =>
    api<unknown>('POST', `/v1/admin/devices/${encodeURIComponent(deviceId)}/revoke`),
  apiKeys: () => api<{ apiKeys: ApiKeyView[] }>('GET', '/v1/admin/api-keys'),
  createApiKey: (name: string, scopes: string[], expiresAt: string | null) =>
    api<NewApiKey>('POST', '/v1/admin/api-keys', {
      name,
      scopes,
      ...(expiresAt ? { expiresAt } : {}),
    }),
  revokeApiKey: (id: string) =>
    api<unknown>('POST', `/v1/admin/api-keys/${encodeURIComponent(id)}/revoke`),
  /** `expiresAt` null: the new secret never expires (the endpoint would otherwise keep the old day). */
  rotateApiKey: (id: string, expiresAt: string | null) =>
    api<NewApiKey>('POST', `/v1/admin/api-keys/${encodeURIComponent(id)}/rotate`, { expiresAt }),
  webhooks: () => api<{ webhooks: WebhookEndpoint[] }>('GET', '/v1/admin/webhooks'),
  createWebhook: (url: string, eventTypes: string[], ownerKeyId: string) =>
    api<WebhookSecret>('POST', '/v1/admin/webhooks', { url, eventTypes, ownerKeyId }),
  pauseWebhook: (id: string) => api<WebhookEndpoint>('POST', `${hook(id)}/pause`),
  resumeWebhook: (id: string) => api<WebhookEndpoint>('POST', `${hook(id)}/resume`),
  rekeyWebhook: (id: string) => api<WebhookSecret>('POST', `${hook(id)}/rotate-secret`, {}),
  deleteWebhook: (id: string) => api<{ deleted: string }>('DELETE', hook(id)),
  deadLetters: () => api<{ deadLetters: DeadLetter[] }>('GET', '/v1/admin/dead-letters'),
  replayDeadLetters: (ids: number[]) =>
    api<{ replayed: number[]; notDead: number[] }>('POST', '/v1/admin/dead-letters/replay', {
      ids,
    }),
  feedPositions: () => api<{ positions: FeedPosition[] }>('GET', '/v1/admin/feed-positions'),
  recalls: () => api<{ recalls: RecallProgress[] }>('GET', '/v1/admin/recalls'),
  enterRecall: (notice: RecallNotice) =>
    api<{ id: string; written: number }>('POST', '/v1/admin/recalls', notice),
  consoleUsers: () => api<{ consoleUsers: ConsoleUserView[] }>('GET', '/v1/admin/console-users'),
  addConsoleUser: (username: string, displayName: string, role: ConsoleRole) =>
    api<NewConsoleUser>('POST', '/v1/admin/console-users', {
      username,
      role,
      ...(displayName ? { displayName } : {}),
    }),
  disableConsoleUser: (username: string) =>
    api<{ disabled: { username: string } }>(
      'POST',
      `/v1/admin/console-users/${encodeURIComponent(username)}/disable`,
    ),
  exceptions: (search: ExceptionSearch) =>
    api<ExceptionList>('GET', `/v1/admin/exceptions?${auditQuery(search)}`),
  takeException: (id: string) => api<ExceptionItem>('POST', '/v1/admin/exceptions/take', { id }),
  resolveException: (id: string, comment: string, outcome?: AnomalyDecisionOutcome) =>
    api<ExceptionItem>('POST', '/v1/admin/exceptions/resolve', {
      id,
      comment,
      ...(outcome ? { outcome } : {}),
    }),
  requests: () => api<{ requests: RequestView[] }>('GET', '/v1/admin/requests'),
  indicators: (from: string, to: string) =>
    api<NetworkIndicators>('GET', `/v1/admin/indicators?from=${from}&to=${to}`),
  indicatorStock: (facilityId: string) =>
    api<FacilityStockView>(
      'GET',
      `/v1/admin/indicators/stock?facility=${encodeURIComponent(facilityId)}`,
    ),
  takeRequestStep: (id: string, status: string, note?: string) =>
    api<unknown>('POST', `/v1/admin/requests/${encodeURIComponent(id)}/status`, {
      status,
      ...(note ? { note } : {}),
    }),
  escalateRequest: (id: string, reason: string) =>
    api<HandEscalation>('POST', `/v1/admin/requests/${encodeURIComponent(id)}/escalations`, {
      reason,
    }),
  items: (search: string) =>
    api<{ items: { id: string; name: string }[]; capped: boolean }>(
      'GET',
      `/v1/admin/items?${auditQuery({ search })}`,
    ),
  proposeSubstitutes: (id: string, substitutes: ProposedSubstitute[]) =>
    api<unknown>('POST', `/v1/admin/requests/${encodeURIComponent(id)}/substitutions`, {
      substitutes,
    }),
  audit: (search: AuditSearch) =>
    api<{ entries: AuditEntry[] }>('GET', `/v1/admin/audit?${auditQuery(search)}`),
};

/** A search as a query string: empty fields left out. */
export function auditQuery(search: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

export { API_SCOPES } from '../../shared/model/api-scopes';
