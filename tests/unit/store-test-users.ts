import type { Role, User } from '../../shared/model';
import { hashSecret } from '../../renderer/session/credentials';
import type { StockroomDatabase } from '../../renderer/store/collections';

/** People a writer test signs in as; each one's badge is `B-<id>` and PIN `P-<id>`. */
export const TEST_PEOPLE: readonly { id: string; role: Role; active?: boolean }[] = [
  { id: 'USR-TECH', role: 'tech' },
  { id: 'USR-TECH2', role: 'tech' },
  { id: 'USR-NURSE', role: 'nurse-manager' },
  { id: 'USR-SUP', role: 'supervisor' },
  { id: 'USR-SUP2', role: 'supervisor' },
  { id: 'USR-ADMIN', role: 'admin' },
  { id: 'USR-GONE', role: 'supervisor', active: false },
];

export const badgeOf = (id: string) => `B-${id}`;
export const pinOf = (id: string) => `P-${id}`;
export const proofOf = (id: string) => ({ badge: badgeOf(id), pin: pinOf(id) });

/** Few hash rounds: these tests are about who may act, not about the cost of a guess. */
export async function addTestUsers(db: StockroomDatabase, facilityId: string): Promise<void> {
  const salt = 'dGVzdC1zYWx0LTEyMzQ=';
  const users: User[] = await Promise.all(
    TEST_PEOPLE.map(async (p) => ({
      id: p.id,
      name: `Person ${p.id}`,
      role: p.role,
      facilityIds: [facilityId],
      badgeHash: await hashSecret(badgeOf(p.id), salt, { m: 64, t: 1, p: 1 }),
      pinHash: await hashSecret(pinOf(p.id), salt, { m: 64, t: 1, p: 1 }),
      salt,
      active: p.active ?? true,
    })),
  );
  await db.users.bulkInsert(users);
}
