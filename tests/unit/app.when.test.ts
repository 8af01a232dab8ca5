import { describe, expect, it } from 'vitest';
import { when } from '../../renderer/app/when';

describe('a moment on the screen', () => {
  it("reads as the app's ISO date and a 24-hour time, in this PC's time zone", () => {
    expect(when(new Date(2026, 11, 6, 20, 59, 30).toISOString())).toBe('2026-12-06 20:59');
    expect(when(new Date(2027, 0, 2, 7, 5).toISOString())).toBe('2027-01-02 07:05');
  });

  it('shows text that is no moment as it came, rather than "Invalid Date"', () => {
    expect(when('soon')).toBe('soon');
  });
});
