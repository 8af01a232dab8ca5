import { describe, expect, it } from 'vitest';
import type { StockEvent } from '../../shared/model';
import type { PcSnapshot } from '../chaos/pc-protocol';
import { prng } from '../chaos/prng';
import { failed, verify, type Evidence } from '../chaos/verify';
import { makePlan, materialise } from '../chaos/workload';

function world(seed: number) {
  const plan = makePlan(prng(seed).fork('plan'), seed, 4, 120);
  const created = new Map<string, StockEvent>();
  for (const device of plan.devices) {
    for (const draft of device.eventsByRound.flat()) {
      const event = materialise(device, draft);
      created.set(event.id, event);
    }
  }
  return { plan, created };
}

/** The evidence of a perfect run: the centre and every PC hold exactly what was made. */
function perfect(seed: number): Evidence {
  const { plan, created } = world(seed);
  const all = [...created.values()];
  const snapshot = (facilityId: string): PcSnapshot => {
    const events = all.filter((e) => e.facilityId === facilityId);
    return { eventCount: events.length, events, requests: [], waiting: 0, phase: 'online' };
  };
  return {
    created,
    centre: all,
    centreRequests: new Map(plan.facilities.map((f) => [f, []])),
    health: new Map(plan.facilities.map((f) => [f, { gaps: 0, alarms: 0 }])),
    substitutions: { proposed: new Set(), decided: new Set() },
    pcs: plan.devices.map((d) => ({
      name: d.name,
      facilityId: d.facilityId,
      snapshot: snapshot(d.facilityId),
    })),
  };
}

describe('chaos harness', () => {
  it('the same seed plans the same run; another seed another one', () => {
    const a = world(7);
    const b = world(7);
    expect([...a.created.values()]).toEqual([...b.created.values()]);
    expect(a.plan.serverKillRounds).toEqual(b.plan.serverKillRounds);
    expect(a.plan.clientKills).toEqual(b.plan.clientKills);
    expect(a.plan.requestActions).toEqual(b.plan.requestActions);
    expect([...world(8).created.keys()]).not.toEqual([...a.created.keys()]);
  });

  it('plans exactly the events asked for, in at least two facilities, with gap-free device sequences', () => {
    const { plan, created } = world(3);
    expect(created.size).toBe(120);
    expect(plan.facilities.length).toBeGreaterThanOrEqual(2);
    for (const device of plan.devices) {
      const seqs = [...created.values()]
        .filter((e) => e.deviceId === device.deviceId)
        .map((e) => e.deviceSeq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
  });

  it('a perfect run passes', () => {
    const verdict = verify(perfect(5));
    expect(verdict).toMatchObject({
      created: 120,
      stored: 120,
      lost: 0,
      duplicated: 0,
      pcsDivergent: 0,
    });
    expect(failed(verdict)).toBe(false);
  });

  it('finds a lost event, a repeated one, an altered one, a divergent PC, foreign data and gaps', () => {
    const evidence = perfect(5);
    const [first, second, third] = evidence.centre;
    evidence.centre = evidence.centre.filter((e) => e !== first);
    evidence.centre.push(second!, { ...third!, quantity: third!.quantity + 1 });
    evidence.centre = evidence.centre.filter((e, i, all) => e !== third || all.indexOf(e) !== i);
    const pc = evidence.pcs[0]!;
    const other = evidence.pcs.find((p) => p.facilityId !== pc.facilityId)!;
    pc.snapshot = { ...pc.snapshot, events: pc.snapshot.events.slice(1) };
    other.snapshot = {
      ...other.snapshot,
      events: [...other.snapshot.events, pc.snapshot.events[0]!],
    };
    evidence.health.set(pc.facilityId, { gaps: 1, alarms: 0 });
    const verdict = verify(evidence);
    expect(verdict.lost).toBe(1);
    expect(verdict.duplicated).toBe(1);
    expect(verdict.altered).toBe(1);
    expect(verdict.pcsDivergent).toBeGreaterThanOrEqual(2);
    expect(verdict.foreign).toBe(1);
    expect(verdict.gaps).toBe(1);
    expect(failed(verdict)).toBe(true);
  });

  it('plans the whole request mix: edits, submissions, cancellations, the ERP advancing and proposing substitutes, and wards deciding them', () => {
    const kinds = new Set(
      [1, 2, 3, 4, 5].flatMap((seed) =>
        world(seed)
          .plan.requestActions.flat()
          .map((a) => `${a.by}:${a.kind}`),
      ),
    );
    expect([...kinds].sort()).toEqual([
      'centre:advance',
      'centre:substitute',
      'pc:cancel',
      'pc:decide',
      'pc:edit',
      'pc:submit',
    ]);
  });

  it('finds a proposal the centre lost, one no answer accounts for, and a lost ward decision', () => {
    const evidence = perfect(5);
    const facility = [...evidence.centreRequests.keys()][0]!;
    const substitute = {
      lineItemId: 'ITM-C2',
      itemId: 'ITM-C5',
      quantity: 3,
      reason: 'backordered',
      proposedAt: '2026-11-02T07:00:00Z',
      proposedBy: 'erp:chaos:chaos.buyer',
    };
    evidence.centreRequests.set(facility, [
      {
        id: 'REQ-1',
        facilityId: facility,
        kind: 'replenishment',
        priority: 'routine',
        locationId: 'LOC-1',
        lines: [{ itemId: 'ITM-C2', quantity: 10 }],
        status: 'submitted',
        history: [{ status: 'submitted', at: '2026-11-02T06:00:00Z', by: 'USR-NM' }],
        createdBy: 'USR-NM',
        createdAt: '2026-11-02T06:00:00Z',
        substitutions: [
          { ...substitute, id: 'S1' },
          { ...substitute, id: 'S2', itemId: 'ITM-C6' },
        ],
      },
    ]);
    evidence.pcs = evidence.pcs.filter((p) => p.facilityId !== facility);
    evidence.substitutions = {
      proposed: new Set(['REQ-1/S1', 'REQ-1/S3']),
      decided: new Set(['REQ-1/S1']),
    };
    const verdict = verify(evidence);
    expect(verdict).toMatchObject({
      substitutionsLost: 1,
      substitutionsUnaccounted: 1,
      decisionsLost: 1,
    });
    expect(failed(verdict)).toBe(true);
  });
});
