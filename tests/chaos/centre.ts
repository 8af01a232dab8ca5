import { cpSync } from 'node:fs';
import type { StockEvent, SupplyRequest } from '../../shared/model';
import { runAdmin } from '../../sync/cli/admin';
import { openDatabase } from '../../sync/db/connect';
import { migrateToLatest } from '../../sync/migrations';
import { writeCentreDocuments } from '../../sync/store/centre-write';
import { SAMPLE_DOCUMENTS } from '../fixtures/model/sample-documents';
import { CHAOS_STAFF, ITEMS, type ChaosPlan } from './workload';

/** Where vitest's global set-up left a migrated PGlite directory (saves initdb's 15 s). */
const TEMPLATE_ENV = 'STOCKROOM_PGLITE_TEMPLATE';

export interface CentreSetup {
  codes: Map<string, string>;
  apiKey: string;
}

/**
 * The administrator's part, done before the server first starts (PGlite is one process's): the
 * facilities, one enrolment code per PC and the ERP's API key, through the admin commands.
 */
export async function prepareCentre(dataDir: string, plan: ChaosPlan): Promise<CentreSetup> {
  const template = process.env[TEMPLATE_ENV];
  if (template) cpSync(template, dataDir, { recursive: true });
  const database = await openDatabase({ dataDir });
  try {
    await migrateToLatest(database.db);
    const admin = async (...argv: string[]) => {
      const result = await runAdmin(database.db, argv);
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.output as Record<string, unknown>;
    };
    for (const facility of plan.facilities) {
      await admin('facility', 'add', '--id', facility, '--name', `Chaos ${facility}`);
    }
    // The centre believes no PC about who acted: each facility's people are set up first.
    await writeCentreDocuments(
      database,
      'users',
      CHAOS_STAFF.map((person) => ({
        ...SAMPLE_DOCUMENTS.users,
        id: person.id,
        name: `Chaos ${person.id}`,
        role: person.role,
        facilityIds: plan.facilities,
      })),
      'chaos:erp',
    );
    // Substitutes must be active items of the item master.
    await writeCentreDocuments(
      database,
      'items',
      ITEMS.map((id) => ({
        ...SAMPLE_DOCUMENTS.items,
        id,
        name: `Chaos item ${id}`,
        gtins: [],
        hibccCodes: [],
      })),
      'chaos:erp',
    );
    const codes = new Map<string, string>();
    for (const device of plan.devices) {
      const { code } = (await admin('enroll', '--facility', device.facilityId)) as { code: string };
      codes.set(device.name, code);
    }
    const { apiKey } = (await admin(
      'api-key',
      '--name',
      `chaos-erp-${plan.seed}`,
      '--scopes',
      'events:read,requests:write,sync-health:read',
    )) as { apiKey: { key: string } };
    return { codes, apiKey: apiKey.key };
  } finally {
    await database.close();
  }
}

export async function enroll(
  url: string,
  code: string,
  deviceName: string,
): Promise<{ token: string; deviceId: string }> {
  const response = await fetch(`${url}/v1/devices/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${code}` },
    body: JSON.stringify({ deviceName }),
  });
  if (response.status !== 201) throw new Error(`enrolment answered ${response.status}`);
  return (await response.json()) as { token: string; deviceId: string };
}

