import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../shared/inventory/calendar';
import { explanationNaming, robustScale, usageAnomalies } from '../../shared/indicators';
import type { StockEvent } from '../../shared/model';
import { scoreFlags, usageWithAnomalies } from '../fixtures/indicators/usage-with-anomalies';

const issue = (date: string, quantity: number, actorId = 'USR-A'): StockEvent => ({
  id: `${date}-${actorId}-${quantity}`,
  facilityId: 'FAC-1',
  deviceId: 'PC-1',
  deviceSeq: 1,
  actorId,
  occurredAt: `${date}T10:00:00Z`,
  type: 'issue',
  itemId: 'ITM-1',
  lotCode: 'L1',
  locationId: 'LOC-1',
  toLocationId: 'DEPT-ICU',
  quantity,
});

describe('usage anomaly flags', () => {
  // Twelve Tuesdays of 6 to 14, then 48.
  const usual = [6, 9, 9, 10, 8, 14, 9, 11, 7, 9, 12, 8];
  const events = usual.map((n, week) =>
    issue(
      `2026-${['09-01', '09-08', '09-15', '09-22', '09-29', '10-06', '10-13', '10-20', '10-27', '11-03', '11-10', '11-17'][week]}`,
      n,
    ),
  );
  const day = parseIsoDate('2026-11-24')!;

  it('flags a day far above the same weekday, and says so in words', () => {
    const flags = usageAnomalies([...events, issue('2026-11-24', 48)], { from: day, to: day });
    const place = flags.find((f) => f.kind === 'item-location')!;
    expect(place).toMatchObject({ date: '2026-11-24', used: 48, median: 9, mad: 1 });
    // A MAD of 1 over counts near 9 is luck: the spread is floored at counting noise.
    expect(place.explanation).toBe(
      'issued 48 on 2026-11-24; a typical Tuesday is 7–12 (median 9, MAD 1, spread taken as 2.0); 19.3 MADs above',
    );
  });

  it('does not flag a usual day', () => {
    expect(usageAnomalies([...events, issue('2026-11-24', 12)], { from: day, to: day })).toEqual(
      [],
    );
  });

  it('gives sparse items a spread of their own instead of dividing by a MAD of zero', () => {
    expect(robustScale([0, 0, 0, 0, 0, 0, 1, 0], 0)).toBe(1);
    expect(robustScale([0, 0, 0, 0, 0, 0, 16, 0], 0)).toBe(2);
    expect(robustScale([1, 5, 9, 9, 9, 13, 17, 20], 9)).toBe(4);
    expect(robustScale([100, 90, 110, 100, 95, 105, 100, 100], 100)).toBeCloseTo(6.745, 3);
  });

  it('flags one person removing what they never take', () => {
    const flags = usageAnomalies(
      [...events, issue('2026-11-24', 9), issue('2026-11-24', 12, 'USR-Z')],
      { from: day, to: day },
    );
    expect(flags.map((f) => [f.kind, f.actorId])).toContainEqual(['person', 'USR-Z']);
  });

  it('finds most injected anomalies, with few false flags, on a generated year', () => {
    const data = usageWithAnomalies({
      seed: 7,
      itemLocations: 60,
      days: 365,
      firstDay: parseIsoDate('2025-12-01')!,
    });
    const score = scoreFlags(usageAnomalies(data.events, data.judged), data.injected);
    expect(score.anomalies).toBeGreaterThan(20);
    expect(score.recall).toBeGreaterThan(0.9);
    expect(score.precision).toBeGreaterThan(0.85);
  });
});

describe('a flag in words at the screen', () => {
  it("names the person whose removals it flags, and leaves a place's flag as it is", () => {
    const nameOf = (id: string) => (id === 'USR-ALEX' ? 'Alex Kim' : id);
    const person = {
      actorId: 'USR-ALEX',
      explanation: 'USR-ALEX issued 112 on 2026-12-04; a typical Friday is 2–9 (median 5, MAD 2)',
    };
    expect(explanationNaming(person, nameOf)).toBe(
      'Alex Kim issued 112 on 2026-12-04; a typical Friday is 2–9 (median 5, MAD 2)',
    );
    const place = { explanation: 'issued 48 on 2026-12-04; a typical Friday is 6–14' };
    expect(explanationNaming(place, nameOf)).toBe(place.explanation);
    // Worded elsewhere than this module words it: shown as it came.
    expect(explanationNaming({ ...person, explanation: 'odd words' }, nameOf)).toBe('odd words');
  });
});
