import { describe, expect, it } from 'vitest';
import {
  ESCALATION_REASON_MAX,
  escalatedByWords,
  escalationReason,
  escalationRefusal,
  handEscalationStanding,
  manualEscalation,
  type ErpEscalation,
} from '../../shared/console';
import type { RequestStatus, SupplyRequest } from '../../shared/model';
import { DEFAULT_SERVICE_LEVELS } from '../../shared/replenishment/service-levels';

const SUBMITTED = '2026-12-07T07:40:00.000Z';
const at = (minutes: number) => new Date(Date.parse(SUBMITTED) + minutes * 60_000).toISOString();

function request(
  steps: RequestStatus[],
  priority: SupplyRequest['priority'] = 'stat',
): Pick<SupplyRequest, 'id' | 'priority' | 'status' | 'history' | 'createdAt'> {
  const history: SupplyRequest['history'] = [
    { status: 'draft', at: SUBMITTED, by: 'USR-NM' },
    ...steps.map((status, i) => ({ status, at: at(i), by: 'USR-NM' })),
  ];
  return { id: 'REQ-7', priority, status: history.at(-1)!.status, history, createdAt: SUBMITTED };
}

const byHand: ErpEscalation = {
  clock: 'acknowledge',
  at: '2026-12-07T08:02:31.000Z',
  by: 'console:jdoe',
  reason: 'Supplier out',
};
const byClock: ErpEscalation = { clock: 'deliver', at: at(480), by: null, reason: null };

