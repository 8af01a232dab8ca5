import Type from 'typebox';
import { sql } from 'kysely';
import { Id } from '../../shared/model';
import type { Item, Location } from '../../shared/model';
import { networkStock } from '../console/network-stock';
import { catchUpCentreBalances } from '../store/centre-balances';
import type { SyncApp, SyncContext } from '../context';
import { ADMIN_ERRORS, ADMIN_SECURITY, adminOnly } from './admin-guard';
import { requireFacility } from './known-facility';

const Named = {
  locationId: Type.String(),
  itemId: Type.String(),
  itemName: Type.Union([Type.String(), Type.Null()], {
    description: 'From the item master; null for an item it does not hold',
  }),
  locationName: Type.Union([Type.String(), Type.Null()], {
    description: "From the facility's locations; null for a location the centre does not hold",
  }),
};
const Answer = Type.Object({
  facilityId: Type.String(),
  asOf: Type.String({ description: 'The balances include every event accepted before this' }),
  stockouts: Type.Array(Type.Object(Named), {
    description: 'Item-locations with nothing available and usage in the last 30 days',
  }),
  risks: Type.Array(
    Type.Object({
      ...Named,
      available: Type.Number(),
      dailyUsage: Type.Number(),
      daysOfCover: Type.Number(),
      leadTimeDays: Type.Number(),
    }),
    { description: 'Fewer days of cover than the par level’s lead time, the shortest first' },
  ),
  expiring: Type.Array(
    Type.Object({
      ...Named,
      lotCode: Type.String(),
      expiry: Type.String(),
      daysLeft: Type.Integer(),
      onHand: Type.Number(),
      value: Type.Number(),
    }),
    { description: 'Lots on hand that expire within 90 days or have expired, the soonest first' },
  ),
});

/**
 * The records behind one facility's "now" stock figures on the console's Indicators screen: which
 * item-locations are out, which will run out before an order arrives, which lots expire. From the
 * same balances projection and the same functions as the figures themselves.
 */
export function indicatorStockRoutes(app: SyncApp, context: SyncContext): void {
  const { db } = context.database;
  app.get(
    '/v1/admin/indicators/stock',
    {
      onRequest: adminOnly(context, 'console.view'),
      schema: {
        tags: ['admin'],
        security: ADMIN_SECURITY,
        summary:
          "One facility's stock now: the records behind its stockout, risk and expiry figures",
        querystring: Type.Object({ facility: Id('The facility') }),
        response: { 200: Answer, ...ADMIN_ERRORS },
      },
    },
    async (request) => {
      const facilityId = request.query.facility;
      await requireFacility(db, facilityId);
      const items = await db
        .selectFrom('documents')
        .select('doc')
        .where('collection', '=', 'items')
        .where('deleted', '=', false)
        .execute();
      const master = new Map(
        items.map((row) => {
          const item = row.doc as unknown as Item;
          return [item.id, item];
        }),
      );
      const places = await db
        .selectFrom('documents')
        .select('doc')
        .where('collection', '=', 'locations')
        .where('deleted', '=', false)
        .where(sql<boolean>`doc->>'facilityId' = ${facilityId}`)
        .execute();
      const locations = new Map(
        places.map((row) => {
          const location = row.doc as unknown as Location;
          return [location.id, location.name];
        }),
      );
      const now = new Date();
      await catchUpCentreBalances(db, now);
      const records = (
        await networkStock(db, [facilityId], (id) => master.get(id)?.unitCost, now, facilityId)
      ).get(facilityId);
      const named = <T extends { itemId: string; locationId: string }>(row: T) => ({
        ...row,
        itemName: master.get(row.itemId)?.name ?? null,
        locationName: locations.get(row.locationId) ?? null,
      });
      return {
        facilityId,
        asOf: now.toISOString(),
        stockouts: (records?.atZero ?? []).map(named),
        risks: (records?.risks ?? []).map(named),
        expiring: (records?.expiry.lots ?? []).map(named),
      };
    },
  );
}
