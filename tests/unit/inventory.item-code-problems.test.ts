import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gtinCheckDigit } from '../../shared/barcode';
import { itemCodeProblems, sharedProductCodes } from '../../shared/inventory';
import { CATHETER, GAUZE } from '../fixtures/recall/notices';

const coded = (
  id: string,
  gtins: string[],
  hibccCodes: string[] = [],
  isbt128Codes?: string[],
) => ({
  id,
  gtins,
  hibccCodes,
  ...(isbt128Codes ? { isbt128Codes } : {}),
});

describe('an item master entry names products a label can carry', () => {
  it('a GTIN whose check digit is wrong is named, with the digit it should end in', () => {
    expect(itemCodeProblems(coded('ITM-1', ['09504000059101', '09504000059102']))).toEqual([
      {
        field: 'gtins[1]',
        message:
          'GTIN 09504000059102 has a wrong check digit (it should end in 1): check it against the label',
      },
    ]);
  });

  it('every GTIN with its computed check digit passes, and every other last digit is refused', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{13}$/), fc.integer({ min: 0, max: 9 }), (body, last) => {
        const problems = itemCodeProblems(coded('ITM-1', [`${body}${last}`]));
        expect(problems.length === 0).toBe(last === gtinCheckDigit(body));
      }),
    );
  });
});

describe('a product code names one item once a batch is stored', () => {
  it('a code the batch gives to a second item is named with both items', () => {
    expect(sharedProductCodes([coded('ITM-NEW', [CATHETER.gtins[0]!])], [CATHETER, GAUZE])).toEqual(
      [
        {
          field: 'gtins',
          label: 'GTIN',
          code: CATHETER.gtins[0],
          itemIds: ['ITM-NEW', CATHETER.id],
        },
      ],
    );
  });

  it('moving a code is one batch that sends both items', () => {
    const moved = [
      { ...CATHETER, gtins: [], hibccCodes: [] },
      coded('ITM-NEW', CATHETER.gtins, CATHETER.hibccCodes),
    ];
    expect(sharedProductCodes(moved, [CATHETER, GAUZE])).toEqual([]);
  });

  it('HIBCC and ISBT 128 codes are held to the same rule, inside one batch too', () => {
    const isbt = 'A999912345678901';
    expect(
      sharedProductCodes(
        [
          coded('ITM-A', [], ['A123PROD1231'], [isbt]),
          coded('ITM-B', [], ['A123PROD1231'], [isbt]),
        ],
        [],
      ).map((s) => [s.label, s.itemIds]),
    ).toEqual([
      ['HIBCC code', ['ITM-A', 'ITM-B']],
      ['ISBT 128 code', ['ITM-A', 'ITM-B']],
    ]);
  });

  it('a clash between two stored items the batch does not touch is not the batch’s to answer', () => {
    const twin = { ...GAUZE, id: 'ITM-TWIN' };
    expect(sharedProductCodes([coded('ITM-NEW', ['00012345600012'])], [GAUZE, twin])).toEqual([]);
  });

  it('an item sent again with its own codes does not clash with its stored self', () => {
    const renamed = { ...CATHETER, name: 'Renamed' };
    expect(sharedProductCodes([renamed], [CATHETER])).toEqual([]);
  });
});
