import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Item, Location, RecallNotice, User } from '../../../shared/model';
import { DEMO_ITEMS, DEMO_LOCATIONS } from '../../../renderer/seed/demo-catalogue';
import { DEMO_PEOPLE } from '../../../renderer/seed/demo-people';
import { hashSecret, newSalt } from '../../../renderer/session/credentials';
import { runAdmin } from '../../../sync/cli/admin';
import { addConsoleUser } from '../../../sync/console/console-users';
import { openDatabase } from '../../../sync/db/connect';
import { migrateToLatest } from '../../../sync/migrations';
import { serverProcess, type ServerProcess } from '../../chaos/server-process';
import { CONSOLE_PEOPLE } from '../../e2e-console/console-people';

export interface CentralEndpoint {
  url: string;
  north: string;
  south: string;
  /** One-time enrolment codes, two for north's PCs and one for south's. */
  codes: { north: string[]; south: string[] };
  erp(method: string, path: string, body: unknown): Promise<number>;
  /** The ERP's call with the endpoint's answer. */
  erpCall(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/**
 * The real central endpoint (`npm run sync` in a child process, PGlite in a fresh folder) with
 * two facilities, and the ERP's part done through its API: the item master, north's locations,
 * and the demo people as the centre's users of both facilities.
 */
export async function startCentralEndpoint(
  options: {
    /** The console's people (tests/e2e-console/console-people.ts) added before the start. */
    consolePeople?: boolean;
    /** Endpoint settings, e.g. webhooks to a loopback receiver. */
    settings?: Record<string, string>;
  } = {},
): Promise<CentralEndpoint> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stockroom-e2e-central-'));
  const north = 'FAC-NORTH-E2E';
  const south = 'FAC-SOUTH-E2E';
  const database = await openDatabase({ dataDir });
  let apiKey = '';
  const codes = { north: [] as string[], south: [] as string[] };
  try {
    await migrateToLatest(database.db);
    const admin = async (...argv: string[]) => {
      const result = await runAdmin(database.db, argv);
      if (!result.ok) throw new Error(result.error.message);
      return result.output as Record<string, unknown>;
    };
    await admin('facility', 'add', '--id', north, '--name', 'North stockroom');
    await admin('facility', 'add', '--id', south, '--name', 'South stockroom');
    for (const [facility, list] of [
      [north, codes.north],
      [north, codes.north],
      [south, codes.south],
    ] as const) {
      list.push(((await admin('enroll', '--facility', facility)) as { code: string }).code);
    }
    if (options.consolePeople) {
      for (const [role, person] of Object.entries(CONSOLE_PEOPLE)) {
        await addConsoleUser(database.db, { ...person, role });
      }
    }
    const scopes = [
      'items:write',
      'locations:write',
      'users:write',
      'recalls:write',
      'sync-health:read',
      'requests:read',
      'requests:write',
      'webhooks:manage',
    ].join(',');
    const output = (await admin('api-key', '--name', 'e2e-erp', '--scopes', scopes)) as {
      apiKey: { key: string };
    };
    apiKey = output.apiKey.key;
  } finally {
    await database.close();
  }
  const server: ServerProcess = await serverProcess(dataDir, options.settings);
  await server.start();
  const erpCall = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  const erp = async (method: string, path: string, body: unknown) =>
    (await erpCall(method, path, body)).status;
  await loadThroughErp(erp, north, [north, south]);
  return {
    url: server.url,
    north,
    south,
    codes,
    erp,
    erpCall,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The ERP's part for one facility, through its API: the item master, the facility's locations,
 * and the demo people as the centre's users of `userFacilities`.
 */
export async function loadThroughErp(
  erp: (method: string, path: string, body: unknown) => Promise<number>,
  facilityId: string,
  userFacilities: string[] = [facilityId],
): Promise<void> {
  const items: Item[] = DEMO_ITEMS;
  const locations: Location[] = DEMO_LOCATIONS.map((l) => ({ ...l, facilityId }));
  const users: User[] = await Promise.all(
    DEMO_PEOPLE.map(async (p) => {
      const salt = newSalt();
      return {
        id: p.id,
        name: p.name,
        email: p.email,
        role: p.role,
        facilityIds: userFacilities,
        badgeHash: await hashSecret(p.badge, salt),
        pinHash: await hashSecret(p.pin, salt),
        salt,
        active: true,
      };
    }),
  );
  for (const [path, docs] of [
    ['/v1/erp/items', items],
    ['/v1/erp/locations', locations],
    ['/v1/erp/users', users],
  ] as const) {
    const status = await erp('PUT', path, docs);
    if (status !== 200) throw new Error(`${path} answered ${status}`);
  }
}

/** A class I recall of one lot, effective from an hour ago, as the ERP posts it. */
export function recallOf(item: Item, lotCode: string, number: string): RecallNotice {
  const anHourAgo = new Date(Date.now() - 3_600_000).toISOString();
  return {
    id: `RCL-E2E-${lotCode}`,
    number,
    title: `${item.name}: packaging breach`,
    class: 'I',
    source: `${item.manufacturer ?? 'Manufacturer'} / FDA`,
    issuedAt: anHourAgo,
    effectiveAt: anHourAgo,
    status: 'open',
    gtins: [...item.gtins],
    hibccCodes: [],
    itemIds: [],
    catalogNumbers: [],
    allLots: false,
    lotCodes: [lotCode],
    lotRanges: [],
    serials: [],
    instructions: 'Quarantine every unit of the lot and return it to the manufacturer.',
  };
}
