import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  approveCountAdjustment,
  countApprovalNeed,
} from '../../shared/inventory/adjustment-approval';
import { ROLES, can } from '../../shared/model';

const count = (countedQuantity: number, expectedQuantity: number) => ({
  locationId: 'LOC-A2',
  itemId: 'ITM-GLOVE',
  lotCode: 'GL5521',
  countedQuantity,
  expectedQuantity,
});

describe('a count outside tolerance needs a second person to approve it', () => {
  it('needs approval only outside the default 5 % tolerance', () => {
    expect(countApprovalNeed(count(100, 100)).needed).toBe(false);
    expect(countApprovalNeed(count(95, 100)).needed).toBe(false);
    expect(countApprovalNeed(count(94, 100)).needed).toBe(true);
    expect(countApprovalNeed(count(28, 30)).needed).toBe(true);
    expect(countApprovalNeed(count(3, 0)).needed).toBe(true);
    expect(countApprovalNeed(count(28, 30), { percent: 10, units: 0 }).needed).toBe(false);
  });

  it('records nothing when no approval is needed', () => {
    expect(approveCountAdjustment(false, 'USR-TESS', undefined)).toEqual({
      ok: true,
      approvedBy: undefined,
    });
  });

  it('refuses a missing approver, the counter themself, and anyone without stock.adjust.approve', () => {
    expect(approveCountAdjustment(true, 'USR-TESS', undefined)).toMatchObject({
      ok: false,
      error: { code: 'APPROVER_REQUIRED' },
    });
    // A supervisor who counted cannot approve their own count.
    expect(
      approveCountAdjustment(true, 'USR-SAM', { id: 'USR-SAM', role: 'supervisor' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'SELF_APPROVAL' },
    });
    expect(approveCountAdjustment(true, 'USR-TESS', { id: 'USR-TOM', role: 'tech' })).toMatchObject(
      {
        ok: false,
        error: { code: 'APPROVER_NOT_PERMITTED' },
      },
    );
    expect(approveCountAdjustment(true, 'USR-TESS', { id: 'USR-SAM', role: 'supervisor' })).toEqual(
      { ok: true, approvedBy: 'USR-SAM' },
    );
  });

  it('approves exactly when the approver is someone else holding stock.adjust.approve', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('USR-A', 'USR-B'),
        fc.constantFrom('USR-A', 'USR-B'),
        fc.constantFrom(...ROLES),
        (counter, approverId, role) => {
          const outcome = approveCountAdjustment(true, counter, { id: approverId, role });
          const allowed = approverId !== counter && can(role, 'stock.adjust.approve');
          expect(outcome.ok).toBe(allowed);
          if (outcome.ok) expect(outcome.approvedBy).toBe(approverId);
        },
      ),
    );
  });
});
