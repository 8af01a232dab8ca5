import type { Role, User } from '../../../shared/model';
import { writeCentreDocuments } from '../../../sync/store/centre-write';
import { SAMPLE_DOCUMENTS } from '../../fixtures/model/sample-documents';
import { addFacility } from './devices';
import type { TestServer } from './server';

/**
 * The people the test documents name (SAMPLE_DOCUMENTS acts as USR-TECH, requests are raised by
 * USR-NM), one or two per role so the two-person rules can be met. The centre believes no device
 * about who acted, so a facility whose PCs push needs its staff set up first, as the ERP would.
 */
export const STAFF = {
  tech: 'USR-TECH',
  tech2: 'USR-TECH2',
  nurseManager: 'USR-NM',
  supervisor: 'USR-SUP',
  supervisor2: 'USR-SUP2',
  admin: 'USR-ADMIN',
} as const;

const ROLE_OF: Record<keyof typeof STAFF, Role> = {
  tech: 'tech',
  tech2: 'tech',
  nurseManager: 'nurse-manager',
  supervisor: 'supervisor',
  supervisor2: 'supervisor',
  admin: 'admin',
};

/** A user document as the ERP sends it; the verifiers are well-formed but match no PIN. */
export function staffUser(id: string, role: Role, facilityIds: string[], active = true): User {
  return { ...SAMPLE_DOCUMENTS.users, id, name: `Staff ${id}`, role, facilityIds, active };
}

// One server's staff writes run one after another: each adds a facility to the same users.
const queues = new WeakMap<TestServer['database'], Promise<unknown>>();

/**
 * Adds the facility to every STAFF user at the centre (the same ids work at every facility of a
 * test server, as a person can work at several), plus any `extra` users as given.
 */
export function addStaff(
  server: TestServer,
  facilityId: string,
  extra: User[] = [],
): Promise<void> {
  const database = server.database;
  const run = (queues.get(database) ?? Promise.resolve()).then(async () => {
    const stored = await database.db
      .selectFrom('documents')
      .select(['id', 'doc'])
      .where('collection', '=', 'users')
      .where('id', 'in', Object.values(STAFF))
      .execute();
    const facilitiesOf = new Map(stored.map((r) => [r.id, (r.doc as User).facilityIds]));
    const staff = (Object.keys(STAFF) as (keyof typeof STAFF)[]).map((key) => {
      const id = STAFF[key];
      const facilities = [...new Set([...(facilitiesOf.get(id) ?? []), facilityId])];
      return staffUser(id, ROLE_OF[key], facilities);
    });
    await writeCentreDocuments(database, 'users', [...staff, ...extra], 'test:staff');
  });
  queues.set(
    database,
    run.catch(() => undefined),
  );
  return run;
}

/** A new facility with its staff at the centre, ready for its PCs to push. */
export async function addStaffedFacility(server: TestServer, id?: string): Promise<string> {
  const facilityId = await addFacility(server, id);
  await addStaff(server, facilityId);
  return facilityId;
}
