import { useCallback } from 'react';
import type { RecallStepInput } from '../../shared/recall/recall-case-flow';
import type { StockMatch } from '../../shared/recall/stock-match';
import type { RecallCase, RecallCaseStep, RecallNotice } from '../../shared/model';
import { useSession } from '../session/session-store';
import type { EventDraft } from '../store/ledger-writer';
import { advanceRecallCaseAs, openRecallCaseAs } from '../store/recall-case-writer';
import { localToday, useServices } from './services';
import { useStockData } from './stock-data';

export type StepOutcome = { ok: true } | { ok: false; message: string };

/**
 * Records recall case steps through shared/recall's workflow (order, roles, second person) and
 * writes the stock events a step implies: quarantine of every matched unit, or their disposal.
 */
export function useRecallCase(notice: RecallNotice, match: StockMatch) {
  const { db, deviceId, facilityId } = useServices();
  const user = useSession((s) => s.user);
  const { isRecalled } = useStockData();

  const open = useCallback(async (): Promise<StepOutcome> => {
    if (!user) return { ok: false, message: 'Sign in first.' };
    const opened = await openRecallCaseAs(
      db,
      { facilityId, actorId: user.id, now: () => new Date() },
      { id: `RCS-${notice.id}`, noticeId: notice.id },
    );
    return opened.ok ? { ok: true } : { ok: false, message: opened.message };
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
      const next = await advanceRecallCaseAs(
        db,
        {
          facilityId,
          deviceId,
          actorId: user.id,
          now: () => new Date(),
          today: localToday(),
          isRecalled,
          acceptWarnings: true,
        },
        rc.id,
        { step, ...(units !== undefined ? { units } : {}), ...extra },
        drafts,
      );
      return next.ok ? { ok: true } : { ok: false, message: next.message };
    },
    [db, deviceId, facilityId, isRecalled, match, notice.id, user],
  );

  return { open, advance };
}
