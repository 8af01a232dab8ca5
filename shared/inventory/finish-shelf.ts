import type { Balance } from './balance';
import { countApprovalNeed } from './adjustment-approval';
import {
  recordCount,
  type CountDraft,
  type CountLine,
  type CountSheet,
} from './count-reconciliation';
import { COUNT_AWAITING_APPROVAL } from './count-review';

/**
 * "Finish shelf": the lots the ledger expects on the shelf that nobody scanned are counted as 0,
 * after the tech has said yes to the list. Each is judged against the tolerance like any count:
 * a zero the tolerance covers changes the stock now, and any other waits for a supervisor, so a
 * missed scan can never empty a shelf's record on one person's word.
 */
export function notScannedLines(sheet: CountSheet, countedKeys: ReadonlySet<string>): CountLine[] {
  return sheet.lines.filter((line) => !countedKeys.has(line.key));
}

export function finishShelfDrafts(
  lines: readonly CountLine[],
  ledgerNow: ReadonlyMap<string, Balance>,
  countSessionId: string,
): (CountDraft & { reason?: string })[] {
  return lines.flatMap((line) => {
    const entry = recordCount(line, 0, ledgerNow, countSessionId);
    if (!entry.ok) return [];
    const { needed } = countApprovalNeed(entry.draft);
    return [needed ? { ...entry.draft, reason: COUNT_AWAITING_APPROVAL } : entry.draft];
  });
}
