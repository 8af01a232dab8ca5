import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysFromCivil,
  daysUntilExpiry,
  expiryBand,
  isExpired,
  isoDateFromDays,
  parseIsoDate,
  parseIsoDateTime,
} from '../../shared/inventory';
import { EXPIRY_BAND_VECTORS } from '../fixtures/inventory/expiry-band-vectors';

describe('expiry bands', () => {
  it.each(EXPIRY_BAND_VECTORS)('%s on %s: %s days, %s', (expiry, today, days, band) => {
    expect(daysUntilExpiry(expiry, today)).toBe(days);
    expect(expiryBand(expiry, today)).toBe(band);
    expect(isExpired(expiry, today)).toBe(band === 'expired');
  });

  it('takes the facility windows in place of 30/60/90', () => {
    const windows = [7, 14, 30] as const;
    expect(expiryBand('2026-11-09', '2026-11-02', windows)).toBe('expiring-30');
    expect(expiryBand('2026-11-10', '2026-11-02', windows)).toBe('expiring-60');
    expect(expiryBand('2026-12-02', '2026-11-02', windows)).toBe('expiring-90');
    expect(expiryBand('2026-12-03', '2026-11-02', windows)).toBe('ok');
    expect(() => expiryBand('2026-12-03', '2026-11-02', [30, 30, 90])).toThrow(RangeError);
  });

  it('treats a label date that is not a real date as expired, so it blocks instead of freeing', () => {
    expect(expiryBand('2027-02-29', '2026-11-02')).toBe('expired');
    expect(isExpired('31/12/2027', '2026-11-02')).toBe(true);
    expect(daysUntilExpiry('2027-13-01', '2026-11-02')).toBeUndefined();
  });

  it('refuses a `today` that is not a date: that is a bug in the caller', () => {
    expect(() => expiryBand(undefined, '2026-11-31')).toThrow(RangeError);
    expect(() => daysUntilExpiry('2027-01-01', 'today')).toThrow(RangeError);
  });
});

describe('calendar arithmetic', () => {
  it('agrees with the platform calendar for every day from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 84_000 }), (days) => {
        const text = new Date(days * 86_400_000).toISOString().slice(0, 10);
        expect(isoDateFromDays(days)).toBe(text);
        expect(parseIsoDate(text)).toBe(days);
      }),
    );
  });

  it('gets years before 100 right, where Date.UTC would not', () => {
    expect(isoDateFromDays(daysFromCivil(50, 3, 1))).toBe('0050-03-01');
    expect(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28)).toBe(2);
  });

  it('refuses impossible dates instead of rolling them over', () => {
    for (const bad of ['2026-02-29', '2026-04-31', '2026-00-10', '2026-1-01', '2026-01-01T00:00']) {
      expect(parseIsoDate(bad), bad).toBeUndefined();
    }
  });

  it('reads instants with their offset', () => {
    expect(parseIsoDateTime('2026-11-02T08:15:00.000+01:00')).toBe(Date.UTC(2026, 10, 2, 7, 15));
    expect(parseIsoDateTime('2026-11-02T07:15:00Z')).toBe(Date.UTC(2026, 10, 2, 7, 15));
    expect(parseIsoDateTime('2026-11-01T23:45:00.5-08:30')).toBe(
      Date.UTC(2026, 10, 2, 8, 15, 0, 500),
    );
    expect(parseIsoDateTime('2026-11-02T08:15:00')).toBeUndefined();
    expect(parseIsoDateTime('2026-02-30T08:15:00Z')).toBeUndefined();
  });
});
