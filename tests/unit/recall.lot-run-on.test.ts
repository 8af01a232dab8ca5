import { describe, expect, it } from 'vitest';
import { runOnSplits } from '../../shared/barcode/run-on-field';
import { decideIssue, decideReceive, decideTransfer, type ScanInput } from '../../shared/recall';
import { CATHETER, notice } from '../fixtures/recall/notices';

// The Foley catheter's class I notice names lot FC2409A (the demo's recall).
const FOLEY = notice({ lotCodes: ['FC2409A'] });

const scan = (
  lotCode: string,
  knownLots: string[],
  changes: Partial<ScanInput> = {},
): ScanInput => ({
  item: CATHETER,
  lotCode,
  expiry: '2027-09-29',
  today: '2026-12-03',
  notices: [FOLEY],
  quarantined: false,
  lotRunOn: { splits: runOnSplits('10', lotCode, 2026), knownLots },
  ...changes,
});

describe('scan decision: a lot that ran on into the next fields', () => {
  it('stops a recalled lot that begins the scanned lot, at issue, transfer and receipt', () => {
    for (const decide of [decideIssue, decideTransfer, decideReceive]) {
      const decision = decide(scan('FC2409A21FS000123', ['FC2409A']));
      expect(decision.allowed).toBe(false);
      expect(decision.reasons[0]).toMatchObject({
        code: 'LOT_RUN_ON',
        probableLot: 'FC2409A',
        noticeId: FOLEY.id,
        class: 'I',
      });
      expect(decision.reasons[0]?.message).toMatch(/Scanner set-up/);
    }
  });

  it('stops it even when the facility has never held the recalled lot', () => {
    expect(decideIssue(scan('FC2409A21FS000123', [])).reasons[0]).toMatchObject({
      code: 'LOT_RUN_ON',
      probableLot: 'FC2409A',
    });
  });

  it('stops a known lot followed by a date: the phantom lot is never recorded', () => {
    const decision = decideReceive(
      scan('IVC2611A17280107', ['IVC2611A', 'IVC2603B'], { notices: [] }),
    );
    expect(decision.allowed).toBe(false);
    expect(decision.reasons).toEqual([
      expect.objectContaining({ code: 'LOT_RUN_ON', probableLot: 'IVC2611A' }),
    ]);
    expect(decision.reasons[0]).not.toHaveProperty('noticeId');
  });

  it('stops an unknown head followed by a valid date', () => {
    expect(decideIssue(scan('QX1717280107', [], { notices: [] })).reasons[0]).toMatchObject({
      code: 'LOT_RUN_ON',
      probableLot: 'QX17',
    });
  });

  it('takes a lot the facility already holds as printed, AI-shaped or not', () => {
    const decision = decideIssue(scan('FC2109', ['FC2109'], { notices: [] }));
    expect(decision).toMatchObject({ allowed: true, reasons: [], warnings: [] });
  });

  it('warns, without stopping, when a new lot only reads as a serial after it', () => {
    const decision = decideIssue(scan('AB2109', ['XY1'], { notices: [] }));
    expect(decision.allowed).toBe(true);
    expect(decision.warnings).toEqual([expect.objectContaining({ code: 'LOT_SUSPECT' })]);
  });

  it('warns when a new lot is longer than any lot of the item known here', () => {
    const decision = decideIssue(scan('ABCDEFGHJK', ['ABC1'], { notices: [] }));
    expect(decision.warnings[0]?.message).toMatch(/longer than any lot/);
  });

  it('says nothing of a new lot of ordinary shape', () => {
    expect(decideIssue(scan('ABCD', ['WXYZ'], { notices: [] })).warnings).toEqual([]);
  });

  it('leaves scans without run-on information as before', () => {
    const { lotRunOn: _, ...plain } = scan('FC2409A21FS000123', []);
    expect(decideIssue(plain).allowed).toBe(true);
  });
});
