import Type from 'typebox';
import { RECALLED_PRODUCT_KINDS } from '../../shared/console';
import { RecallNoticeSchema, StringEnum } from '../../shared/model';
import { listRecallProgress } from '../console/recalls';
import { refuseTakenNoticeId, refuseTypedRecallUnits } from '../console/typed-recall-entry';
import type { SyncApp, SyncContext } from '../context';
import { enterRecallNotice } from '../store/recall-entry';
import { ADMIN_ERRORS, ADMIN_SECURITY, adminOnly } from './admin-guard';
import { ErrorBody } from './collection-param';
import { RecallEntered } from './erp-recalls';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const RecallScopeSchema = Type.Object({
  source: Type.String(),
  products: Type.Array(
    Type.Object({
      kind: StringEnum(RECALLED_PRODUCT_KINDS),
      code: Type.String(),
      itemName: Nullable(Type.String({ description: "The item master's name for the code" })),
    }),
  ),
  allLots: Type.Boolean(),
  lotCodes: Type.Array(Type.String(), { description: 'The first 50 lot codes' }),
  lotCodeCount: Type.Integer({ description: 'How many lot codes the notice names' }),
  lotRanges: Type.Array(Type.Object({ from: Type.String(), to: Type.String() })),
  serials: Type.Array(Type.String(), { description: 'The first 50 serials' }),
  serialCount: Type.Integer({ description: 'How many serials the notice names' }),
  expiryFrom: Nullable(Type.String()),
  expiryTo: Nullable(Type.String()),
  instructions: Type.String(),
});

const RecallProgressSchema = Type.Object({
  noticeId: Type.String(),
  number: Type.String(),
  title: Type.String(),
  class: Type.String(),
  status: Type.String(),
  issuedAt: Type.String(),
  lateCount: Type.Integer(),
  facilities: Type.Array(
    Type.Object({
      facilityId: Type.String(),
      caseId: Nullable(Type.String()),
      step: Type.String(),
      matched: Nullable(Type.Integer()),
      quarantined: Type.Integer(),
      disposed: Nullable(Type.Integer()),
      quarantinedAt: Nullable(Type.String()),
      hoursToQuarantine: Nullable(Type.Number()),
      dueAt: Type.String(),
      late: Type.Boolean(),
    }),
  ),
  scope: RecallScopeSchema,
});

/** The console's Recalls screen: progress per notice and facility; a notice entered by a person. */
export function adminRecallRoutes(app: SyncApp, context: SyncContext): void {
  const { database } = context;
  const base = { tags: ['admin'], security: ADMIN_SECURITY };
  app.get(
    '/v1/admin/recalls',
    {
      onRequest: adminOnly(context, 'console.view'),
      schema: {
        ...base,
        summary:
          'Each recall notice with what it covers (products named from the item master, lots, ranges, serials, expiry window, instructions) and its progress per facility: units matched, quarantined, disposed, the case step, hours from notice to all-quarantined, late facilities',
        response: {
          200: Type.Object({ recalls: Type.Array(RecallProgressSchema) }),
          ...ADMIN_ERRORS,
        },
      },
    },
    async () => ({ recalls: await listRecallProgress(database.db, new Date()) }),
  );
  app.post(
    '/v1/admin/recalls',
    {
      onRequest: adminOnly(context, 'exceptions.work'),
      schema: {
        ...base,
        summary:
          'Enter a new recall notice, for a network without an ERP connection (the same validation as POST /v1/erp/recalls; admin, buyer). An id already held by another notice is a 409 RECALL_NOTICE_ID_TAKEN (nothing replaced); a notice naming no lot, serial, expiry window or "every lot" is a 422 RECALL_NAMES_NO_UNITS',
        body: RecallNoticeSchema,
        response: { 201: RecallEntered, ...ADMIN_ERRORS, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const notice = request.body;
      refuseTypedRecallUnits(notice, new Date());
      const writer =
        request.actor?.type === 'console-user' ? `console:${request.actor.id}` : 'admin';
      const outcome = await enterRecallNotice(database, notice, writer, (stored) =>
        refuseTakenNoticeId(notice, stored.get(notice.id)),
      );
      request.auditDetail = { recallNoticeId: request.body.id, ...outcome };
      return reply.status(201).send({ id: request.body.id, ...outcome });
    },
  );
}
