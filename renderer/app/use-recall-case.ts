import { useCallback } from 'react';
import {
  advanceRecallCase,
  openRecallCase,
  type RecallStepInput,
} from '../../shared/recall/recall-case-flow';
import type { StockMatch } from '../../shared/recall/stock-match';
import type { RecallCase, RecallCaseStep, RecallNotice } from '../../shared/model';
import { useSession } from '../session/session-store';
import type { EventDraft } from '../store/ledger-writer';
import { problemText } from './problem-text';
import { useServices } from './services';
import { useRecord } from './use-record';

export type StepOutcome = { ok: true } | { ok: false; message: string };

/**
 * Records recall case steps through shared/recall's workflow (order, roles, second person) and
 * writes the stock events a step implies: quarantine of every matched unit, or their disposal.
 */
export function useRecallCase(notice: RecallNotice, match: StockMatch) {
  const { db, facilityId } = useServices();
  const user = useSession((s) => s.user);
  const record = useRecord();

  const open = useCallback(async (): Promise<StepOutcome> => {
    if (!user) return { ok: false, message: 'Sign in first.' };
    const opened = openRecallCase({
      id: `RCS-${notice.id}`,
      facilityId,
      noticeId: notice.id,
      at: new Date().toISOString(),
      by: user,
    });
    if (!opened.ok) return { ok: false, message: opened.error.message };
    await db.recall_cases.insert(opened.value);
    return { ok: true };
  }, [db, facilityId, notice.id, user]);

  const advance = useCallback(
    async (
      rc: RecallCase,
      step: RecallCaseStep,
      extra: Pick<RecallStepInput, 'disposition' | 'note'> = {},
    ): Promise<StepOutcome> => {
      if (!user) return { ok: false, message: 'Sign in first.' };
      const lots = match.locations.flatMap((l) => l.lots);
      const drafts: EventDraft[] = [];
      let units: number | undefined;
      if (step === 'matched') units = match.totals.onHand;
      if (step === 'located') units = match.totals.onHand;
      if (step === 'quarantined') {
        for (const lot of lots.filter((l) => l.toQuarantine > 0)) {
          drafts.push({
            type: 'quarantine',
            itemId: lot.itemId,
            lotCode: lot.lotCode,
            locationId: lot.locationId,
            quantity: lot.toQuarantine,
            reason: 'recall',
            recallNoticeId: notice.id,
          });
        }
        units = match.totals.quarantined + match.totals.toQuarantine;
      }
      if (step === 'counted') units = match.totals.quarantined;
      if (step === 'disposed') {
        for (const lot of lots.filter((l) => l.quarantined > 0)) {
          drafts.push({
            type: 'dispose',
            itemId: lot.itemId,
            lotCode: lot.lotCode,
            locationId: lot.locationId,
            quantity: lot.quarantined,
            recallNoticeId: notice.id,
            ...(extra.disposition ? { disposition: extra.disposition } : {}),
          });
        }
        units = match.totals.quarantined;
      }
      const next = advanceRecallCase(rc, {
        step,
        at: new Date().toISOString(),
        by: user,
        ...(units !== undefined ? { units } : {}),
        ...extra,
      });
      if (!next.ok) return { ok: false, message: next.error.message };
      if (drafts.length > 0) {
        const written = await record(drafts, { acceptWarnings: true });
        if (!written.ok) return { ok: false, message: problemText(written.problems) };
      }
      await db.recall_cases.upsert(next.value);
      return { ok: true };
    },
    [db, match, notice.id, record, user],
  );

  return { open, advance };
}
