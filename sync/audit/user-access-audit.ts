import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { DocumentWrite } from '../store/documents';
import { recordAudit } from './record';

/** The fields of a user document that decide what the person may do, and where. */
const ACCESS_FIELDS = ['role', 'active', 'facilityIds'] as const;

type Access = Partial<Record<(typeof ACCESS_FIELDS)[number], unknown>>;

function accessOf(doc: Record<string, unknown> | null): Access | null {
  if (!doc) return null;
  return Object.fromEntries(
    ACCESS_FIELDS.map((f) => {
      const value = doc[f];
      return [f, Array.isArray(value) ? [...(value as unknown[])].map(String).sort() : value];
    }),
  );
}

/**
 * Role changes reach the audit log in the transaction that makes them: for each written user whose
 * role, active flag or facilities differ from the stored version (a new user counts, from nothing),
 * one line with before and after. Called before the writes are stored, so it reads the old state.
 */
export async function auditUserAccessChanges(
  trx: Kysely<Database>,
  writtenBy: string,
  writes: readonly DocumentWrite[],
): Promise<void> {
  const users = writes.filter((w) => w.collection === 'users');
  if (users.length === 0) return;
  const stored = await trx
    .selectFrom('documents')
    .select(['id', 'doc', 'deleted'])
    .where('collection', '=', 'users')
    .where(
      'id',
      'in',
      users.map((w) => String(w.body['id'])),
    )
    .execute();
  const current = new Map(stored.map((r) => [r.id, r.deleted ? null : accessOf(r.doc)]));
  const [actorType = 'unknown', ...name] = writtenBy.split(':');
  for (const write of users) {
    const userId = String(write.body['id']);
    const before = current.get(userId) ?? null;
    const after = write.deleted ? null : accessOf(write.body);
    const changed = ACCESS_FIELDS.filter(
      (f) => JSON.stringify(before?.[f]) !== JSON.stringify(after?.[f]),
    );
    current.set(userId, after);
    if (changed.length === 0) continue;
    await recordAudit(trx, {
      actorType,
      actorId: name.join(':') || writtenBy,
      ip: null,
      action: changed.includes('role') ? 'user role changed' : 'user access changed',
      target: JSON.stringify({ userId }),
      outcome: 'accepted',
      status: null,
      detail: { userId, changed, before, after },
    });
  }
}
