import { describe, expect, it } from 'vitest';
import {
  encodeDigitalLink,
  encodeGs1ElementString,
  encodeHibccPrimary,
  encodeIsbt128,
} from '../../shared/barcode';
import { stockLabelWords } from '../../shared/barcode/stock-label';
import { hashSecret } from '../../renderer/session/credentials';
import { attemptBadgeSignIn } from '../../renderer/session/sign-in-attempt';
import { verifyStepUp } from '../../renderer/session/step-up';
import type { User } from '../../shared/model';
import { openTestStore } from './store-test-db';
import { addTestUsers, badgeOf, pinOf } from './store-test-users';

const today = '2026-12-07';
const now = new Date('2026-12-07T03:00:00Z');
const place = { facilityId: 'FAC-DEMO', deviceId: 'web-test' };
const GS = '\u001d';

const productLabel = encodeGs1ElementString([
  { ai: '01', value: '09504000059101' },
  { ai: '17', value: '271231' },
  { ai: '10', value: 'LOT42' },
]);

describe('a label on stock scanned at the sign-in prompt', () => {
  it('is named for what it is: a trade item, a shipping unit, HIBCC, ISBT 128, a Digital Link', () => {
    expect(stockLabelWords(productLabel, today)).toBe(
      'a product label (GTIN 09504000059101, lot LOT42)',
    );
    expect(stockLabelWords(`]C1${productLabel}`, today)).toBe(
      'a product label (GTIN 09504000059101, lot LOT42)',
    );
    expect(stockLabelWords('00095040000000000011', today)).toBe(
      'a shipping label (SSCC 095040000000000011)',
    );
    expect(
      stockLabelWords(
        encodeDigitalLink('https://id.example.com', [{ ai: '01', value: '09504000059101' }]),
        today,
      ),
    ).toBe('a product label (GTIN 09504000059101)');
    expect(
      stockLabelWords(
        encodeHibccPrimary({ lic: 'A123', product: 'PROD1', unitOfMeasure: 1 }),
        today,
      ),
    ).toBe('a product label (HIBCC)');
    expect(stockLabelWords(encodeIsbt128({ din: 'A999926123456' }), today)).toBe(
      'a blood product label (ISBT 128)',
    );
  });

  it('is never a badge that could be one: plain digits of any length, a GSRN, text the parser does not read', () => {
    for (const badge of [
      '09504000059101', // a GTIN's length and check digit: a badge number may look like one
      '4006381333931',
      '12345678',
      `8018095040000000000012`, // GS1 GSRN: a person's service relation, as GS1 badges carry
      'B-USR-TECH',
      'BADGE-0001',
      `ABC${GS}123`,
      '',
    ]) {
      expect(stockLabelWords(badge, today), badge).toBeUndefined();
    }
  });

  it('signs nobody in and is not audited, even where a verifier would match its text', async () => {
    const db = await openTestStore();
    try {
      await addTestUsers(db, 'FAC-DEMO');
      // A person whose badge hash was made from the label's text: the label is still refused
      // before any verifier is tried.
      const salt = 'dGVzdC1zYWx0LTEyMzQ=';
      const tech = (await db.users.findOne('USR-TECH').exec())!.toMutableJSON() as User;
      await db.users.upsert({
        ...tech,
        badgeHash: await hashSecret(productLabel, salt, { m: 64, t: 1, p: 1 }),
      });
      const users = (await db.users.find().exec()).map((u) => u.toMutableJSON() as User);

      expect(await attemptBadgeSignIn(db, users, productLabel, place, now)).toEqual({
        ok: false,
        error: {
          code: 'not-a-badge',
          message:
            'That was a product label (GTIN 09504000059101, lot LOT42), not a badge. Scan your badge, or choose your name and enter your PIN.',
        },
      });
      expect(await db.sign_in_events.count().exec()).toBe(0);
      // A badge still signs in as before.
      expect(await attemptBadgeSignIn(db, users, badgeOf('USR-SUP'), place, now)).toMatchObject({
        ok: true,
        user: { id: 'USR-SUP' },
      });

      const stepUp = await verifyStepUp(
        users,
        { badge: productLabel, pin: pinOf('USR-TECH') },
        'FAC-DEMO',
        {
          db,
          place,
          now,
        },
      );
      expect(stepUp).toEqual({
        ok: false,
        error: {
          code: 'STEP_UP_BADGE_UNKNOWN',
          message:
            'That was a product label (GTIN 09504000059101, lot LOT42), not a badge. The second person scans their own badge.',
        },
      });
      expect(await db.sign_in_events.count().exec()).toBe(1); // the supervisor's sign-in only
    } finally {
      await db.close();
    }
  });
});
