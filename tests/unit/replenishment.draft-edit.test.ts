import { describe, expect, it } from 'vitest';
import { editDraft, transition } from '../../shared/replenishment';
import { draftRequest } from '../fixtures/replenishment/requests';

describe('editing a draft request', () => {
  it('changes the facility-owned fields and stamps editedAt', () => {
    const draft = draftRequest({ reason: 'weekly top-up' });
    const result = editDraft(
      draft,
      {
        lines: [{ itemId: 'ITM-2', quantity: 20 }],
        priority: 'urgent',
        neededBy: '2026-11-03T12:00:00Z',
        reason: null,
      },
      '2026-11-02T09:30:00Z',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({
      ...draft,
      lines: [{ itemId: 'ITM-2', quantity: 20 }],
      priority: 'urgent',
      neededBy: '2026-11-03T12:00:00Z',
      editedAt: '2026-11-02T09:30:00Z',
      reason: undefined,
    });
    expect('reason' in result.value).toBe(false);
    expect(draft.lines).toEqual([{ itemId: 'ITM-1001', quantity: 150 }]);
  });

  it('refuses once the request left draft', () => {
    const submitted = transition(draftRequest(), 'submitted', {
      at: '2026-11-02T10:00:00Z',
      by: 'USR-NM',
    });
    expect(submitted.ok).toBe(true);
    if (!submitted.ok) return;
    const result = editDraft(submitted.value, { priority: 'stat' }, '2026-11-02T10:05:00Z');
    expect(!result.ok && result.error.code).toBe('REQUEST_NOT_DRAFT');
  });

  it.each([
    ['no lines', { lines: [] }],
    ['zero quantity', { lines: [{ itemId: 'ITM-1', quantity: 0 }] }],
    ['fractional quantity', { lines: [{ itemId: 'ITM-1', quantity: 1.5 }] }],
  ])('refuses %s and changes nothing', (_name, changes) => {
    const draft = draftRequest();
    const result = editDraft(draft, changes, '2026-11-02T09:30:00Z');
    expect(!result.ok && result.error.code).toBe('DRAFT_EDIT_INVALID');
    expect(draft).toEqual(draftRequest());
  });
});
