import { describe, expect, it } from 'vitest';
import type { RecallCase } from '../../shared/model';
import {
  advanceRecallCase,
  nextSteps,
  openRecallCase,
  type RecallActor,
  type RecallStepInput,
} from '../../shared/recall';

const TECH: RecallActor = { id: 'USR-TECH', role: 'tech' };
const SUP_A: RecallActor = { id: 'USR-SUP-A', role: 'supervisor' };
const SUP_B: RecallActor = { id: 'USR-SUP-B', role: 'supervisor' };
const NURSE: RecallActor = { id: 'USR-NM', role: 'nurse-manager' };
const ADMIN: RecallActor = { id: 'USR-ADMIN', role: 'admin' };

const at = (hour: number) => `2026-11-01T${String(hour).padStart(2, '0')}:00:00Z`;

function open(): RecallCase {
  const r = openRecallCase({
    id: 'RCS-1',
    facilityId: 'FAC-NORTH',
    noticeId: 'RCL-1',
    at: at(9),
    by: TECH,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function apply(rc: RecallCase, ...steps: RecallStepInput[]): RecallCase {
  return steps.reduce((c, s) => {
    const r = advanceRecallCase(c, s);
    if (!r.ok) throw new Error(`${s.step}: ${r.error.code}`);
    return r.value;
  }, rc);
}

const MATCHED: RecallStepInput = { step: 'matched', at: at(10), by: TECH, units: 45 };
const LOCATED: RecallStepInput = { step: 'located', at: at(11), by: TECH };
const QUARANTINED: RecallStepInput = { step: 'quarantined', at: at(12), by: SUP_A, units: 45 };
const COUNTED: RecallStepInput = { step: 'counted', at: at(13), by: TECH, units: 45 };
const ACKNOWLEDGED: RecallStepInput = {
  step: 'acknowledged',
  at: at(14),
  by: TECH,
  note: 'Form faxed',
};
const DISPOSED: RecallStepInput = {
  step: 'disposed',
  at: at(15),
  by: SUP_B,
  units: 45,
  disposition: 'return-to-supplier',
};
const CLOSED: RecallStepInput = { step: 'closed', at: at(16), by: SUP_B };
const ALL = [MATCHED, LOCATED, QUARANTINED, COUNTED, ACKNOWLEDGED, DISPOSED, CLOSED];

const errorOf = (rc: RecallCase, input: RecallStepInput) => {
  const r = advanceRecallCase(rc, input);
  return r.ok ? null : r.error;
};

describe('recall case: the full workflow', () => {
  it('opens at received, attributed and timestamped', () => {
    expect(open()).toEqual({
      id: 'RCS-1',
      facilityId: 'FAC-NORTH',
      noticeId: 'RCL-1',
      step: 'received',
      history: [{ step: 'received', at: at(9), by: 'USR-TECH' }],
      quarantinedUnits: 0,
    });
  });

  it('walks every step in order, recording who and when', () => {
    let rc = open();
    for (const input of ALL) {
      expect(nextSteps(rc)).toContain(input.step);
      const r = advanceRecallCase(rc, input);
      expect(r.ok, input.step).toBe(true);
      if (!r.ok) return;
      expect(r.value.step).toBe(input.step);
      expect(r.value.history.at(-1)).toMatchObject({
        step: input.step,
        at: input.at,
        by: input.by.id,
      });
      expect(rc.history).toHaveLength(r.value.history.length - 1); // the old case is untouched
      rc = r.value;
    }
    expect(rc.quarantinedUnits).toBe(45);
    expect(rc.disposition).toBe('return-to-supplier');
    expect(rc.history.map((e) => e.step)).toEqual(['received', ...ALL.map((s) => s.step)]);
    expect(nextSteps(rc)).toEqual([]);
  });

  it.each(ALL.slice(0, -1).map((s, i) => [s.step, i] as const))(
    'refuses to skip %s when units are on hand',
    (_skipped, i) => {
      const before = apply(open(), ...ALL.slice(0, i));
      const error = errorOf(before, ALL[i + 1]!);
      expect(error?.code).toBe('STEP_OUT_OF_ORDER');
      expect(error?.message).toContain(`the next step is "${ALL[i]!.step}"`);
    },
  );

  it('never goes back or repeats a step', () => {
    const rc = apply(open(), MATCHED, LOCATED, QUARANTINED);
    expect(errorOf(rc, { ...LOCATED, at: at(13) })?.code).toBe('STEP_OUT_OF_ORDER');
    expect(errorOf(rc, { ...QUARANTINED, at: at(13) })?.code).toBe('STEP_OUT_OF_ORDER');
  });

  it('a closed case takes nothing more', () => {
    const rc = apply(open(), ...ALL);
    expect(errorOf(rc, { ...CLOSED, at: at(17) })?.code).toBe('CASE_CLOSED');
  });
});

describe('recall case: skips when nothing is on hand', () => {
  it('nothing matched: from matched straight to acknowledged, then closed', () => {
    const rc = apply(open(), { ...MATCHED, units: 0 });
    expect(nextSteps(rc)).toEqual(['located', 'acknowledged']);
    const acked = apply(rc, ACKNOWLEDGED);
    expect(nextSteps(acked)).toEqual(['disposed', 'closed']);
    const closed = apply(acked, { ...CLOSED, by: SUP_A });
    expect(closed.step).toBe('closed');
  });

  it('nothing matched still needs the acknowledgement before closing', () => {
    const rc = apply(open(), { ...MATCHED, units: 0 });
    expect(errorOf(rc, CLOSED)?.code).toBe('STEP_OUT_OF_ORDER');
  });

  it('units matched: no skipping to acknowledged, and disposal is required before closing', () => {
    const rc = apply(open(), MATCHED);
    expect(errorOf(rc, ACKNOWLEDGED)?.code).toBe('STEP_OUT_OF_ORDER');
    const acked = apply(rc, LOCATED, QUARANTINED, COUNTED, ACKNOWLEDGED);
    expect(errorOf(acked, CLOSED)?.code).toBe('STEP_OUT_OF_ORDER');
  });
});

describe('recall case: the second-person rule', () => {
  const ready = apply(open(), MATCHED, LOCATED, QUARANTINED, COUNTED, ACKNOWLEDGED);

  it('the supervisor who quarantined may not dispose', () => {
    const error = errorOf(ready, { ...DISPOSED, by: SUP_A });
    expect(error).toEqual({
      code: 'SAME_PERSON',
      message:
        'You quarantined this stock, so another supervisor must dispose of recalled stock. Ask a second person to sign in.',
    });
  });

  it('a technician may not dispose or close', () => {
    expect(errorOf(ready, { ...DISPOSED, by: TECH })?.code).toBe('NOT_PERMITTED');
    const disposed = apply(ready, DISPOSED);
    const error = errorOf(disposed, { ...CLOSED, by: TECH });
    expect(error?.code).toBe('NOT_PERMITTED');
    expect(error?.message).toBe(
      'Your role (tech) cannot close the recall. Ask a supervisor to sign in and do this step.',
    );
  });

  it('another supervisor (or an admin) may dispose and close', () => {
    const disposed = apply(ready, DISPOSED);
    expect(apply(disposed, CLOSED).step).toBe('closed');
    expect(apply(ready, { ...DISPOSED, by: ADMIN }, { ...CLOSED, by: ADMIN }).step).toBe('closed');
  });

  it('the quarantining supervisor may not close either, even after someone else disposed', () => {
    const disposed = apply(ready, DISPOSED);
    expect(errorOf(disposed, { ...CLOSED, by: SUP_A })?.code).toBe('SAME_PERSON');
  });

  it('a nurse manager may record no recall step', () => {
    expect(errorOf(open(), { ...MATCHED, by: NURSE })?.code).toBe('NOT_PERMITTED');
    const r = openRecallCase({ id: 'X', facilityId: 'F', noticeId: 'N', at: at(9), by: NURSE });
    expect(r.ok).toBe(false);
  });

  it('quarantine needs the quarantine permission', () => {
    const located = apply(open(), MATCHED, LOCATED);
    expect(errorOf(located, { ...QUARANTINED, by: NURSE })?.code).toBe('NOT_PERMITTED');
    expect(apply(located, { ...QUARANTINED, by: TECH }).quarantinedUnits).toBe(45);
  });
});

describe('recall case: bad input', () => {
  it('refuses a time before the previous step, and an unreadable time', () => {
    const rc = apply(open(), MATCHED);
    expect(errorOf(rc, { ...LOCATED, at: at(8) })?.code).toBe('TIME_BEFORE_PREVIOUS');
    expect(errorOf(rc, { ...LOCATED, at: 'yesterday' })?.code).toBe('INVALID_TIME');
    expect(errorOf(rc, { ...LOCATED, at: at(10) })).toBeNull(); // same instant is fine
  });

  it('compares times as instants, offsets included', () => {
    const rc = apply(open(), MATCHED); // 10:00Z
    expect(errorOf(rc, { ...LOCATED, at: '2026-11-01T10:30:00+01:00' })?.code).toBe(
      'TIME_BEFORE_PREVIOUS',
    );
    expect(errorOf(rc, { ...LOCATED, at: '2026-11-01T11:30:00+01:00' })).toBeNull();
  });

  it('asks for units where a step concerns units, and for the disposition', () => {
    expect(errorOf(open(), { ...MATCHED, units: undefined })?.code).toBe('UNITS_REQUIRED');
    expect(errorOf(open(), { ...MATCHED, units: -1 })?.code).toBe('UNITS_REQUIRED');
    const ready = apply(open(), MATCHED, LOCATED, QUARANTINED, COUNTED, ACKNOWLEDGED);
    expect(errorOf(ready, { ...DISPOSED, disposition: undefined })?.code).toBe(
      'DISPOSITION_REQUIRED',
    );
  });
});
