import { sql, type Kysely } from 'kysely';
import type { PcHealth } from '../../shared/console';
import type { Database } from '../db/schema';
import { deviceSequences } from '../store/sync-health';

const PUSH_ACTION = 'POST /v1/replication/:collection/push';

/**
 * Every PC with what sync health already knows (last contact, sequence gaps) and what the audit
 * log says of its pushes: the last one accepted and how many were refused.
 */
export async function pcHealth(
  db: Kysely<Database>,
  input: { facilityId?: string | undefined },
): Promise<{ pcs: PcHealth[] }> {
  let devices = db.selectFrom('devices').selectAll();
  if (input.facilityId) devices = devices.where('facility_id', '=', input.facilityId);
  const rows = await devices.orderBy('facility_id').orderBy('name').orderBy('id').execute();
  if (rows.length === 0) return { pcs: [] };
  const pushes = await sql<{ actor_id: string; last_accepted: Date | null; refused: number }>`
    select actor_id,
           max(at) filter (where outcome = 'accepted') as last_accepted,
           count(*) filter (where outcome = 'refused')::int as refused
    from audit_log
    where actor_type = 'device' and action = ${PUSH_ACTION}
      and actor_id in (${sql.join(rows.map((r) => r.id))})
    group by actor_id`.execute(db);
  const pushOf = new Map(pushes.rows.map((p) => [p.actor_id, p]));
  const facilities = [...new Set(rows.map((r) => r.facility_id))];
  const sequences = new Map(
    (await Promise.all(facilities.map((f) => deviceSequences(db, f))))
      .flat()
      .map((s) => [s.deviceId, s]),
  );
  return {
    pcs: rows.map((r) => {
      const push = pushOf.get(r.id);
      const sequence = sequences.get(r.id);
      const lastAccepted = push?.last_accepted ? new Date(push.last_accepted) : null;
      return {
        deviceId: r.id,
        facilityId: r.facility_id,
        name: r.name,
        enrolledAt: r.created_at.toISOString(),
        tokenExpiresAt: r.expires_at.toISOString(),
        revokedAt: r.revoked_at?.toISOString() ?? null,
        lastContactAt: r.last_contact_at?.toISOString() ?? null,
        lastPushAcceptedAt: lastAccepted?.toISOString() ?? null,
        refusedPushes: push?.refused ?? 0,
        lastSeq: sequence?.lastSeq ?? 0,
        received: sequence?.received ?? 0,
        gaps: sequence?.gaps ?? [],
        appVersion: r.app_version,
        documentsWaiting: r.documents_waiting,
        reportedAt: r.reported_at?.toISOString() ?? null,
      };
    }),
  };
}
