import { describe, expect, it } from 'vitest';
import { expiryInstant, rotationExpiry } from '../../console/screens/api-key-expiry';

/** Local instants, as the console's date field and the admin's desk read them. */
const at = (day: string, time = '09:30:00') => new Date(`${day}T${time}`);
const instant = (day: string, time = '00:00:00') => at(day, time).toISOString();

describe('the expiry a rotation starts from', () => {
  const now = at('2026-12-07');

  it('keeps a key that never expired without one', () => {
    const start = rotationExpiry(
      { createdAt: instant('2026-01-01'), rotatedAt: null, expiresAt: null },
      now,
    );
    expect(start.day).toBe('');
    expect(start.why).toMatch(/never expired/);
  });

  it('keeps the day of a key still in its term, the day the admin once typed', () => {
    const typed = '2027-03-01';
    const start = rotationExpiry(
      { createdAt: instant('2026-06-01'), rotatedAt: null, expiresAt: expiryInstant(typed) },
      now,
    );
    expect(start.day).toBe(typed);
  });

  it('moves a key ending later today to tomorrow, the first day a secret may end on', () => {
    const start = rotationExpiry(
      {
        createdAt: instant('2026-06-01'),
        rotatedAt: null,
        expiresAt: instant('2026-12-07', '17:00:00'),
      },
      now,
    );
    expect(start.day).toBe('2026-12-08');
  });

  it('gives an expired key a term as long as its own, from today, counted from its last rotation', () => {
    const start = rotationExpiry(
      {
        createdAt: instant('2025-01-01'),
        rotatedAt: instant('2026-09-01'),
        expiresAt: instant('2026-10-01'),
      },
      now,
    );
    expect(start.day).toBe('2027-01-06');
    expect(start.why).toMatch(/had expired: a term as long as its own \(30 days\)/);
  });
});
