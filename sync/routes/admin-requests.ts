import Type from 'typebox';
import { ErpEscalationSchema, itemsNamedBy, type RequestView } from '../../shared/console';
import {
  Id,
  REQUEST_PRIORITIES,
  REQUEST_STATUSES,
  ServiceLevelSchema,
  StringEnum,
  SupplyRequestSchema,
} from '../../shared/model';
import { escalationLadder, LADDER_RUNGS } from '../../shared/replenishment/escalation-ladder';
import { lineProgress } from '../../shared/replenishment/request-progress';
import type { SyncApp, SyncContext } from '../context';
import { erpEscalationsOf } from '../escalation/erp-escalations';
import { openRequestsWithLevels } from '../escalation/escalation-sweep';
import { takeCentreRequestStep } from '../store/centre-request-step';
import { proposeCentreSubstitutes } from '../store/centre-substitutions';
import { actorNames } from '../console/actor-names';
import { documentNames } from '../store/document-names';
import { ADMIN_ERRORS, ADMIN_SECURITY, adminOnly } from './admin-guard';
import { ErrorBody } from './collection-param';
import { ProposedSubstitutes, StepLines, StepNote } from './request-step-body';

/** Steps the console takes: the centre's, never the stockroom's (draft, submit, receive). */
const ConsoleStepBody = Type.Object(
  {
    status: StringEnum([
      'acknowledged',
      'approved',
      'rejected',
      'ordered',
      'picking',
      'shipped',
      'cancelled',
    ] as const),
    note: StepNote,
    lines: StepLines,
  },
  { additionalProperties: false },
);

const RequestViewSchema = Type.Object({
  request: SupplyRequestSchema,
  lines: Type.Array(
    Type.Object({
      itemId: Type.String(),
      requested: Type.Integer(),
      shipped: Type.Integer(),
      received: Type.Integer(),
    }),
  ),
  escalation: Type.Union([
    Type.Object({
      clock: StringEnum(['acknowledge', 'deliver'] as const),
      rung: StringEnum(LADDER_RUNGS),
      step: Type.Integer(),
      message: Type.String({ description: 'The ladder in words, as of the answer' }),
      dueAt: Type.String(),
      startedAt: Type.String({
        description: 'When the request was first submitted: the clock runs from here',
      }),
    }),
    Type.Null(),
  ]),
  serviceLevel: Type.Union([ServiceLevelSchema, Type.Null()], {
    description:
      'The service level of its facility for its priority (null: none, it never escalates): a client climbs the ladder from it as its own clock moves on',
  }),
  erpEscalations: Type.Array(ErpEscalationSchema, {
    description:
      'The ERP rungs recorded, oldest first: by the clock (by and reason null) or by a buyer by hand',
  }),
  itemNames: Type.Record(Type.String(), Type.String(), {
    description:
      'The item master name of every item its lines and substitutes name, by item id; an id missing here is not in the item master (a PC pending item, say)',
  }),
  locationName: Type.Union([Type.String(), Type.Null()], {
    description: 'The name of the location it is for; null when the centre holds no such location',
  }),
  escalatedBy: Type.Record(Type.String(), Type.String(), {
    description:
      'Who escalated it by hand, in words ("Bo Buyer (bo.buyer)", the administrator token), by the `by` of its ERP rungs',
  }),
});

/** Code-unit order, as the database's `collate "C"` would: the same on every machine. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const PRIORITY_RANK = new Map(REQUEST_PRIORITIES.map((p, i) => [p, REQUEST_PRIORITIES.length - i]));

/**
 * The console's Requests screen (issue 15): every open request of the network with its progress
 * and where it stands on the escalation ladder, the latest first within STAT, ASAP, urgent,
 * routine; and the steps a buyer takes on one, through the same request machine as the ERP.
 */
