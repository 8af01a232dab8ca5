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
});