async function get(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/** Every stock event the centre holds, through the ERP's feed, repeats included if there were any. */
export async function centreEvents(url: string, apiKey: string): Promise<StockEvent[]> {
  const events: StockEvent[] = [];
  let after = 0;
  for (;;) {
    const page = (await get(`${url}/v1/erp/events?after=${after}&limit=1000`, apiKey)) as {
      events: { event: StockEvent }[];
      next: number;
    };
    events.push(...page.events.map((e) => e.event));
    if (page.events.length < 1000) return events;
    after = page.next;
  }
}

/** The centre's copy of a facility's requests, as a PC of that facility pulls them. */
export async function centreRequests(url: string, deviceToken: string): Promise<SupplyRequest[]> {
  const page = (await get(
    `${url}/v1/replication/supply_requests/pull?checkpoint=0&limit=1000`,
    deviceToken,
  )) as { documents: (SupplyRequest & { _deleted?: boolean })[] };
  return page.documents.filter((d) => !d._deleted).map(({ _deleted: _, ...doc }) => doc);
}

export interface FacilityHealth {
  gaps: number;
  alarms: number;
}

export async function facilityHealth(
  url: string,
  apiKey: string,
  facilityId: string,
): Promise<FacilityHealth> {
  const health = (await get(`${url}/v1/facilities/${facilityId}/sync-health`, apiKey)) as {
    sequences: { gaps: unknown[] }[];
    integrityAlarms: unknown[];
  };
  return {
    gaps: health.sequences.reduce((n, s) => n + s.gaps.length, 0),
    alarms: health.integrityAlarms.length,
  };
}

/**
 * The ERP's steps: it acknowledges, approves (again, when the policy demands a second level, the
 * request staying acknowledged until then), orders and ships; the stockroom receives.
 */
const NEXT: Partial<Record<SupplyRequest['status'], SupplyRequest['status']>> = {
  submitted: 'acknowledged',
  acknowledged: 'approved',
  approved: 'ordered',
  ordered: 'shipped',
};

/**
 * The ERP moves a request one step on, straight to the server (not through the faulty network).
 * Like a real ERP it tries again for a while when the server is down (it is killed now and then).
 */
export async function centreAdvances(
  url: string,
  apiKey: string,
  deviceToken: string,
  requestId: string,
  at: string,
): Promise<boolean> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const current = (await centreRequests(url, deviceToken)).find((r) => r.id === requestId);
      const next = current && NEXT[current.status];
      if (!next) return false;
      const response = await fetch(`${url}/v1/erp/requests/${requestId}/status`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${apiKey}`,
          'content-type': 'application/json',
          // A retry after a lost answer reads the stored answer instead of failing the step.
          'idempotency-key': `chaos-${requestId}-${next}-${at}`,
        },
        body: JSON.stringify({ status: next, by: 'chaos.buyer', at }),
        signal: AbortSignal.timeout(30_000),
      });
      return response.ok;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** Retries `work` while the server is down (it is killed now and then), for up to 30 s. */
async function whileServerRestarts<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * The ERP proposes a substitute for the first line of a request, straight to the server. A retry
 * after a lost answer carries the same Idempotency-Key, so it reads the stored answer and never
 * proposes twice. Returns the proposal's "requestId/proposalId" when the centre took it, or
 * undefined when the rules refused it (the request is a draft or over, the line shipped or
 * settled, the item already waiting).
 */
export async function centreProposes(
  url: string,
  apiKey: string,
  deviceToken: string,
  action: { requestId: string; itemId: string; quantity: number; at: string },
): Promise<string | undefined> {
  const current = await whileServerRestarts(() => centreRequests(url, deviceToken));
  const line = current.find((r) => r.id === action.requestId)?.lines[0];
  if (!line) return undefined;
  const response = await whileServerRestarts(() =>
    fetch(`${url}/v1/erp/requests/${action.requestId}/substitutions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${apiKey}`,
        'content-type': 'application/json',
        'idempotency-key': `chaos-sub-${action.requestId}-${action.itemId}-${action.at}`,
      },
      body: JSON.stringify({
        by: 'chaos.buyer',
        substitutes: [
          {
            lineItemId: line.itemId,
            itemId: action.itemId,
            quantity: action.quantity,
            reason: `Chaos: ${line.itemId} backordered`,
          },
        ],
      }),
      signal: AbortSignal.timeout(30_000),
    }),
  );
  if (response.status === 409 || response.status === 422) return undefined;
  if (!response.ok) throw new Error(`proposing a substitute answered ${response.status}`);
  const updated = (await response.json()) as SupplyRequest;
  const made = updated.substitutions?.at(-1);
  return made && `${action.requestId}/${made.id}`;
}
