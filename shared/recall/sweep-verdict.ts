import type { RecallClass } from '../model';
import type { RecallBlock } from './recalled-lot-index';
import type { ScanDecision } from './scan-decision';

/** What the recall sweep says of one scanned unit, and which lot and notice it puts in quarantine. */
export type SweepVerdict =
  | { recalled: false }
  | {
      recalled: true;
      lotCode: string;
      noticeId: string;
      notices: { number: string; class: RecallClass }[];
      /** Set when the scanner ran the lot into what followed it: the words to show the tech. */
      runOn?: string;
    };

/**
 * The sweep asks the same question as issuing does: a recalled lot by its code, or a lot whose
 * code a scanner that dropped its separator ran on into the next fields (lot-run-on.ts). Without
 * the second, a sweep reading `FC2409A21FS000123` would call recalled lot FC2409A "not recalled".
 */
export function sweepVerdict(
  lotCode: string,
  blocks: readonly RecallBlock[],
  decision: ScanDecision | undefined,
): SweepVerdict {
  const first = blocks[0];
  if (first) {
    return {
      recalled: true,
      lotCode,
      noticeId: first.noticeId,
      notices: blocks.map((b) => ({ number: b.number, class: b.class })),
    };
  }
  for (const reason of decision?.reasons ?? []) {
    if (reason.code !== 'LOT_RUN_ON' || !reason.noticeId || !reason.number || !reason.class) {
      continue;
    }
    return {
      recalled: true,
      lotCode: reason.probableLot,
      noticeId: reason.noticeId,
      notices: [{ number: reason.number, class: reason.class }],
      runOn: reason.message,
    };
  }
  return { recalled: false };
}
