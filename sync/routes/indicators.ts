import Type from 'typebox';
import type { FastifyRequest } from 'fastify';
import { INDICATORS } from '../../shared/indicators';
import { isoDateFromDays, parseIsoDate } from '../../shared/inventory/calendar';
import { Id, IsoDate } from '../../shared/model';
import { authenticateApiKey } from '../auth/api-key-auth';
import { networkIndicators } from '../console/network-indicators';
import { networkSupplierLeadTimes } from '../console/network-supplier-lead-times';
import { networkSyncLag } from '../console/network-sync-lag';
import { networkWebhookFailures } from '../console/network-webhook-failures';
import type { SyncApp, SyncContext } from '../context';
import { HttpError } from '../http/errors';
import { ADMIN_ERRORS, ADMIN_SECURITY, adminOnly } from './admin-guard';
import { ErrorBody } from './collection-param';

const MAX_DAYS = 366;
/**
 * The days a period may cover: no stockroom data predates 2000, and a year ahead allows "this
 * month" or "this year". Outside them a day became a timestamp the database cannot hold (year 0,
 * or 9999-12-31 plus one day) and the request failed with a 500.
 */
const EARLIEST_DAY = '2000-01-01';
const DAYS_AHEAD = 366;
const Share = Type.Union([Type.Number(), Type.Null()]);
const Summary = Type.Object({
  facilityId: Type.String(),
  countAccuracy: Share,
  counts: Type.Integer(),
  lineFillRate: Share,
  unitFillRate: Share,
  linesDelivered: Type.Integer(),
  cycleMedianHours: Share,
  urgentAcknowledgeMedianMinutes: Share,
  urgentLate: Type.Integer(),
  wasteUnits: Type.Number(),
  wasteValue: Type.Number(),
  classIQuarantineMedianHours: Share,
  stockoutDays: Type.Integer({
    description:
      'Over the period: item-location days with nothing available at the end of the day while used in the 30 days to it',
  }),
  stockoutsNow: Type.Integer({
    description:
      'Now, whatever the period: item-locations with nothing available and usage in the last 30 days',
  }),
  atRiskNow: Type.Integer({
    description:
      "Now: item-locations whose days of cover are fewer than their par level's lead time",
  }),
  expiringUnits30: Type.Number({ description: 'Now: units on hand expiring within 30 days' }),
  expiringValue30: Type.Number({ description: 'Now: their value at unit cost' }),
  expiringValue60: Type.Number({ description: 'Now: value expiring within 60 days' }),
  expiringValue90: Type.Number({ description: 'Now: value expiring within 90 days' }),
});
const Tail = Type.Object({
  count: Type.Integer(),
  median: Share,
  p90: Share,
  max: Share,
});
const SyncLag = Type.Object({
  facilityId: Type.String(),
  pcs: Type.Integer(),
  neverContacted: Type.Integer(),
  contactAgeHours: Tail,
  eventDelayHours: Tail,
});
const WebhookFailures = Type.Object({
  endpointId: Type.String(),
  eventType: Type.String(),
  deliveries: Type.Integer(),
  attempts: Type.Integer(),
  failedAttempts: Type.Integer(),
  failureRate: Share,
});
const SupplierLeadTime = Type.Object({
  supplier: Type.String(),
  deliveries: Type.Integer(),
  meanDays: Share,
  deviationDays: Share,
  p90Days: Share,
});
const Answer = Type.Object({
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  facilities: Type.Array(Summary),
  syncLag: Type.Array(SyncLag, {
    description: 'Per facility, the same facilities as `facilities`',
  }),
  webhookFailures: Type.Array(WebhookFailures, {
    description:
      'Per subscription and event type, not narrowed by `facility`: every subscription for the console, the calling key’s own for the ERP',
  }),
  supplierLeadTimes: Type.Array(SupplierLeadTime, {
    description: "Per supplier, over the facility's deliveries or the network's",
  }),
  definitions: Type.Record(
    Type.String(),
    Type.Object({ title: Type.String(), definition: Type.String() }),
  ),
});
const Query = Type.Object({
  from: Type.Optional(IsoDate('First day, inclusive (default: 30 days before `to`)')),
  to: Type.Optional(IsoDate('Last day, inclusive (default: today, UTC)')),
  facility: Type.Optional(Id('Only this facility')),
});

type PeriodQuery = { from?: string; to?: string };

/** The period asked for, whole UTC days, at most a year: a clear 422 for anything else. */
function periodOf(query: PeriodQuery, now: Date): { from: string; to: string } {
  const today = Math.floor(now.getTime() / 86_400_000);
  const last = query.to === undefined ? today : parseIsoDate(query.to);
  const first = query.from === undefined ? (last ?? today) - 29 : parseIsoDate(query.from);
  const earliest = parseIsoDate(EARLIEST_DAY) ?? 0;
  const latest = today + DAYS_AHEAD;
  if (first === undefined || last === undefined || first > last || last - first + 1 > MAX_DAYS) {
    throw new HttpError(
      422,
      'PERIOD_INVALID',
      `The period must be real dates with from on or before to, and at most ${MAX_DAYS} days long (from=${query.from ?? '-'}, to=${query.to ?? '-'}).`,
    );
  }
  if (first < earliest || last > latest) {
    throw new HttpError(
      422,
      'PERIOD_INVALID',
      `The period must lie between ${EARLIEST_DAY} and ${isoDateFromDays(latest)} (a year from today); ask for days in that range (from=${query.from ?? '-'}, to=${query.to ?? '-'}).`,
    );
  }
  return { from: isoDateFromDays(first), to: isoDateFromDays(last) };
}

const definitions = Object.fromEntries(
  Object.entries(INDICATORS).map(([id, d]) => [id, { title: d.title, definition: d.definition }]),
);

/**
 * The network's indicators per facility (issue 16): for the console's side-by-side comparison and,
 * under scope indicators:read, for the ERP's own reporting. Each figure comes from the pure
 * function the stockroom dashboard uses; the definitions travel with the answer.
 */
export function indicatorRoutes(app: SyncApp, context: SyncContext): void {
  const { database } = context;
  const answer = async (
    request: FastifyRequest<{ Querystring: PeriodQuery & { facility?: string } }>,
    webhookOwner?: string,
  ) => {
    const now = new Date();
    const period = periodOf(request.query, now);
    const only = request.query.facility;
    const facilities = await networkIndicators(database.db, period, now, only);
    return {
      period,
      facilities,
      syncLag: await networkSyncLag(
        database.db,
        facilities.map((f) => f.facilityId),
        period,
        now,
      ),
      webhookFailures: await networkWebhookFailures(database.db, period, webhookOwner),
      supplierLeadTimes: await networkSupplierLeadTimes(database.db, period, only),
      definitions,
    };
  };
  app.get(
    '/v1/admin/indicators',
    {
      onRequest: adminOnly(context, 'console.view'),
      schema: {
        tags: ['admin'],
        security: ADMIN_SECURITY,
        summary: "Every facility's headline indicators over a period, side by side",
        querystring: Query,
        response: { 200: Answer, 422: ErrorBody, ...ADMIN_ERRORS },
      },
    },
    (request) => answer(request),
  );
  app.get(
    '/v1/erp/indicators',
    {
      schema: {
        tags: ['erp'],
        summary:
          "Each facility's headline indicators over a period, with their definitions (scope indicators:read)",
        querystring: Query,
        response: { 200: Answer, 401: ErrorBody, 403: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => {
      const key = await authenticateApiKey(database.db, request, 'indicators:read');
      return answer(request, key.id);
    },
  );
}
