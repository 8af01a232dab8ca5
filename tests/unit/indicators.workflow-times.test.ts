import { describe, expect, it } from 'vitest';
import {
  acknowledgementTimes,
  orderCycleTimes,
  recallResponse,
  stockoutRisks,
  type Period,
} from '../../shared/indicators';
import type { RecallCase, StockEvent, SupplyRequest } from '../../shared/model';

const NOVEMBER: Period = { from: '2026-11-01', to: '2026-11-30' };

function recallCase(id: string, noticeId: string, steps: [string, string, number?][]): RecallCase {
  return {
    id,
    facilityId: 'FAC-1',
    noticeId,
    step: steps.at(-1)![0] as RecallCase['step'],
    history: steps.map(([step, at, units]) => ({
      step: step as RecallCase['step'],
      at,
      by: 'USR-1',
      ...(units !== undefined ? { units } : {}),
    })),
    quarantinedUnits: 0,
  };
}

describe('recall response time', () => {
  const notices = [
    { id: 'RCL-I', class: 'I' as const },
    { id: 'RCL-II', class: 'II' as const },
  ];

  it('runs from the notice reaching the facility to all matched units quarantined, and to closing', () => {
    const cases = [
      recallCase('C1', 'RCL-I', [
        ['received', '2026-11-02T08:00:00Z'],
        ['matched', '2026-11-02T08:30:00Z', 10],
        // Part of the stock first: not yet all of it.
        ['quarantined', '2026-11-02T09:00:00Z', 4],
        ['quarantined', '2026-11-02T10:00:00Z', 10],
        ['closed', '2026-11-03T08:00:00Z'],
      ]),
      recallCase('C2', 'RCL-I', [
        ['received', '2026-11-05T08:00:00Z'],
        ['matched', '2026-11-05T08:10:00Z', 3],
        ['quarantined', '2026-11-05T12:00:00Z', 3],
      ]),
      // Nothing matched: in quarantine as soon as it was matched.
      recallCase('C3', 'RCL-II', [
        ['received', '2026-11-06T08:00:00Z'],
        ['matched', '2026-11-06T09:00:00Z', 0],
      ]),
      // Received before the period: not counted.
      recallCase('C4', 'RCL-I', [['received', '2026-10-30T08:00:00Z']]),
    ];
    const result = recallResponse(cases, notices, NOVEMBER);
    expect(result.cases.map((c) => [c.caseId, c.hoursToQuarantined, c.hoursToClosed])).toEqual([
      ['C1', 2, 24],
      ['C2', 4, null],
      ['C3', 1, null],
    ]);
    const classI = result.byClass.find((c) => c.recallClass === 'I')!;
    expect(classI.toQuarantined).toEqual({ count: 2, median: 2, p90: 4 });
    expect(classI.toClosed).toEqual({ count: 1, median: 24, p90: 24 });
  });
});

function request(
  id: string,
  priority: SupplyRequest['priority'],
  steps: [string, string][],
  kind: SupplyRequest['kind'] = 'urgent',
): SupplyRequest {
  return {
    id,
    facilityId: 'FAC-1',
    kind,
    priority,
    locationId: 'LOC-1',
    lines: [{ itemId: 'ITM-1', quantity: 1 }],
    status: steps.at(-1)![0] as SupplyRequest['status'],
    history: steps.map(([status, at]) => ({
      status: status as SupplyRequest['status'],
      at,
      by: 'USR-1',
    })),
    createdBy: 'USR-1',
    createdAt: steps[0]![1],
  };
}

describe('request times', () => {
  const requests = [
    request('R1', 'stat', [
      ['submitted', '2026-11-02T08:00:00Z'],
      ['approved', '2026-11-02T08:10:00Z'],
      ['received', '2026-11-02T10:00:00Z'],
    ]),
    request('R2', 'stat', [['submitted', '2026-11-02T09:00:00Z']]),
    request(
      'R3',
      'routine',
      [
        ['submitted', '2026-11-01T08:00:00Z'],
        ['received', '2026-11-04T08:00:00Z'],
      ],
      'replenishment',
    ),
  ];

  it('order cycle time: submitted → received, per priority', () => {
    const result = orderCycleTimes(requests, NOVEMBER);
    expect(result.requests.map((r) => [r.requestId, r.hours])).toEqual([
      ['R1', 2],
      ['R3', 72],
    ]);
    expect(result.byPriority.find((p) => p.priority === 'stat')!.hours.median).toBe(2);
  });

  it('time to acknowledge urgent requests, and the ones still waiting past their target are late', () => {
    const result = acknowledgementTimes(requests, { stat: 15 }, NOVEMBER, '2026-11-02T09:30:00Z');
    expect(result.requests).toEqual([
      { requestId: 'R1', priority: 'stat', minutes: 10, targetMinutes: 15, late: false },
      { requestId: 'R2', priority: 'stat', minutes: null, targetMinutes: 15, late: true },
    ]);
    expect(result.late).toBe(1);
  });
});

describe('stockout risk', () => {
  it('names item-locations whose days of cover are below the lead time', () => {
    const issue = (day: string, quantity: number): StockEvent => ({
      id: `I-${day}`,
      facilityId: 'FAC-1',
      deviceId: 'PC-1',
      deviceSeq: 1,
      actorId: 'USR-1',
      occurredAt: `${day}T08:00:00Z`,
      type: 'issue',
      itemId: 'ITM-1',
      lotCode: 'L1',
      locationId: 'LOC-1',
      toLocationId: 'DEPT-ICU',
      quantity,
    });
    const balance = {
      locationId: 'LOC-1',
      itemId: 'ITM-1',
      lotCode: 'L1',
      onHand: 12,
      quarantined: 2,
      lastEventId: 'x',
      lastOccurredAt: 'x',
    };
    // 60 used in 30 days: 2 a day, so 10 available last 5 days.
    const events = [issue('2026-11-10', 30), issue('2026-11-20', 30)];
    const risks = stockoutRisks(
      [balance],
      events,
      [
        { locationId: 'LOC-1', itemId: 'ITM-1', leadTimeDays: 7 },
        { locationId: 'LOC-2', itemId: 'ITM-1', leadTimeDays: 7 },
      ],
      '2026-11-25',
    );
    expect(risks).toEqual([
      {
        locationId: 'LOC-1',
        itemId: 'ITM-1',
        available: 10,
        dailyUsage: 2,
        daysOfCover: 5,
        leadTimeDays: 7,
      },
    ]);
    const longer = stockoutRisks(
      [balance],
      events,
      [{ locationId: 'LOC-1', itemId: 'ITM-1', leadTimeDays: 4 }],
      '2026-11-25',
    );
    expect(longer).toEqual([]);
  });
});
