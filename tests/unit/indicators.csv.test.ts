import { describe, expect, it } from 'vitest';
import { toCsv } from '../../shared/indicators';

describe('toCsv', () => {
  it('writes RFC 4180 lines, quoting what needs it', () => {
    expect(
      toCsv(
        ['Item', 'Units'],
        [
          ['Gauze, 4 × 4', 12],
          ['Say "hi"', -3],
        ],
      ),
    ).toBe('Item,Units\r\n"Gauze, 4 × 4",12\r\n"Say ""hi""",-3\r\n');
  });

  it('never lets a text cell become a spreadsheet formula; numbers stay numbers', () => {
    expect(toCsv(['Lot'], [['=HYPERLINK("x")'], ['+1'], ['@SUM(A1)'], [-5]])).toBe(
      `Lot\r\n"'=HYPERLINK(""x"")"\r\n'+1\r\n'@SUM(A1)\r\n-5\r\n`,
    );
  });
});
