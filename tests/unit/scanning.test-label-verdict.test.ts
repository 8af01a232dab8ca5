import { describe, expect, it } from 'vitest';
import { judgeTestScan, SCANNER_TEST_LABELS } from '../../renderer/scanning/scanner-test-labels';

const GS = '\u001d';
const separatorLabel = SCANNER_TEST_LABELS.find((l) => l.id === 'gs1-128-separator');
const matrixLabel = SCANNER_TEST_LABELS.find((l) => l.id === 'gs1-datamatrix');
if (!separatorLabel || !matrixLabel) throw new Error('test labels missing');

describe("the Scanner set-up screen's verdict on a test label", () => {
  it('is right when every GS arrived as GS', () => {
    expect(judgeTestScan(separatorLabel.expected)?.kind).toBe('match');
  });

  it('says the separator was dropped when it was', () => {
    expect(judgeTestScan(separatorLabel.expected.replaceAll(GS, ''))?.kind).toBe(
      'dropped-separator',
    );
  });

  it.each(['@', '^]', '~', '<gs>'])(
    'names "%s" when the scanner sends it for every GS',
    (standIn) => {
      for (const label of [separatorLabel, matrixLabel]) {
        expect(judgeTestScan(label.expected.replaceAll(GS, standIn))).toEqual({
          kind: 'stand-in-separator',
          label,
          standIn,
        });
      }
    },
  );

  it('is not a stand-in when the label differs elsewhere too', () => {
    const changed = separatorLabel.expected.replace(GS, '@').replace('S42', 'S43');
    expect(judgeTestScan(changed)?.kind).toBe('different');
  });
});
