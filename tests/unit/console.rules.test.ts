import { describe, expect, it } from 'vitest';
import {
  afterFailedSignIn,
  AFTER_SUCCESSFUL_SIGN_IN,
  CONSOLE_ACTS,
  consoleMay,
  enrolmentQrText,
  lockedUntil,
  parseEnrolmentQr,
  pcConcerns,
  refusedPushSummary,
  type PcHealth,
} from '../../shared/console';
import { API_SCOPES as CONSOLE_SCOPES } from '../../console/api/calls';
import { API_SCOPES } from '../../sync/auth/api-key-auth';

const NOW = new Date('2026-12-03T12:00:00Z');

describe('console roles', () => {
  it('an admin takes every act, a buyer no admin act, an analyst only looks', () => {
    expect(CONSOLE_ACTS.every((act) => consoleMay('admin', act))).toBe(true);
    expect(CONSOLE_ACTS.filter((act) => consoleMay('buyer', act))).toEqual([
      'console.view',
      'exceptions.work',
    ]);
    expect(CONSOLE_ACTS.filter((act) => consoleMay('analyst', act))).toEqual(['console.view']);
  });

  it('the console offers exactly the scopes the endpoint knows', () => {
    expect([...CONSOLE_SCOPES]).toEqual([...API_SCOPES]);
  });
});

describe('console sign-in lockout', () => {
  it('locks on the fifth wrong password for 15 minutes, and a lock that ran out starts afresh', () => {
    let counter = AFTER_SUCCESSFUL_SIGN_IN;
    for (let i = 0; i < 4; i += 1) counter = afterFailedSignIn(counter, NOW);
    expect(counter).toEqual({ failedCount: 4, lockedUntil: null });
    counter = afterFailedSignIn(counter, NOW);
    expect(counter.lockedUntil).toBe('2026-12-03T12:15:00.000Z');
    expect(lockedUntil(counter, new Date('2026-12-03T12:14:59Z'))).toBe(counter.lockedUntil);
    const later = new Date('2026-12-03T12:15:01Z');
    expect(lockedUntil(counter, later)).toBeNull();
    expect(afterFailedSignIn(counter, later)).toEqual({ failedCount: 1, lockedUntil: null });
  });
});

describe('PC concerns', () => {
  const pc: PcHealth = {
    deviceId: 'DEV-1',
    facilityId: 'FAC-1',
    name: 'PC',
    enrolledAt: '2026-11-01T00:00:00Z',
    tokenExpiresAt: '2027-11-01T00:00:00Z',
    revokedAt: null,
    lastContactAt: '2026-12-03T11:00:00Z',
    lastPushAcceptedAt: null,
    refusedPushes: 0,
    lastSeq: 0,
    received: 0,
    gaps: [],
    appVersion: null,
    documentsWaiting: null,
    reportedAt: null,
  };
  it('a PC heard from within 4 hours with no gap or refusal needs nothing', () => {
    expect(pcConcerns(pc, NOW)).toEqual([]);
  });
  it('quiet after 4 hours (or never heard from since enrolment), gaps, refusals, an ending token', () => {
    expect(pcConcerns({ ...pc, lastContactAt: '2026-12-03T07:59:00Z' }, NOW)).toEqual(['quiet']);
    expect(pcConcerns({ ...pc, lastContactAt: null }, NOW)).toEqual(['quiet']);
    expect(
      pcConcerns(
        {
          ...pc,
          gaps: [{ from: 3, to: 4 }],
          refusedPushes: 2,
          tokenExpiresAt: '2026-12-05T00:00:00Z',
        },
        NOW,
      ),
    ).toEqual(['gaps', 'refused', 'token-ending']);
    expect(
      pcConcerns({ ...pc, revokedAt: '2026-12-01T00:00:00Z', lastContactAt: null }, NOW),
    ).toEqual(['revoked']);
  });
});

describe('enrolment QR text', () => {
  const invite = { endpoint: 'https://centre.example:8787', code: 'enr_' + 'a'.repeat(43) };
  it('round-trips the endpoint and the code', () => {
    expect(parseEnrolmentQr(enrolmentQrText(invite))).toEqual(invite);
  });
  it('reads it behind the AIM identifier a scanner may put in front (]Q1 for a QR code)', () => {
    expect(parseEnrolmentQr(`]Q1${enrolmentQrText(invite)}`)).toEqual(invite);
  });
  it('refuses other QR codes and malformed fields', () => {
    for (const text of [
      'https://example.com',
      '{"stockroomEnrolment":2,"endpoint":"https://x","code":"enr_aaaaaaaaaaaaaaaaaaaaaaaa"}',
      JSON.stringify({ stockroomEnrolment: 1, endpoint: 'javascript:alert(1)', code: invite.code }),
      JSON.stringify({ stockroomEnrolment: 1, endpoint: invite.endpoint, code: 'nope' }),
      'null',
    ]) {
      expect(parseEnrolmentQr(text), text).toBeUndefined();
    }
  });
});

describe('a refused push in the exceptions queue', () => {
  const said = (code: string | undefined) =>
    refusedPushSummary({
      pc: 'PC “Ward 9 PC”',
      facility: 'North General (FAC-NORTH)',
      what: 'stock event EVT-1',
      code,
      deviceId: 'dev-1',
    });

  it('tells a buyer what happened and whom to turn to, for every kind of refusal', () => {
    const codes = [
      'USER_UNKNOWN',
      'USER_INACTIVE',
      'USER_NOT_AT_FACILITY',
      'ROLE_NOT_PERMITTED',
      'SECOND_PERSON_REQUIRED',
      'SEGREGATION_OF_DUTIES',
      'CENTRE_ONLY',
      'FACILITY_MISMATCH',
      'DOCUMENT_INVALID',
      'COUNT_ALREADY_DECIDED',
      undefined,
    ];
    for (const code of codes) {
      const text = said(code);
      expect(text, String(code)).toMatch(
        /^PC “Ward 9 PC” at North General \(FAC-NORTH\): the centre refused stock event EVT-1 because /,
      );
      expect(text, String(code)).toContain('it stays on that PC, set aside, and is not sent again');
      expect(text, String(code)).toMatch(/stockroom|support|console|ERP/);
      expect(text, String(code)).toMatch(/audit log .*device dev-1, outcome refused/);
      // The PC told its own user how to sign in again; a buyer is not at the PC.
      expect(text, String(code)).not.toMatch(/badge|PIN|sign in/i);
    }
    expect(said('USER_UNKNOWN')).toContain('a person the centre does not know');
    expect(said('DEVICE_MISMATCH')).toContain('call support');
  });

  it('says "a push" when the refusal named no record', () => {
    expect(
      refusedPushSummary({
        pc: 'PC dev-2',
        facility: 'FAC-X',
        what: undefined,
        code: undefined,
        deviceId: 'dev-2',
      }),
    ).toMatch(/^PC dev-2 at FAC-X: the centre refused a push because /);
  });
});
