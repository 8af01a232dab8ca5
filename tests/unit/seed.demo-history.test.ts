import { describe, expect, it } from 'vitest';
import { foldLedger } from '../../shared/inventory';
import { countAccuracy, expiryWasteByMonth, fillRate, stockouts } from '../../shared/indicators';
import { documentValidator } from '../../shared/model';
import { demoHistory } from '../../renderer/seed/demo-history';
import { demoRequestHistory } from '../../renderer/seed/demo-request-history';

describe("the demo facility's past", () => {
  const events = demoHistory('2026-12-03');

  it('is months of movements that leave every past lot at zero, with nothing for the ledger to flag', () => {
    expect(events.length).toBeGreaterThan(500);
    const fold = foldLedger(events);
    expect(
      [...fold.balances.values()].filter((b) => b.onHand !== 0 || b.quarantined !== 0),
    ).toEqual([]);
    expect(fold.anomalies).toEqual([]);
    expect(events.every((e) => e.lotCode.startsWith('HX'))).toBe(true);
    // The past ends a week ago, but for the one unusual day the usage flags show (its own lot).
    expect(
      events
        .filter((e) => e.lotCode !== 'HXSPIKE')
        .map((e) => e.occurredAt)
        .sort()
        .at(-1)! < '2026-11-26',
    ).toBe(true);
    expect(
      events.filter((e) => e.occurredAt >= '2026-11-26').map((e) => [e.type, e.lotCode]),
    ).toEqual([
      ['receive', 'HXSPIKE'],
      ['issue', 'HXSPIKE'],
    ]);
  });

  it('gives the figures something to say', () => {
    const period = { from: '2026-08-01', to: '2026-11-30' };
    const accuracy = countAccuracy(events, period);
    expect(accuracy.counts).toBeGreaterThan(20);
    expect(accuracy.accuracy).toBeGreaterThan(0.5);
    expect(accuracy.accuracy).toBeLessThan(1);
    expect(expiryWasteByMonth(events, () => 1, period).length).toBeGreaterThan(1);
    expect(stockouts(events, period).byDay.length).toBe(122);
  });

  it('is the same on every first run', () => {
    expect(demoHistory('2026-12-03')).toEqual(events);
  });
});

describe('the demo past of requests', () => {
  it('takes every request through the machine to received, with a short first delivery now and then', () => {
    const requests = demoRequestHistory('2026-12-03');
    expect(requests.length).toBeGreaterThan(20);
    for (const r of requests) {
      expect(documentValidator('supply_requests').validate(r).ok, r.id).toBe(true);
      expect(r.status).toBe('received');
    }
    const fill = fillRate(requests, { from: '2026-07-01', to: '2026-12-03' });
    expect(fill.lineRate).toBeGreaterThan(0.6);
    expect(fill.lineRate).toBeLessThan(1);
    expect(demoRequestHistory('2026-12-03')).toEqual(requests);
  });
});
