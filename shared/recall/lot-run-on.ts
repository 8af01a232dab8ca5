import { SCANNER_SET_UP_ADVICE } from '../barcode/error-codes';
import type { RunOnSplit } from '../barcode/run-on-field';
import type { RecallNotice } from '../model';
import { compileNotice, matchNotice, type CompiledNotice, type RecallUnit } from './notice-match';
import type { ScanReason, ScanWarning } from './scan-decision';

/** A scanned lot and what the facility knows of that item's lots (see runOnSplits). */
export interface LotRunOn {
  splits: readonly RunOnSplit[];
  /** Lot codes of this item the facility has on its books. */
  knownLots: readonly string[];
}

export interface LotRunOnFindings {
  reasons: Extract<ScanReason, { code: 'LOT_RUN_ON' }>[];
  warnings: Extract<ScanWarning, { code: 'LOT_SUSPECT' }>[];
}

const FIX = `The scanner probably dropped the GS separator (FNC1) after the lot. ${SCANNER_SET_UP_ADVICE}`;

function tailWords(split: RunOnSplit): string {
  return split.tail.map((f) => `(${f.ai}) ${f.value}`).join(' ');
}

/**
 * The decision half of the dropped-separator rule (the parse half is runOnSplits). A lot the
 * facility already knows is taken as printed. Otherwise:
 * - a recalled lot that begins the scanned lot, with the rest reading as AIs, is a stop: the unit is
 *   most probably that recalled lot;
 * - a known lot followed by AIs, or any head followed by a date or checked number, is a stop too:
 *   recording the run-on text would put a phantom lot on the books;
 * - a lot that merely reads as more AIs, or is longer than any lot of the item known here, is a
 *   warning the tech must accept.
 */
export function lotRunOnFindings(
  runOn: LotRunOn,
  lotCode: string,
  unit: RecallUnit,
  notices: readonly (RecallNotice | CompiledNotice)[],
): LotRunOnFindings {
  const none: LotRunOnFindings = { reasons: [], warnings: [] };
  if (lotCode === '' || runOn.knownLots.includes(lotCode)) return none;

  for (const split of runOn.splits) {
    for (const candidate of notices) {
      const compiled = 'notice' in candidate ? candidate : compileNotice(candidate);
      const verdict = matchNotice(compiled, { ...unit, lotCode: split.head });
      if (verdict.kind !== 'match') continue;
      if (!verdict.basis.some((b) => b === 'lot' || b === 'lot-range')) continue;
      const { id, number, class: cls } = compiled.notice;
      return {
        reasons: [
          {
            code: 'LOT_RUN_ON',
            probableLot: split.head,
            noticeId: id,
            number,
            class: cls,
            message: `Stop: the label read as lot ${lotCode}, which is most probably recalled lot ${split.head} followed by ${tailWords(split)} — notice ${number}, class ${cls}. Put the unit in quarantine. ${FIX}`,
          },
        ],
        warnings: [],
      };
    }
  }

  const probable =
    runOn.splits.find((s) => runOn.knownLots.includes(s.head)) ??
    runOn.splits.find((s) => s.strong);
  if (probable) {
    const known = runOn.knownLots.includes(probable.head) ? ' (a lot known here)' : '';
    return {
      reasons: [
        {
          code: 'LOT_RUN_ON',
          probableLot: probable.head,
          message: `Stop: the label read as lot ${lotCode}, which is most probably lot ${probable.head}${known} followed by ${tailWords(probable)}. Nothing was recorded. ${FIX}`,
        },
      ],
      warnings: [],
    };
  }

  const longest = Math.max(0, ...runOn.knownLots.map((l) => l.length));
  const tooLong = runOn.knownLots.length > 0 && lotCode.length > longest;
  if (runOn.splits.length === 0 && !tooLong) return none;
  const last = runOn.splits.at(-1);
  const why = last
    ? `part of it reads as further barcode fields (${tailWords(last)})`
    : `it is longer than any lot of this item known here (at most ${longest} characters)`;
  return {
    reasons: [],
    warnings: [
      {
        code: 'LOT_SUSPECT',
        message: `Check the lot: ${lotCode} is new here and ${why}. Compare it with the label before you go on. If the label's lot is shorter, the scanner dropped a separator: open Scanner set-up.`,
      },
    ],
  };
}
