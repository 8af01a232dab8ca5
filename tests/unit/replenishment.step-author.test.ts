import { describe, expect, it } from 'vitest';
import { stepAuthorWords } from '../../shared/replenishment/step-author';

const names = (id: string) => ({ 'USR-NM': 'Noah Mensah' })[id] ?? id;

describe('who took a request step, in words for the ward', () => {
  it('names the PC people from the users, and says where the centre and the ERP acted', () => {
    expect(stepAuthorWords('USR-NM', names)).toBe('Noah Mensah');
    expect(stepAuthorWords('USR-GONE', names)).toBe('USR-GONE');
    expect(stepAuthorWords('console:bo.buyer', names)).toBe('bo.buyer (centre)');
    expect(stepAuthorWords('console:admin-token', names)).toBe('the administrator token (centre)');
    expect(stepAuthorWords('erp:e2e-erp:j.smith', names)).toBe('j.smith (ERP)');
    // A user name with a colon stays whole.
    expect(stepAuthorWords('erp:key:a:b', names)).toBe('a:b (ERP)');
  });
});
