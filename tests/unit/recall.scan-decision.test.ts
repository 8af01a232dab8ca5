import { describe, expect, it } from 'vitest';
import {
  compileNotice,
  decideIssue,
  decideReceive,
  decideTransfer,
  type ScanInput,
} from '../../shared/recall';
import { CATHETER, notice } from '../fixtures/recall/notices';

const Z0421 = notice(); // class I, lot ABC123
const Z0500 = notice({ id: 'RCL-2', number: 'Z-0500-2026', class: 'III', lotCodes: ['ABC123'] });
const Z0300 = notice({
  id: 'RCL-3',
  number: 'Z-0300-2026',
  class: 'II',
  lotCodes: [],
  serials: ['SN-7'],
});

const scan = (changes: Partial<ScanInput> = {}): ScanInput => ({
  item: CATHETER,
  lotCode: 'ABC123',
  expiry: '2029-03-31',
  today: '2026-11-05',
  notices: [Z0421],
  quarantined: false,
  ...changes,
});

describe('scan decision: issue', () => {
  it('allows a unit with nothing against it', () => {
    expect(decideIssue(scan({ lotCode: 'XYZ999' }))).toEqual({
      allowed: true,
      intent: 'issue',
      directToQuarantine: false,
      reasons: [],
      warnings: [],
    });
  });

  it('stops a recalled lot and says which notice, which class, what to do', () => {
    const decision = decideIssue(scan());
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toEqual([
      {
        code: 'RECALLED',
        noticeId: 'RCL-1',
        number: 'Z-0421-2026',
        class: 'I',
        basis: ['lot'],
        message:
          'Blocked: recalled lot ABC123 — notice Z-0421-2026, class I. Put it in quarantine.',
      },
    ]);
  });

  it('stops an expired lot: the day after expiry, not on the day', () => {
    const expired = decideIssue(scan({ lotCode: 'XYZ999', expiry: '2026-11-04' }));
    expect(expired.allowed).toBe(false);
    expect(expired.reasons).toEqual([
      {
        code: 'EXPIRED',
        expiry: '2026-11-04',
        message:
          'Blocked: lot XYZ999 expired on 2026-11-04. Do not issue it; set it aside for waste.',
      },
    ]);
    expect(decideIssue(scan({ lotCode: 'XYZ999', expiry: '2026-11-05' })).allowed).toBe(true);
  });

  it('stops a quarantined unit and keeps the quarantine reason', () => {
    const decision = decideIssue(
      scan({ lotCode: 'XYZ999', quarantined: true, quarantineReason: 'damage' }),
    );
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toEqual([
      {
        code: 'QUARANTINED',
        quarantineReason: 'damage',
        message:
          'Blocked: lot XYZ999 is in quarantine here (reason: damage). Leave it in the quarantine area; it can be counted, returned or destroyed, not issued.',
      },
    ]);
  });

  it('gives every reason, most serious first: class I, II, III recalls, then expiry, then quarantine', () => {
    const decision = decideIssue(
      scan({
        serial: 'SN-7',
        expiry: '2026-10-31',
        quarantined: true,
        notices: [
          Z0500,
          Z0300,
          Z0421,
          notice({ id: 'RCL-9', status: 'terminated', class: 'I', number: 'Z-0001-2026' }),
        ],
      }),
    );
    expect(decision.allowed).toBe(false);
    expect(decision.reasons.map((r) => ('number' in r ? `${r.code} ${r.number}` : r.code))).toEqual(
      [
        'RECALLED Z-0421-2026',
        'RECALLED Z-0300-2026',
        'RECALLED Z-0500-2026',
        'EXPIRED',
        'QUARANTINED',
      ],
    );
    expect(decision.reasons[1]!.message).toBe(
      'Blocked: recalled serial SN-7 (lot ABC123) — notice Z-0300-2026, class II. Put it in quarantine.',
    );
  });

  it('words every-lot recalls and units with no lot', () => {
    const all = notice({ allLots: true, lotCodes: [] });
    expect(decideIssue(scan({ notices: [all], lotCode: '' })).reasons[0]!.message).toBe(
      'Blocked: recalled product (every lot) — notice Z-0421-2026, class I. Put it in quarantine.',
    );
    expect(decideIssue(scan({ notices: [all], lotCode: 'Q1' })).reasons[0]!.message).toContain(
      'recalled product (every lot; this is lot Q1)',
    );
  });

  it('accepts compiled notices and a GTIN read from the label', () => {
    const other = compileNotice(notice({ gtins: ['19504000059108'] }));
    expect(decideIssue(scan({ notices: [other] })).allowed).toBe(true);
    expect(decideIssue(scan({ notices: [other], gtin: '19504000059108' })).allowed).toBe(false);
  });
});

describe('scan decision: checks that are not stops', () => {
  it('asks for the expiry when an expiry-window notice cannot be settled', () => {
    const window = notice({ lotCodes: [], expiryFrom: '2029-01-01', expiryTo: '2029-12-31' });
    const decision = decideIssue(scan({ notices: [window], expiry: undefined }));
    expect(decision.allowed).toBe(true);
    expect(decision.warnings).toEqual([
      expect.objectContaining({ code: 'RECALL_CHECK', number: 'Z-0421-2026', missing: ['expiry'] }),
    ]);
    expect(decision.warnings[0]!.message).toContain(
      'this scan has no expiry date. Enter it before you go on.',
    );
    expect(decideIssue(scan({ notices: [window] })).allowed).toBe(false);
  });

  it('points out a look-alike of a recalled lot without blocking', () => {
    const decision = decideIssue(scan({ lotCode: 'abc123' }));
    expect(decision.allowed).toBe(true);
    expect(decision.warnings).toEqual([
      {
        code: 'SIMILAR_RECALLED_LOT',
        noticeId: 'RCL-1',
        number: 'Z-0421-2026',
        class: 'I',
        similarTo: [{ noticeLotCode: 'ABC123', kinds: ['case'] }],
        message:
          'Lot abc123 is not on notice Z-0421-2026 (class I) but looks like recalled lot ABC123 (letter case differs). Compare the label with the notice before you go on.',
      },
    ]);
  });
});

describe('scan decision: transfer and receive', () => {
  it('a transfer stops for a recall or a quarantine, not for expiry', () => {
    expect(decideTransfer(scan()).allowed).toBe(false);
    expect(decideTransfer(scan({ lotCode: 'X', quarantined: true })).allowed).toBe(false);
    const expired = decideTransfer(scan({ lotCode: 'X', expiry: '2026-01-31' }));
    expect(expired.allowed).toBe(true);
    expect(expired.reasons[0]!.message).toBe(
      'Note: lot X expired on 2026-01-31. Move it only to waste or quarantine.',
    );
  });

  it('receiving a recalled lot is allowed and flagged for direct quarantine', () => {
    const decision = decideReceive(scan());
    expect(decision).toMatchObject({ allowed: true, intent: 'receive', directToQuarantine: true });
    expect(decision.reasons[0]!.message).toBe(
      'Flagged: recalled lot ABC123 — notice Z-0421-2026, class I. Receive it straight into quarantine.',
    );
  });

  it('receiving an expired lot is flagged too; a clean receipt is not', () => {
    expect(decideReceive(scan({ lotCode: 'X', expiry: '2026-01-31' }))).toMatchObject({
      allowed: true,
      directToQuarantine: true,
    });
    expect(decideReceive(scan({ lotCode: 'X', quarantined: true }))).toMatchObject({
      allowed: true,
      directToQuarantine: false,
      reasons: [],
    });
  });
});
