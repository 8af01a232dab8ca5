import { afterEach, describe, expect, it } from 'vitest';
import { createRxDatabase, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateZSchemaStorage } from 'rxdb/plugins/validate-z-schema';
import { COLLECTIONS, type SupplyRequest } from '../../shared/model';
import { toRxJsonSchema } from '../../shared/model/rx-schema';
import { lineProgress, transition } from '../../shared/replenishment';
import { runMigrations } from '../../renderer/store/migration-runner';
import { MIGRATION_STRATEGIES } from '../../renderer/store/migrations';
import { draftRequest } from '../fixtures/replenishment/requests';
import './store-test-db';

type Schema = RxJsonSchema<SupplyRequest>;
const current = toRxJsonSchema(COLLECTIONS.supply_requests) as unknown as Schema;
const OLD_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'ordered',
  'shipped',
  'received',
  'rejected',
  'cancelled',
];

/** The request schema before substitutions: version 1. */
function versionOne(): Schema {
  const v1 = structuredClone(current) as unknown as {
    version: number;
    properties: Record<string, unknown>;
  };
  v1.version = 1;
  delete v1.properties['substitutions'];
  return v1 as unknown as Schema;
}

/** The request schema before issue 15: version 0, eight statuses, entries without step details. */
function versionZero(): Schema {
  const v0 = structuredClone(current) as unknown as {
    version: number;
    properties: Record<string, Record<string, unknown>>;
  };
  v0.version = 0;
  delete v0.properties['substitutions'];
  v0.properties['status']!['enum'] = OLD_STATUSES;
  v0.properties['status']!['maxLength'] = 9;
  const entry = v0.properties['history']!['items'] as {
    properties: Record<string, Record<string, unknown>>;
  };
  entry.properties['status']!['enum'] = OLD_STATUSES;
  entry.properties['status']!['maxLength'] = 9;
  entry.properties['by']!['maxLength'] = 100;
  const { lines: _l, policyVersion: _p, levels: _ls, level: _lv, ...before } = entry.properties;
  entry.properties = before;
  return v0 as unknown as Schema;
}

const storage = wrappedValidateZSchemaStorage({ storage: getRxStorageMemory() });
const dbs: RxDatabase[] = [];
afterEach(async () => {
  while (dbs.length > 0) await dbs.pop()!.close();
});

async function openRequests(name: string, schema: Schema) {
  const db = await createRxDatabase({ name, storage, multiInstance: false });
  dbs.push(db);
  await db.addCollections({
    supply_requests: {
      schema,
      migrationStrategies: Object.fromEntries(
        Object.entries(MIGRATION_STRATEGIES.supply_requests ?? {}).filter(
          ([version]) => Number(version) <= schema.version,
        ),
      ),
      autoMigrate: false,
    },
  });
  return db;
}

describe('supply requests version 1 (the request machine of issue 15)', () => {
  it('keeps version-0 requests as they were; a shipped one is received whole', async () => {
    expect(current.version).toBe(2);
    const name = `requests${process.pid}`;
    const old = await openRequests(name, versionZero());
    const shipped = draftRequest({
      id: 'REQ-OLD',
      status: 'shipped',
      history: [
        { status: 'draft', at: '2026-10-01T08:00:00Z', by: 'USR-NM' },
        { status: 'submitted', at: '2026-10-01T08:01:00Z', by: 'USR-NM' },
        { status: 'approved', at: '2026-10-01T09:00:00Z', by: 'erp:central' },
        { status: 'ordered', at: '2026-10-01T10:00:00Z', by: 'erp:central' },
        { status: 'shipped', at: '2026-10-02T10:00:00Z', by: 'erp:central' },
      ],
    });
    await old.collections['supply_requests']!.insert(shipped);
    await old.close();
    dbs.pop();

    const db = await openRequests(name, current);
    expect(await runMigrations(db, () => undefined)).toEqual({
      ok: true,
      migrated: ['supply_requests'],
    });
    const migrated = (await db.collections['supply_requests']!.findOne('REQ-OLD').exec())?.toJSON();
    expect(migrated).toEqual(shipped);
    // An old shipment names no lines: it shipped everything, so receiving takes it all.
    expect(lineProgress(shipped)[0]).toMatchObject({ shipped: 150, received: 0 });
    const received = transition(shipped, 'received', { at: '2026-10-03T08:00:00Z', by: 'USR-T' });
    expect(received.ok && received.value.status).toBe('received');
  });

  it('keeps version-1 requests as they were when substitutions arrive (version 2)', async () => {
    const name = `requests-v1-${process.pid}`;
    const old = await openRequests(name, versionOne());
    const submitted = transition(draftRequest({ id: 'REQ-V1' }), 'submitted', {
      at: '2026-11-02T09:01:00Z',
      by: 'USR-NM',
    });
    if (!submitted.ok) throw new Error(submitted.error.message);
    await old.collections['supply_requests']!.insert(submitted.value);
    await old.close();
    dbs.pop();
    const db = await openRequests(name, current);
    expect(await runMigrations(db, () => undefined)).toEqual({
      ok: true,
      migrated: ['supply_requests'],
    });
    const migrated = (await db.collections['supply_requests']!.findOne('REQ-V1').exec())?.toJSON();
    expect(migrated).toMatchObject(submitted.value);
    expect(migrated?.substitutions).toBeUndefined();
  });
});
