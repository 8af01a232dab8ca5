import { describe, expect, it } from 'vitest';
import { cancelledEvents, flagIssuedLots } from '../../shared/recall';
import { CATHETER, GAUZE, event, notice } from '../fixtures/recall/notices';

const ITEMS = [CATHETER, GAUZE];
const Z0421 = notice(); // effective 2026-11-01T09:00:00Z, lot ABC123 of the catheter

const issue = (occurredAt: string, changes: Parameters<typeof event>[0] | object = {}) =>
  event({
    type: 'issue',
    occurredAt,
    lotCode: 'ABC123',
    quantity: 2,
    toLocationId: 'DEPT-ICU',
    ...changes,
  });

describe('issues of recalled lots around effectiveAt', () => {
  it('an issue at the very instant the recall took effect is flagged as after', () => {
    const atEffect = issue('2026-11-01T09:00:00Z');
    const [flags] = flagIssuedLots([atEffect], [Z0421], ITEMS);
    expect(flags!.issuedAfterEffective.map((f) => f.eventId)).toEqual([atEffect.id]);
    expect(flags!.issuedBeforeEffective).toEqual([]);
  });

  it('one millisecond before is listed as before (units already on the ward)', () => {
    const before = issue('2026-11-01T08:59:59.999Z');
    const [flags] = flagIssuedLots([before], [Z0421], ITEMS);
    expect(flags!.issuedAfterEffective).toEqual([]);
    expect(flags!.issuedBeforeEffective).toEqual([
      expect.objectContaining({
        eventId: before.id,
        department: 'DEPT-ICU',
        quantity: 2,
        reversed: false,
        basis: ['lot'],
      }),
    ]);
    expect(flags!.outstandingBefore).toBe(2);
  });

  it('honours offsets: 09:30+01:00 is before 09:00Z', () => {
    const local = issue('2026-11-01T09:30:00+01:00');
    const later = issue('2026-11-01T10:30:00+01:00');
    const [flags] = flagIssuedLots([later, local], [Z0421], ITEMS);
    expect(flags!.issuedBeforeEffective.map((f) => f.eventId)).toEqual([local.id]);
    expect(flags!.issuedAfterEffective.map((f) => f.eventId)).toEqual([later.id]);
  });

  it('says what happened and what to do for an issue after the recall', () => {
    const offline = issue('2026-11-02T07:15:00Z', { actorId: 'USR-TECH', deviceId: 'DEV-1' });
    const [flags] = flagIssuedLots([offline], [Z0421], ITEMS);
    expect(flags!.issuedAfterEffective[0]!.message).toBe(
      'Issued after recall Z-0421-2026 (class I) took effect: 2 of lot ABC123 to DEPT-ICU at 2026-11-02T07:15:00Z by USR-TECH on DEV-1. Find the units and bring them back to quarantine.',
    );
    expect(flags!.outstandingAfter).toBe(2);
  });

  it('ignores other lots, other products, other event types and terminated notices', () => {
    const events = [
      issue('2026-11-02T07:00:00Z', { lotCode: 'abc123' }),
      issue('2026-11-02T07:00:00Z', { itemId: 'ITM-2002' }),
      event({
        type: 'transfer',
        occurredAt: '2026-11-02T07:00:00Z',
        lotCode: 'ABC123',
        toLocationId: 'LOC-B2',
      }),
      event({ type: 'waste', occurredAt: '2026-11-02T07:00:00Z', lotCode: 'ABC123' }),
    ];
    const [flags] = flagIssuedLots(events, [Z0421], ITEMS);
    expect(flags!.issuedAfterEffective).toEqual([]);
    expect(flags!.issuedBeforeEffective).toEqual([]);
    expect(
      flagIssuedLots([issue('2026-11-02T07:00:00Z')], [notice({ status: 'terminated' })], ITEMS),
    ).toEqual([]);
  });

  it('an unreadable time is flagged as after, never hidden', () => {
    const odd = issue('not a time');
    const [flags] = flagIssuedLots([odd], [Z0421], ITEMS);
    expect(flags!.issuedAfterEffective.map((f) => f.eventId)).toEqual([odd.id]);
  });

  it('lists issues the record cannot settle separately', () => {
    const window = notice({
      id: 'RCL-W',
      lotCodes: [],
      expiryFrom: '2029-01-01',
      expiryTo: '2029-12-31',
    });
    const noExpiry = issue('2026-11-02T07:00:00Z', { expiry: undefined });
    const inWindow = issue('2026-11-02T07:00:00Z', { expiry: '2029-03-31' });
    const [flags] = flagIssuedLots([noExpiry, inWindow], [window], ITEMS);
    expect(flags!.issuedAfterEffective.map((f) => f.eventId)).toEqual([inWindow.id]);
    expect(flags!.cannotTell).toEqual([
      expect.objectContaining({ eventId: noExpiry.id, missing: ['expiry'], after: true }),
    ]);
  });
});

describe('issues of recalled lots: reversals', () => {
  it('a reversed issue is still listed, marked reversed, and not counted as outstanding', () => {
    const wrong = issue('2026-11-02T07:00:00Z', { quantity: 5 });
    const kept = issue('2026-11-02T08:00:00Z', { quantity: 1 });
    const undo = event({
      type: 'reversal',
      occurredAt: '2026-11-02T07:05:00Z',
      quantity: 0,
      reverses: wrong.id,
    });
    const [flags] = flagIssuedLots([wrong, kept, undo], [Z0421], ITEMS);
    expect(flags!.issuedAfterEffective.map((f) => [f.eventId, f.reversed, f.reversedBy])).toEqual([
      [wrong.id, true, undo.id],
      [kept.id, false, undefined],
    ]);
    expect(flags!.issuedAfterEffective[0]!.message).toContain('The issue was later reversed.');
    expect(flags!.outstandingAfter).toBe(1);
  });

  it('a reversed reversal puts the issue back', () => {
    const out = issue('2026-10-30T07:00:00Z', { quantity: 3 });
    const undo = event({
      type: 'reversal',
      occurredAt: '2026-10-30T07:05:00Z',
      quantity: 0,
      reverses: out.id,
    });
    const redo = event({
      type: 'reversal',
      occurredAt: '2026-10-30T07:06:00Z',
      quantity: 0,
      reverses: undo.id,
    });
    expect([...cancelledEvents([out, undo, redo])]).toEqual([[undo.id, redo.id]]);
    const [flags] = flagIssuedLots([redo, out, undo], [Z0421], ITEMS);
    expect(flags!.issuedBeforeEffective[0]).toMatchObject({ eventId: out.id, reversed: false });
    expect(flags!.outstandingBefore).toBe(3);
  });

  it('a reversal cycle cancels nothing', () => {
    const a = event({
      type: 'reversal',
      occurredAt: '2026-10-30T07:05:00Z',
      quantity: 0,
      id: 'EVT-CYC-A',
      reverses: 'EVT-CYC-B',
    });
    const b = event({
      type: 'reversal',
      occurredAt: '2026-10-30T07:05:00Z',
      quantity: 0,
      id: 'EVT-CYC-B',
      reverses: 'EVT-CYC-A',
    });
    expect(cancelledEvents([a, b]).size).toBe(0);
  });
});
