import { afterEach, describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '../../shared/barcode/gs1-check-digit';
import { hibccCheckCharacter } from '../../shared/barcode/hibcc-check';
import { isExpired, daysUntilExpiry } from '../../shared/inventory/expiry';
import { DEMO_ITEMS, DEMO_LOTS } from '../../renderer/seed/demo-catalogue';
import { demoLabels } from '../../renderer/seed/demo-labels';
import { DEMO_PEOPLE } from '../../renderer/seed/demo-people';
import { seedDemoFacility } from '../../renderer/seed/seed-demo';
import { signInWithBadge, signInWithPin } from '../../renderer/session/sign-in';
import type { StockroomDatabase } from '../../renderer/store/collections';
import { ROLES } from '../../shared/model';
import { openTestStore } from './store-test-db';

const dbs: StockroomDatabase[] = [];
afterEach(async () => {
  while (dbs.length > 0) await dbs.pop()!.close();
});
const today = '2026-11-23';
const now = new Date('2026-11-23T09:00:00Z');

describe('the demo facility', () => {
  it('uses GTINs with correct check digits and HIBCC labels with correct mod-43 characters', () => {
    const gtins = DEMO_ITEMS.flatMap((i) => i.gtins);
    expect(gtins.length).toBeGreaterThan(5);
    for (const gtin of gtins) expect(hasValidCheckDigit(gtin), gtin).toBe(true);
    const hibcc = demoLabels(today).filter((l) => l.scan.startsWith('+'));
    expect(hibcc.length).toBeGreaterThan(1);
    for (const { scan } of hibcc) expect(hibccCheckCharacter(scan.slice(0, -1))).toBe(scan.at(-1));
  });

  it('has expired lots and lots in each of the 30/60/90 day bands, and a user for every role', () => {
    const days = DEMO_LOTS.map((l) => l.expiresInDays);
    expect(days.some((d) => d < 0)).toBe(true);
    for (const [from, to] of [
      [0, 30],
      [31, 60],
      [61, 90],
    ] as const) {
      expect(
        days.some((d) => d >= from && d <= to),
        `${from}-${to}`,
      ).toBe(true);
    }
    for (const role of ROLES) expect(DEMO_PEOPLE.some((p) => p.role === role)).toBe(true);
  });

  it('seeds once, with on-hand balances, a recall matching a stocked lot, and working sign-ins', async () => {
    const db = await openTestStore();
    dbs.push(db);
    expect(await seedDemoFacility(db, { deviceId: 'web-seed', now, today })).toBe(true);
    expect(await seedDemoFacility(db, { deviceId: 'web-seed', now, today })).toBe(false);
    expect(await db.items.count().exec()).toBe(DEMO_ITEMS.length);
    expect(await db.balances.count().exec()).toBe(DEMO_LOTS.length);
    const foley = await db.balances.findOne('LOC-A3|ITM-1005|FC2409A').exec();
    expect(foley?.onHand).toBe(18);
    const gauze = await db.balances.findOne('LOC-A2|ITM-1003|GZ0917').exec();
    expect(isExpired(gauze?.expiry, today)).toBe(true);
    expect(daysUntilExpiry(gauze?.expiry, today)).toBe(-12);
    const notice = await db.recall_notices.findOne('RCL-DEMO-1').exec();
    expect(notice?.lotCodes).toContain(foley?.lotCode);

    const users = (await db.users.find().exec()).map((u) => u.toMutableJSON());
    const tess = DEMO_PEOPLE[0]!;
    expect(await signInWithBadge(users, tess.badge, 'FAC-DEMO')).toMatchObject({
      ok: true,
      user: { id: tess.id, name: tess.name, role: 'tech' },
    });
    const sam = users.find((u) => u.id === 'USR-SAM')!;
    expect((await signInWithPin(sam, '333333', 'FAC-DEMO')).ok).toBe(true);
    expect(await signInWithPin(sam, '3334', 'FAC-DEMO')).toMatchObject({
      ok: false,
      error: { code: 'pin-wrong' },
    });
    expect(await signInWithBadge(users, 'SRB-999999', 'FAC-DEMO')).toMatchObject({
      ok: false,
      error: { code: 'badge-unknown' },
    });
    expect(await signInWithPin(sam, '333333', 'FAC-OTHER')).toMatchObject({
      ok: false,
      error: { code: 'not-at-facility' },
    });
    // Ten Argon2id verifiers to make and several to check (about 0.15 s each, more under load).
  }, 60_000);
});
