import { describe, expect, it } from 'vitest';
import {
  ANOMALY_NOTE,
  ESCALATION_REASON,
  RESOLUTION_COMMENT,
  STEP_REASON,
  SUBSTITUTE_REASON,
  auditActorWords,
  checkedReason,
  escalatedByWords,
  escalationReason,
  exceptionRefusal,
  isolatedName,
  personWords,
  requestItemLabel,
} from '../../shared/console';
import { ANOMALY_NOTE_MAX } from '../../shared/model/anomaly-decision';
import { ProposedSubstitutes, StepNote } from '../../sync/routes/request-step-body';

describe('the reasons a console user gives', () => {
  it('keeps the reason trimmed and says what is missing in the rule’s words', () => {
    expect(checkedReason('  Ward closed  ', STEP_REASON)).toEqual({
      ok: true,
      reason: 'Ward closed',
    });
    expect(checkedReason(' \n ', SUBSTITUTE_REASON)).toEqual({
      ok: false,
      code: 'REASON_REQUIRED',
      message: SUBSTITUTE_REASON.missing,
    });
    expect(checkedReason('x'.repeat(STEP_REASON.max + 1), STEP_REASON)).toMatchObject({
      ok: false,
      code: 'REASON_TOO_LONG',
    });
  });

  it('holds the limits and words the endpoint checks, so the field never lets through what it refuses', () => {
    // The endpoint's schemas (OpenAPI and validation) read the same limits.
    expect(StepNote).toMatchObject({ maxLength: STEP_REASON.max });
    expect(ProposedSubstitutes.items.properties.reason).toMatchObject({
      maxLength: SUBSTITUTE_REASON.max,
    });
    expect(ANOMALY_NOTE.max).toBe(ANOMALY_NOTE_MAX);
    // The refusals say what the field says.
    const blank = escalationReason('   ');
    expect(!blank.ok && blank.error.message).toBe(ESCALATION_REASON.missing);
    expect(
      exceptionRefusal({
        role: 'buyer',
        actor: 'bo',
        act: 'resolve',
        kind: 'sequence-gap',
        state: 'owned',
        owner: 'bo',
        comment: ' ',
      })?.message,
    ).toBe(RESOLUTION_COMMENT.missing);
    expect(
      exceptionRefusal({
        role: 'buyer',
        actor: 'bo',
        act: 'resolve',
        kind: 'sequence-gap',
        state: 'owned',
        owner: 'bo',
        comment: 'x'.repeat(RESOLUTION_COMMENT.max + 1),
      })?.code,
    ).toBe('COMMENT_TOO_LONG');
  });
});

describe('people in words', () => {
  it('names a person with the id after the name, and the administrator token in words', () => {
    expect(personWords('ada.admin', 'Ada Admin')).toBe('Ada Admin (ada.admin)');
    expect(personWords('ada.admin', 'ada.admin')).toBe('ada.admin');
    expect(personWords('USR-9', undefined)).toBe('USR-9');
    expect(personWords('admin-token', undefined)).toBe('the administrator token');
    expect(personWords('admin', undefined)).toBe('the administrator token');
    // A console user who happens to be called "admin" is that person, not the token.
    expect(personWords('admin', 'Alex Admin')).toBe('Alex Admin (admin)');
    expect(auditActorWords('admin', 'admin-token')).toBe('the administrator token');
    expect(auditActorWords('console-user', 'bo.buyer')).toBe('console-user: bo.buyer');
    expect(escalatedByWords({ by: 'console:admin-token' })).toBe(
      'by hand with the administrator token',
    );
    expect(escalatedByWords({ by: 'console:jdoe' })).toBe('by hand by jdoe');
    expect(escalatedByWords({ by: 'console:jdoe' }, 'Jo Doe (jdoe)')).toBe(
      'by hand by Jo Doe (jdoe)',
    );
  });
});

describe('names that hold bidirectional controls', () => {
  it('sets a name with a right-to-left override inside an isolate, and leaves others as they are', () => {
    expect(isolatedName('North General')).toBe('North General');
    expect(isolatedName('Ward \u202E7')).toBe('\u2068Ward \u202E7\u2069');
    // A stray isolate end in the name would close the isolate early: it is dropped.
    expect(isolatedName('A\u2069\u202EB')).toBe('\u2068A\u202EB\u2069');
    expect(requestItemLabel({ itemNames: { 'ITM-1': 'Sal\u202Eine' } }, 'ITM-1')).toBe(
      '\u2068Sal\u202Eine\u2069 (ITM-1)',
    );
    expect(personWords('USR-1', 'Eve \u202Eevil')).toBe('\u2068Eve \u202Eevil\u2069 (USR-1)');
  });
});
