import type { Kysely } from 'kysely';
import Type from 'typebox';
import { isoDateFromDays, parseIsoDate } from '../../shared/inventory/calendar';
import { AnomalyDecisionSchema, type AnomalyDecision, type User } from '../../shared/model';
import {
  checkAnomalyDecision,
  checkFlagCouldBeRaised,
  checkMember,
  sameAnomalyDecision,
  type AnomalyDecisionRefusal,
  type FlagSubjects,
} from '../../shared/permissions';
import { authenticateDevice } from '../auth/device-auth';
import { insertDecision, lockFlag, resolveFromStockroom } from '../console/anomaly-resolutions';
import type { SyncApp, SyncContext } from '../context';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import { ErrorBody } from './collection-param';

/** How far back a PC reads its facility's decisions: beyond the week of flags it shows. */
const READ_BACK_DAYS = 30;

const STATUS_OF: Record<AnomalyDecisionRefusal['kind'], number> = {
  input: 400,
  permission: 403,
  unknown: 422,
};

function refusal({ kind, code, message }: AnomalyDecisionRefusal): HttpError {
  return new HttpError(
    STATUS_OF[kind],
    code,
    message,
    code === 'NOTE_REQUIRED' ? [{ field: 'note', message }] : undefined,
  );
}

/**
 * What the centre knows of the item and location a decision names. Removed documents count: a
 * flag raised before an item or location was withdrawn may still be decided. A pending item (an
 * unknown GTIN received at the facility) is an item its ledger can hold.
 */
async function flagSubjects(
  db: Kysely<Database>,
  decision: AnomalyDecision,
): Promise<FlagSubjects> {
  const rows = await db
    .selectFrom('documents')
    .select(['collection', 'id', 'doc'])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('collection', 'in', ['items', 'pending_items']),
          eb('id', '=', decision.itemId),
        ]),
        eb.and([eb('collection', '=', 'locations'), eb('id', '=', decision.locationId)]),
      ]),
    )
    .execute();
  const facilityOf = (collection: string) => {
    const doc = rows.find((r) => r.collection === collection)?.doc as
      { facilityId?: unknown } | undefined;
    return typeof doc?.facilityId === 'string' ? doc.facilityId : undefined;
  };
  return {
    itemKnown:
      rows.some((r) => r.collection === 'items') ||
      facilityOf('pending_items') === decision.facilityId,
    locationFacilityId: facilityOf('locations'),
  };
}

const DecisionAnswer = Type.Object({
  decision: AnomalyDecisionSchema,
  /** False when the centre already held this very decision (a retry): nothing new was stored. */
  stored: Type.Boolean(),
});

const AlreadyDecided = Type.Object({
  code: Type.String(),
  message: Type.String(),
  decision: AnomalyDecisionSchema,
});

/**
 * Decisions on usage anomaly flags, between a facility's PCs and the centre. Every RxDB collection
 * slot of the PC is taken, so a PC keeps its decisions in a local document and sends each here
 * (renderer/replication/anomaly-decision-sync.ts). The centre believes nothing of the device's
 * word: the same shared check as the PC's (who decided, with which role, at which facility, with a
 * note), that the flag could have been raised at all (a day of a PC's week of flags, an item the
 * centre knows, a location of the facility: checkFlagCouldBeRaised), then one decision per flag:
 * a retry of the same decision is acknowledged, another decision on a decided flag is refused with
 * the one that stands.
 */
export function replicationAnomalyDecisionRoutes(app: SyncApp, { database }: SyncContext): void {
  app.post(
    '/v1/replication/anomaly-decisions',
    {
      schema: {
        tags: ['replication'],
        summary: 'Record a decision on a usage anomaly flag (device token)',
        body: AnomalyDecisionSchema,
        response: {
          200: DecisionAnswer,
          201: DecisionAnswer,
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          409: AlreadyDecided,
          422: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const device = await authenticateDevice(database.db, request);
      const decision = request.body as AnomalyDecision;
      request.auditDetail = {
        facilityId: device.facilityId,
        flagId: decision.id,
        decision: decision.decision,
        users: [decision.decidedBy],
      };
      const row = await database.db
        .selectFrom('documents')
        .select('doc')
        .where('collection', '=', 'users')
        .where('id', '=', decision.decidedBy)
        .where('deleted', '=', false)
        .executeTakeFirst();
      const user = row?.doc as unknown as User | undefined;
      const check = checkAnomalyDecision(
        decision,
        { facilityId: device.facilityId, deviceId: device.id },
        (id) => checkMember(id, user, device.facilityId),
      );
      if (!check.ok) throw refusal(check.error);
      const now = new Date();
      const today = Math.floor(now.getTime() / 86_400_000);
      const possible = checkFlagCouldBeRaised(
        decision,
        today,
        await flagSubjects(database.db, decision),
      );
      if (!possible.ok) throw refusal(possible.error);
      const outcome = await database.db.transaction().execute(async (trx) => {
        await lockFlag(trx, decision.id);
        const inserted = await insertDecision(trx, decision, now);
        if (inserted) {
          await resolveFromStockroom(trx, decision, now);
          return { stored: true as const, decision };
        }
        const held = await trx
          .selectFrom('anomaly_decisions')
          .select('doc')
          .where('id', '=', decision.id)
          .executeTakeFirstOrThrow();
        return { stored: false as const, decision: held.doc as unknown as AnomalyDecision };
      });
      if (outcome.stored) return reply.status(201).send(outcome);
      if (sameAnomalyDecision(outcome.decision, decision)) return reply.status(200).send(outcome);
      const held = outcome.decision;
      request.auditDetail = { ...request.auditDetail, heldBy: held.decidedBy };
      return reply.status(409).send({
        code: 'FLAG_ALREADY_DECIDED',
        message: `This flag was already ${held.decision} by ${held.decidedBy} at ${held.decidedAt} ("${held.note}"): one decision stands per flag, and yours was not stored.`,
        decision: held,
      });
    },
  );

  app.get(
    '/v1/replication/anomaly-decisions',
    {
      schema: {
        tags: ['replication'],
        summary: "The device's facility's decisions on flags of the last 30 days (device token)",
        response: {
          200: Type.Object({ decisions: Type.Array(AnomalyDecisionSchema) }),
          401: ErrorBody,
        },
      },
    },
    async (request) => {
      const device = await authenticateDevice(database.db, request);
      const today = parseIsoDate(new Date().toISOString().slice(0, 10)) ?? 0;
      const rows = await database.db
        .selectFrom('anomaly_decisions')
        .select('doc')
        .where('facility_id', '=', device.facilityId)
        .where('flag_date', '>=', isoDateFromDays(today - READ_BACK_DAYS))
        .orderBy('id')
        .execute();
      return { decisions: rows.map((r) => r.doc as unknown as AnomalyDecision) };
    },
  );
}