export function adminRequestRoutes(app: SyncApp, context: SyncContext): void {
  const { database } = context;
  const base = { tags: ['admin'], security: ADMIN_SECURITY };
  app.get(
    '/v1/admin/requests',
    {
      onRequest: adminOnly(context, 'console.view'),
      schema: {
        ...base,
        summary:
          'Open supply requests of every facility (not received, rejected or cancelled), most urgent first, each with its line progress, its rung on the escalation ladder, who escalated it to the ERP (by hand: who and why), and the names of its items and location',
        querystring: Type.Object({
          facility: Type.Optional(Id('Only this facility')),
          status: Type.Optional(StringEnum(REQUEST_STATUSES)),
        }),
        response: {
          200: Type.Object({ requests: Type.Array(RequestViewSchema) }),
          ...ADMIN_ERRORS,
        },
      },
    },
    async (request) => {
      const now = new Date().toISOString();
      const { facility, status } = request.query;
      const listed = (await openRequestsWithLevels(database.db))
        .filter(
          ({ request: r }) =>
            (!facility || r.facilityId === facility) && (!status || r.status === status),
        )
        .map(({ request: r, levels }) => {
          const state = escalationLadder(r, levels, now);
          return {
            request: r,
            lines: lineProgress(r),
            serviceLevel: levels[r.priority] ?? null,
            escalation: state
              ? {
                  clock: state.clock,
                  rung: state.rung,
                  step: state.step,
                  message: state.message,
                  dueAt: state.dueAt,
                  startedAt: state.startedAt,
                }
              : null,
          };
        })
        .sort(
          (a, b) =>
            (b.escalation?.step ?? 0) - (a.escalation?.step ?? 0) ||
            (PRIORITY_RANK.get(b.request.priority) ?? 0) -
              (PRIORITY_RANK.get(a.request.priority) ?? 0) ||
            compareText(a.request.createdAt, b.request.createdAt) ||
            // Requests made in the same instant keep one order on every read.
            compareText(a.request.id, b.request.id),
        )
        .slice(0, 500);
      // The ERP rungs, and the names of every item and place the listed requests name: one read each.
      const escalated = await erpEscalationsOf(
        database.db,
        listed.map((v) => v.request.id),
      );
      const names = await documentNames(database.db, {
        items: listed.flatMap((v) => itemsNamedBy(v.request, v.lines)),
        locations: listed.map((v) => v.request.locationId),
      });
      const byHand = [...escalated.values()].flat().flatMap((e) => (e.by === null ? [] : [e.by]));
      const personOf = await actorNames(
        database.db,
        byHand.map((by) => by.replace(/^console:/, '')),
      );
      const views: RequestView[] = listed.map((v) => ({
        ...v,
        erpEscalations: escalated.get(v.request.id) ?? [],
        itemNames: Object.fromEntries(
          itemsNamedBy(v.request, v.lines).flatMap((id) => {
            const name = names.items.get(id);
            return name === undefined ? [] : [[id, name] as const];
          }),
        ),
        locationName: names.locations.get(v.request.locationId) ?? null,
        escalatedBy: Object.fromEntries(
          (escalated.get(v.request.id) ?? []).flatMap((e) =>
            e.by === null ? [] : [[e.by, personOf(e.by.replace(/^console:/, ''))] as const],
          ),
        ),
      }));
      return { requests: views };
    },
  );
  app.post(
    '/v1/admin/requests/:id/status',
    {
      onRequest: adminOnly(context, 'exceptions.work'),
      schema: {
        ...base,
        summary:
          'A buyer takes a step on a supply request: acknowledged, approved, rejected, ordered, picking, shipped or cancelled (Idempotency-Key accepted); recorded as console:<user>',
        params: Type.Object({ id: Id('Supply request identifier') }),
        body: ConsoleStepBody,
        response: {
          200: Type.Record(Type.String(), Type.Unknown()),
          422: ErrorBody,
          ...ADMIN_ERRORS,
        },
      },
    },
    async (request) => {
      const who = consoleUser(request);
      const { status, note, lines } = request.body;
      const updated = await takeCentreRequestStep(
        database.db,
        database.channel,
        request,
        request.params.id,
        {
          status,
          at: new Date().toISOString(),
          note,
          lines,
          by: `console:${who}`,
          writtenBy: `console:${who}`,
        },
      );
      request.auditDetail = { requestId: request.params.id, status };
      return updated;
    },
  );
  app.post(
    '/v1/admin/requests/:id/substitutions',
    {
      onRequest: adminOnly(context, 'exceptions.work'),
      schema: {
        ...base,
        summary:
          'A buyer proposes substitutes for lines that cannot be filled; the ward accepts or refuses each on its PC (Idempotency-Key accepted); recorded as console:<user>',
        params: Type.Object({ id: Id('Supply request identifier') }),
        body: Type.Object({ substitutes: ProposedSubstitutes }, { additionalProperties: false }),
        response: {
          200: Type.Record(Type.String(), Type.Unknown()),
          422: ErrorBody,
          ...ADMIN_ERRORS,
        },
      },
    },
    async (request) => {
      const who = consoleUser(request);
      const { substitutes } = request.body;
      const updated = await proposeCentreSubstitutes(
        database.db,
        database.channel,
        request,
        request.params.id,
        substitutes,
        { by: `console:${who}`, writtenBy: `console:${who}`, at: new Date().toISOString() },
      );
      request.auditDetail = {
        requestId: request.params.id,
        substitutes: substitutes.map((s) => `${s.itemId} for ${s.lineItemId}`).join(', '),
      };
      return updated;
    },
  );
}

/** The console user behind an admin request ("admin" for the operator's admin token). */
export function consoleUser(request: { actor: { type: string; id: string } | null }): string {
  const actor = request.actor;
  return actor && actor.type !== 'device' && actor.type !== 'api-key' ? actor.id : 'admin';
}
