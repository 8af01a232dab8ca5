import { describe, expect, it } from 'vitest';
import type { RecallCase } from '../../shared/model';
import {
  advanceRecallCase,
  closingReport,
  flagIssuedLots,
  matchStock,
  openRecallCase,
  type RecallStepInput,
} from '../../shared/recall';
import { CATHETER, balance, event, notice } from '../fixtures/recall/notices';

const Z0421 = notice(); // effective 2026-11-01T09:00:00Z
const TECH = { id: 'USR-TECH', role: 'tech' } as const;
const SUP_A = { id: 'USR-SUP-A', role: 'supervisor' } as const;
const SUP_B = { id: 'USR-SUP-B', role: 'supervisor' } as const;

function run(steps: RecallStepInput[]): RecallCase {
  const opened = openRecallCase({
    id: 'RCS-1',
    facilityId: 'FAC-NORTH',
    noticeId: 'RCL-1',
    at: '2026-11-01T10:00:00Z',
    by: TECH,
  });
  if (!opened.ok) throw new Error(opened.error.code);
  return steps.reduce((rc, s) => {
    const r = advanceRecallCase(rc, s);
    if (!r.ok) throw new Error(`${s.step}: ${r.error.code}`);
    return r.value;
  }, opened.value);
}

const STOCK = [
  balance({
    locationId: 'LOC-A1',
    itemId: 'ITM-1001',
    lotCode: 'ABC123',
    onHand: 40,
    quarantined: 40,
  }),
  balance({
    locationId: 'LOC-B2',
    itemId: 'ITM-1001',
    lotCode: 'ABC123',
    onHand: 5,
    quarantined: 5,
  }),
];
const ISSUES = [
  event({
    type: 'issue',
    occurredAt: '2026-10-20T08:00:00Z',
    lotCode: 'ABC123',
    quantity: 3,
    toLocationId: 'DEPT-ICU',
  }),
  event({
    type: 'issue',
    occurredAt: '2026-10-21T08:00:00Z',
    lotCode: 'ABC123',
    quantity: 2,
    toLocationId: 'DEPT-ICU',
  }),
  event({
    type: 'issue',
    occurredAt: '2026-10-22T08:00:00Z',
    lotCode: 'ABC123',
    quantity: 4,
    toLocationId: 'DEPT-ER',
  }),
  event({
    type: 'issue',
    occurredAt: '2026-11-01T11:00:00Z',
    lotCode: 'ABC123',
    quantity: 1,
    toLocationId: 'DEPT-ER',
  }),
];

const FULL: RecallStepInput[] = [
  { step: 'matched', at: '2026-11-01T10:20:00Z', by: TECH, units: 45 },
  { step: 'located', at: '2026-11-01T10:40:00Z', by: TECH },
  { step: 'quarantined', at: '2026-11-01T12:00:00Z', by: SUP_A, units: 45 },
  { step: 'counted', at: '2026-11-01T12:30:00Z', by: TECH, units: 45 },
  { step: 'acknowledged', at: '2026-11-02T09:00:00Z', by: TECH, note: 'Response form sent' },
  { step: 'disposed', at: '2026-11-05T09:00:00Z', by: SUP_B, units: 45, disposition: 'destroy' },
  { step: 'closed', at: '2026-11-05T10:00:00Z', by: SUP_B },
];

describe('recall closing report', () => {
  const matches = matchStock(Z0421, STOCK, [CATHETER]);
  const [issued] = flagIssuedLots(ISSUES, [Z0421], [CATHETER]);

  it('reports each step, the units, and the response times', () => {
    const r = closingReport(run(FULL), Z0421, matches, issued!);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const report = r.value;
    expect(report.closed).toBe(true);
    expect(report.steps.map((s) => `${s.step} ${s.by}`)).toEqual([
      'received USR-TECH',
      'matched USR-TECH',
      'located USR-TECH',
      'quarantined USR-SUP-A',
      'counted USR-TECH',
      'acknowledged USR-TECH',
      'disposed USR-SUP-B',
      'closed USR-SUP-B',
    ]);
    expect(report.steps[5]!.note).toBe('Response form sent');
    expect(report.skippedSteps).toEqual([]);
    expect(report.disposition).toBe('destroy');
    expect(report.units).toEqual({
      matchedOnHand: 45,
      stillToQuarantine: 0,
      quarantined: 45,
      counted: 45,
      disposed: 45,
    });
    expect(report.responseTimes).toEqual({
      receivedToQuarantinedMs: 2 * 3_600_000,
      receivedToClosedMs: 4 * 86_400_000,
      // The notice took effect at 09:00, an hour before it reached the stockroom.
      effectiveToQuarantinedMs: 3 * 3_600_000,
      effectiveToClosedMs: 4 * 86_400_000 + 3_600_000,
    });
  });

  it('lists units issued before the notice by department, and those issued after it', () => {
    const r = closingReport(run(FULL), Z0421, matches, issued!);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.issuedBeforeNotice).toEqual([
      {
        department: 'DEPT-ER',
        units: 4,
        lots: [{ itemId: 'ITM-1001', lotCode: 'ABC123', units: 4 }],
      },
      {
        department: 'DEPT-ICU',
        units: 5,
        lots: [{ itemId: 'ITM-1001', lotCode: 'ABC123', units: 5 }],
      },
    ]);
    expect(r.value.issuedAfterEffective.map((f) => f.eventId)).toEqual([ISSUES[3]!.id]);
    expect(r.value.outstandingAfterEffective).toBe(1);
    expect(r.value.openPoints).toEqual([
      '1 unit issued after the recall took effect is still out.',
      '9 units issued before the recall are in departments; tell clinical staff.',
    ]);
  });

  it('a case with nothing matched shows its skipped steps and no quarantine time', () => {
    const rc = run([
      { step: 'matched', at: '2026-11-01T10:20:00Z', by: TECH, units: 0 },
      { step: 'acknowledged', at: '2026-11-01T11:00:00Z', by: TECH },
      { step: 'closed', at: '2026-11-01T11:30:00Z', by: SUP_A },
    ]);
    const empty = matchStock(Z0421, [], [CATHETER]);
    const [none] = flagIssuedLots([], [Z0421], [CATHETER]);
    const r = closingReport(rc, Z0421, empty, none!);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.skippedSteps).toEqual(['located', 'quarantined', 'counted', 'disposed']);
    expect(r.value.responseTimes).toEqual({
      receivedToQuarantinedMs: null,
      receivedToClosedMs: 90 * 60_000,
      effectiveToQuarantinedMs: null,
      effectiveToClosedMs: 150 * 60_000,
    });
    expect(r.value.units).toMatchObject({ quarantined: 0, counted: null, disposed: null });
    expect(r.value.openPoints).toEqual([]);
  });

  it('an open case says so, and what is still to quarantine', () => {
    const partial = matchStock(Z0421, [{ ...STOCK[0]!, quarantined: 30 }], [CATHETER]);
    const r = closingReport(run(FULL.slice(0, 2)), Z0421, partial, issued!);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.closed).toBe(false);
    expect(r.value.responseTimes.receivedToClosedMs).toBeNull();
    expect(r.value.openPoints.slice(0, 2)).toEqual([
      'The case is not closed; it stands at "located".',
      '10 units matching the notice had not been quarantined when stock was last matched.',
    ]);
  });

  it('refuses to mix notices', () => {
    const other = notice({ id: 'RCL-2', number: 'Z-0500-2026' });
    const r = closingReport(run(FULL), other, matches, issued!);
    expect(r).toMatchObject({ ok: false, error: { code: 'NOTICE_MISMATCH' } });
  });
});
