import type { Delivery, RecallNotice, SupplyRequest, User } from '../../shared/model';
import { hashSecret, newSalt } from '../session/credentials';
import type { StockroomDatabase } from '../store/collections';
import { recordEvents } from '../store/ledger-writer';
import {
  DEMO_FACILITY,
  DEMO_ITEMS,
  DEMO_LOCATIONS,
  DEMO_LOTS,
  DEMO_PAR_LEVELS,
} from './demo-catalogue';
import { demoHistory } from './demo-history';
import { demoRequestHistory } from './demo-request-history';
import { addDays } from './demo-labels';
import { DEMO_PEOPLE } from './demo-people';

export const SEEDED_FLAG = 'demo-seeded';
const HISTORY_FLAG = 'demo-history-seeded';

/**
 * Months of past movements for the demo facility, on lots of their own that end at zero: the
 * figures have a past while today's shelves stay the opening stock. About a thousand events,
 * written once during start-up; a run cut short is finished on the next start (the ids are fixed,
 * so nothing is written twice).
 */
export async function seedDemoHistory(db: StockroomDatabase, today: string): Promise<void> {
  if (!(await db.getLocal(SEEDED_FLAG)) || (await db.getLocal(HISTORY_FLAG))) return;
  const history = demoHistory(today);
  const present = new Set(
    (await db.stock_events.findByIds(history.map((e) => e.id)).exec()).keys(),
  );
  await db.stock_events.bulkInsert(history.filter((e) => !present.has(e.id)));
  const requests = demoRequestHistory(today);
  const known = new Set(
    (await db.supply_requests.findByIds(requests.map((r) => r.id)).exec()).keys(),
  );
  await db.supply_requests.bulkInsert(requests.filter((r) => !known.has(r.id)));
  await db.upsertLocal(HISTORY_FLAG, { at: today });
}

async function demoUsers(): Promise<User[]> {
  return Promise.all(
    DEMO_PEOPLE.map(async (person) => {
      const salt = newSalt();
      return {
        id: person.id,
        name: person.name,
        email: person.email,
        role: person.role,
        facilityIds: [DEMO_FACILITY],
        badgeHash: await hashSecret(person.badge, salt),
        pinHash: await hashSecret(person.pin, salt),
        salt,
        active: true,
      };
    }),
  );
}

function demoRecall(today: string): RecallNotice {
  return {
    id: 'RCL-DEMO-1',
    number: 'Z-0917-2026',
    title: 'Foley catheter 16 Fr: balloon may not deflate',
    class: 'I',
    source: 'Uroline (manufacturer) / FDA',
    issuedAt: `${addDays(today, -2)}T08:00:00Z`,
    effectiveAt: `${addDays(today, -2)}T08:00:00Z`,
    status: 'open',
    gtins: ['10885403987649'],
    hibccCodes: [],
    itemIds: [],
    catalogNumbers: ['FC-16S'],
    allLots: false,
    lotCodes: ['FC2409A'],
    lotRanges: [],
    serials: [],
    instructions:
      'Stop use immediately. Quarantine every unit of lot FC2409A, count it, and return it to Uroline with the return authorisation. Tell wards that received the lot.',
  };
}

function demoDelivery(today: string): Delivery {
  return {
    id: 'PO-4471',
    facilityId: DEMO_FACILITY,
    supplier: 'Meridian Vascular',
    expectedAt: `${today}T14:00:00Z`,
    lines: [
      { itemId: 'ITM-1001', quantity: 100, lotCode: 'IVC2612C' },
      { itemId: 'ITM-1006', quantity: 120 },
    ],
    status: 'expected',
  };
}

function demoUrgentRequest(now: Date): SupplyRequest {
  const at = new Date(now.getTime() - 45 * 60_000).toISOString();
  return {
    id: 'REQ-DEMO-URG-1',
    facilityId: DEMO_FACILITY,
    kind: 'urgent',
    priority: 'stat',
    locationId: 'DEP-ICU',
    neededBy: new Date(now.getTime() + 60 * 60_000).toISOString(),
    reason: 'Two central lines placed this shift; no CVC kits left on the unit.',
    lines: [{ itemId: 'ITM-2001', quantity: 2 }],
    status: 'submitted',
    history: [
      { status: 'draft', at, by: 'USR-NOAH' },
      { status: 'submitted', at, by: 'USR-NOAH' },
    ],
    createdBy: 'USR-NOAH',
    createdAt: at,
  };
}

/**
 * First run with no central endpoint: a demo facility so every screen shows something real. Runs
 * once per database (a local flag), and never when the store already holds items.
 */
export async function seedDemoFacility(
  db: StockroomDatabase,
  options: { deviceId: string; now: Date; today: string },
): Promise<boolean> {
  if (await db.getLocal(SEEDED_FLAG)) return false;
  if ((await db.items.count().exec()) > 0) return false;
  await db.items.bulkInsert(DEMO_ITEMS);
  await db.locations.bulkInsert(DEMO_LOCATIONS);
  await db.par_levels.bulkInsert(DEMO_PAR_LEVELS);
  await db.users.bulkInsert(await demoUsers());
  await db.recall_notices.insert(demoRecall(options.today));
  await db.deliveries.insert(demoDelivery(options.today));
  await db.supply_requests.insert(demoUrgentRequest(options.now));
  const receipts = DEMO_LOTS.map((lot) => ({
    type: 'receive' as const,
    itemId: lot.itemId,
    lotCode: lot.lotCode,
    expiry: addDays(options.today, lot.expiresInDays),
    locationId: lot.locationId,
    quantity: lot.quantity,
    note: 'Opening stock (demo)',
  }));
  const written = await recordEvents(
    db,
    {
      facilityId: DEMO_FACILITY,
      deviceId: options.deviceId,
      actorId: 'USR-ALEX',
      now: () => new Date(options.now.getTime() - 7 * 86_400_000),
      today: options.today,
    },
    receipts,
  );
  if (!written.ok) throw new Error(`demo seed rejected: ${written.problems[0]?.message ?? ''}`);
  await db.upsertLocal(SEEDED_FLAG, { at: options.now.toISOString() });
  return true;
}
