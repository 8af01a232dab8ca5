import { describe, expect, it } from 'vitest';
import { documentValidator, type RequestStatus, type SupplyRequest } from '../../shared/model';
import { editDraft, mergeRequests, transition } from '../../shared/replenishment';
import { draftRequest } from '../fixtures/replenishment/requests';

function move(request: SupplyRequest, to: RequestStatus, at: string, by = 'USR-NM'): SupplyRequest {
  const result = transition(request, to, {
    at,
    by,
    ...(to === 'cancelled' || to === 'rejected' ? { note: 'No longer needed' } : {}),
    ...(to === 'acknowledged' ? { approval: { policyVersion: 0, levels: 1 } } : {}),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function edit(request: SupplyRequest, quantity: number, at: string): SupplyRequest {
  const result = editDraft(request, { lines: [{ itemId: 'ITM-1001', quantity }] }, at);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function merged(a: SupplyRequest, b: SupplyRequest): SupplyRequest {
  const ab = mergeRequests(a, b);
  const ba = mergeRequests(b, a);
  if (!ab.ok || !ba.ok) throw new Error('merge refused');
  expect(ab.value).toStrictEqual(ba.value);
  expect(documentValidator('supply_requests').validate(ab.value)).toMatchObject({ ok: true });
  return ab.value;
}

const draft = draftRequest();

describe('merging two versions of a supply request', () => {
  it('the centre moved the status on: its status, both histories, the submitted lines', () => {
    const submitted = move(draft, 'submitted', '2026-11-02T09:10:00Z');
    const centre = move(
      move(
        move(submitted, 'acknowledged', '2026-11-02T09:50:00Z', 'erp:central'),
        'approved',
        '2026-11-02T10:00:00Z',
        'erp:central',
      ),
      'ordered',
      '2026-11-02T11:00:00Z',
      'erp:central',
    );
    const facility = submitted; // the PC has not heard yet
    const result = merged(facility, centre);
    expect(result.status).toBe('ordered');
    expect(result.history.map((h) => h.status)).toEqual([
      'draft',
      'submitted',
      'acknowledged',
      'approved',
      'ordered',
    ]);
    expect(result.lines).toEqual(draft.lines);
  });

  it('an offline draft edit does not change lines another PC already submitted', () => {
    const otherPc = move(draft, 'submitted', '2026-11-02T09:20:00Z'); // submitted 150
    const thisPc = edit(draft, 400, '2026-11-02T09:30:00Z'); // later edit, still a draft
    const result = merged(thisPc, otherPc);
    expect(result.status).toBe('submitted');
    expect(result.lines).toEqual([{ itemId: 'ITM-1001', quantity: 150 }]);
    expect(result.editedAt).toBeUndefined();
  });

  it('between two drafts the later edit wins, whatever the offsets say as text', () => {
    const early = edit(draft, 200, '2026-11-02T10:30:00+01:00'); // 09:30Z
    const late = edit(draft, 300, '2026-11-02T09:45:00Z');
    expect(merged(early, late).lines[0]!.quantity).toBe(300);
    expect(merged(early, late).editedAt).toBe('2026-11-02T09:45:00Z');
    expect(merged(draft, early).lines[0]!.quantity).toBe(200); // edited beats never edited
  });

  it('between two submitted versions the earlier content is the one that was submitted', () => {
    const first = move(
      edit(draft, 200, '2026-11-02T09:30:00Z'),
      'submitted',
      '2026-11-02T09:31:00Z',
    );
    const second = move(
      edit(draft, 300, '2026-11-02T09:40:00Z'),
      'submitted',
      '2026-11-02T09:41:00Z',
      'USR-TECH',
    );
    const result = merged(first, second);
    expect(result.lines[0]!.quantity).toBe(200);
    expect(result.history.filter((h) => h.status === 'submitted')).toHaveLength(2);
  });

  it('a cancellation beats a concurrent shipment, and the shipment stays in the history', () => {
    const ordered = move(
      move(
        move(
          move(draft, 'submitted', '2026-11-02T09:10:00Z'),
          'acknowledged',
          '2026-11-02T09:15:00Z',
        ),
        'approved',
        '2026-11-02T09:20:00Z',
      ),
      'ordered',
      '2026-11-02T09:30:00Z',
    );
    const cancelled = move(ordered, 'cancelled', '2026-11-02T10:00:00Z');
    const shipped = move(ordered, 'shipped', '2026-11-02T10:05:00Z', 'erp:central');
    const result = merged(cancelled, shipped);
    expect(result.status).toBe('cancelled');
    expect(result.history.map((h) => h.status)).toEqual([
      'draft',
      'submitted',
      'acknowledged',
      'approved',
      'ordered',
      'cancelled',
      'shipped',
    ]);
  });

  it('rejected beats cancelled; received beats everything', () => {
    const submitted = move(draft, 'submitted', '2026-11-02T09:10:00Z');
    const rejected = move(submitted, 'rejected', '2026-11-02T09:50:00Z', 'erp:central');
    const cancelled = move(submitted, 'cancelled', '2026-11-02T09:40:00Z');
    expect(merged(rejected, cancelled).status).toBe('rejected');

    const ordered = move(
      move(
        move(submitted, 'acknowledged', '2026-11-02T09:15:00Z'),
        'approved',
        '2026-11-02T09:20:00Z',
      ),
      'ordered',
      '2026-11-02T09:30:00Z',
    );
    const received = move(
      move(ordered, 'shipped', '2026-11-03T08:00:00Z'),
      'received',
      '2026-11-04T08:00:00Z',
    );
    expect(merged(received, move(ordered, 'cancelled', '2026-11-05T08:00:00Z')).status).toBe(
      'received',
    );
  });

  it('keeps an identical entry once and orders same-instant entries deterministically', () => {
    const a = move(draft, 'submitted', '2026-11-02T10:00:00Z');
    const b = structuredClone(a);
    b.history.push({ status: 'submitted', at: '2026-11-02T11:00:00+01:00', by: 'USR-NM' });
    const result = merged(a, b);
    expect(result.history).toEqual([
      { status: 'draft', at: '2026-11-02T09:00:00Z', by: 'USR-NM' },
      { status: 'submitted', at: '2026-11-02T10:00:00Z', by: 'USR-NM' },
      { status: 'submitted', at: '2026-11-02T11:00:00+01:00', by: 'USR-NM' },
    ]);
    expect(merged(result, a)).toStrictEqual(result);
  });

  it('a version merged with itself is itself', () => {
    const a = move(edit(draft, 75, '2026-11-02T09:15:00Z'), 'submitted', '2026-11-02T09:16:00Z');
    expect(mergeRequests(a, a)).toStrictEqual({ ok: true, value: a });
  });

  it('refuses two different requests', () => {
    const other = draftRequest({ id: 'REQ-8' });
    const result = mergeRequests(draft, other);
    expect(!result.ok && result.error.code).toBe('MERGE_DIFFERENT_REQUESTS');
    const foreign = mergeRequests(draft, draftRequest({ facilityId: 'FAC-SOUTH' }));
    expect(!foreign.ok && foreign.error.code).toBe('MERGE_DIFFERENT_REQUESTS');
  });
});