describe('escalating a request to the ERP by hand', () => {
  it('is for those who act on requests: a buyer and an admin may, an analyst may not', () => {
    const open = request(['submitted']);
    expect(escalationRefusal({ role: 'buyer', request: open, recorded: [] })).toBeUndefined();
    expect(escalationRefusal({ role: 'admin', request: open, recorded: [] })).toBeUndefined();
    expect(escalationRefusal({ role: 'analyst', request: open, recorded: [] })).toMatchObject({
      code: 'ROLE_NOT_PERMITTED',
      message: expect.stringMatching(/analyst/),
    });
  });

  it('is for open requests only: not a draft, nor one received, rejected or cancelled', () => {
    const refusal = (steps: RequestStatus[]) =>
      escalationRefusal({ role: 'buyer', request: request(steps), recorded: [] })?.code;
    expect(refusal([])).toBe('REQUEST_NOT_OPEN');
    expect(refusal(['submitted', 'cancelled'])).toBe('REQUEST_NOT_OPEN');
    expect(refusal(['submitted', 'rejected'])).toBe('REQUEST_NOT_OPEN');
    expect(refusal(['submitted', 'acknowledged', 'approved', 'shipped', 'received'])).toBe(
      'REQUEST_NOT_OPEN',
    );
    for (const open of [
      ['submitted'],
      ['submitted', 'acknowledged'],
      ['submitted', 'acknowledged', 'approved'],
      ['submitted', 'acknowledged', 'approved', 'ordered'],
      ['submitted', 'acknowledged', 'approved', 'shipped'],
    ] as RequestStatus[][]) {
      expect(refusal(open)).toBeUndefined();
    }
    // A merge that kept an earlier status over a cancellation in the history: still over.
    const merged = { ...request(['submitted', 'cancelled']), status: 'submitted' as const };
    expect(escalationRefusal({ role: 'buyer', request: merged, recorded: [] })?.code).toBe(
      'REQUEST_NOT_OPEN',
    );
  });

  it('is never twice on one clock, by hand or by the clock, and the refusal says when and by whom', () => {
    const waiting = request(['submitted']);
    expect(escalationRefusal({ role: 'buyer', request: waiting, recorded: [byHand] })).toEqual({
      code: 'REQUEST_ALREADY_ESCALATED',
      message:
        'Request REQ-7 was already escalated to the ERP by hand by jdoe at 2026-12-07 08:02 UTC (“Supplier out”).',
      // The rung itself, so a screen says the instant in its own clock rather than the sentence's.
      escalation: byHand,
    });
    const inDelivery = request(['submitted', 'acknowledged', 'approved']);
    expect(
      escalationRefusal({ role: 'buyer', request: inDelivery, recorded: [byHand, byClock] })
        ?.message,
    ).toBe(
      `Request REQ-7 was already escalated to the ERP by the clock at ${at(480).slice(0, 10)} ${at(480).slice(11, 16)} UTC.`,
    );
    // Escalated while waiting to be acknowledged; late to arrive is a new thing for the ERP.
    expect(
      escalationRefusal({ role: 'buyer', request: inDelivery, recorded: [byHand] }),
    ).toBeUndefined();
  });

  it('needs a reason, kept trimmed and bounded', () => {
    expect(escalationReason('   \n\t ')).toMatchObject({
      ok: false,
      error: { code: 'REASON_REQUIRED' },
    });
    expect(escalationReason('  Supplier out \n')).toEqual({ ok: true, reason: 'Supplier out' });
    expect(escalationReason(`  ${'x'.repeat(ESCALATION_REASON_MAX)}  `)).toMatchObject({
      ok: true,
    });
    expect(escalationReason('x'.repeat(ESCALATION_REASON_MAX + 1))).toMatchObject({
      ok: false,
      error: { code: 'REASON_TOO_LONG' },
    });
  });

  it('takes the ERP rung of the clock the request is on, or the first refusal', () => {
    expect(
      manualEscalation({
        role: 'buyer',
        request: request(['submitted']),
        recorded: [],
        reason: ' Out ',
      }),
    ).toEqual({ ok: true, value: { clock: 'acknowledge', reason: 'Out' } });
    expect(
      manualEscalation({
        role: 'buyer',
        request: request(['submitted', 'acknowledged']),
        recorded: [],
        reason: 'Out',
      }),
    ).toEqual({ ok: true, value: { clock: 'deliver', reason: 'Out' } });
    // Who and which come before the reason: an analyst learns that first, not to type one.
    expect(
      manualEscalation({ role: 'analyst', request: request([]), recorded: [], reason: '' }),
    ).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_PERMITTED' } });
    expect(
      manualEscalation({ role: 'buyer', request: request([]), recorded: [], reason: '' }),
    ).toMatchObject({ ok: false, error: { code: 'REQUEST_NOT_OPEN' } });
    expect(
      manualEscalation({
        role: 'buyer',
        request: request(['submitted']),
        recorded: [],
        reason: '',
      }),
    ).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
  });

  it('tells the ERP how long the request waited and when it was due, as the clock would, with who and why', () => {
    const escalation = { by: 'console:jdoe', reason: 'Supplier out' };
    expect(
      handEscalationStanding(request(['submitted']), DEFAULT_SERVICE_LEVELS, escalation, at(7.5)),
    ).toEqual({
      clock: 'acknowledge',
      submittedAt: at(0),
      dueAt: at(15),
      minutesWaiting: 7,
      message: 'Not acknowledged for 7 min — escalated to the ERP by hand by jdoe: Supplier out',
    });
    expect(
      handEscalationStanding(
        request(['submitted', 'acknowledged']),
        DEFAULT_SERVICE_LEVELS,
        escalation,
        at(200),
      ),
    ).toMatchObject({ clock: 'deliver', dueAt: at(120), minutesWaiting: 200 });
    // Routine requests have no service level: nothing was due.
    expect(
      handEscalationStanding(
        request(['submitted'], 'routine'),
        DEFAULT_SERVICE_LEVELS,
        escalation,
        at(60),
      ),
    ).toMatchObject({ dueAt: null, minutesWaiting: 60 });
  });

  it('says who escalated in words', () => {
    expect(escalatedByWords(byHand)).toBe('by hand by jdoe');
    expect(escalatedByWords(byClock)).toBe('by the clock');
  });
});
