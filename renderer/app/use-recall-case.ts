import { useCallback } from 'react';
import type { RecallStepInput } from '../../shared/recall/recall-case-flow';
import type { StockMatch } from '../../shared/recall/stock-match';
import type { RecallCase, RecallCaseStep, RecallNotice } from '../../shared/model';
import { useSession } from '../session/session-store';
import type { EventDraft } from '../store/ledger-writer';
import { advanceRecallCaseAs, openRecallCaseAs } from '../store/recall-case-writer';
import { localToday, useServices } from './services';
import { useStockData } from './stock-data';
import { problemText } from './problem-text';
import { useRecord } from './use-record';
import { moveToQuarantineDrafts, type LotOutside } from '../../shared/recall/quarantine-evidence';

export type StepOutcome = { ok: true } | { ok: false; message: string };

/**
 * Records recall case steps through shared/recall's workflow (order, roles, second person) and
 * writes the stock events a step implies: quarantine of every matched unit, or their disposal.
 */
export function useRecallCase(notice: RecallNotice, match: StockMatch) {
  const { db, deviceId, facilityId } = useServices();
  const user = useSession((s) => s.user);
  const { isRecalled, locations } = useStockData();
  const record = useRecord();
  const isQuarantineArea = useCallback(
    (locationId: string) => locations.some((l) => l.id === locationId && l.kind === 'quarantine'),
    [locations],
  );

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
      extra: Pick<RecallStepInput, 'disposition' | 'note'> & { counted?: number } = {},
    ): Promise<StepOutcome> => {
      if (!user) return { ok: false, message: 'Sign in first.' };
      const lots = match.locations.flatMap((l) => l.lots);
      const drafts: EventDraft[] = [];
      let units: number | undefined;
      if (step === 'matched') units = match.totals.onHand;
      if (step === 'located') units = match.totals.onHand;
      // The writer takes the quarantined figure from where the units are, not from here.
      if (step === 'quarantined') units = match.totals.onHand;
      if (step === 'counted') units = extra.counted;
      if (step === 'disposed') {
        const inArea = lots.filter((l) => isQuarantineArea(l.locationId) && l.onHand > 0);
        // Units returned into the cage are there but not yet flagged: flag them, then dispose.
        for (const lot of inArea.filter((l) => l.onHand > l.quarantined)) {
          drafts.push({
            type: 'quarantine',
            itemId: lot.itemId,
            lotCode: lot.lotCode,
            locationId: lot.locationId,
            quantity: lot.onHand - lot.quarantined,
            reason: 'recall',
            recallNoticeId: notice.id,
          });
        }
        for (const lot of inArea) {
          drafts.push({
            type: 'dispose',
            itemId: lot.itemId,
            lotCode: lot.lotCode,
            locationId: lot.locationId,
            quantity: lot.onHand,
            recallNoticeId: notice.id,
            ...(extra.disposition ? { disposition: extra.disposition } : {}),
          });
        }
        units = inArea.reduce((sum, l) => sum + l.onHand, 0);
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
        {
          step,
          ...(units !== undefined ? { units } : {}),
          ...(extra.disposition ? { disposition: extra.disposition } : {}),
          ...(extra.note ? { note: extra.note } : {}),
        },
        drafts,
      );
      return next.ok ? { ok: true } : { ok: false, message: next.message };
    },
    [db, deviceId, facilityId, isRecalled, isQuarantineArea, match, notice.id, user],
  );

  /** Records units put into the quarantine cage: by a scan here, or a transfer the tech made. */
  const moveToQuarantine = useCallback(
    async (lot: Omit<LotOutside, 'units'>, units: number, scan?: string): Promise<StepOutcome> => {
      const area = locations.find((l) => l.kind === 'quarantine' && l.active);
      if (!area) {
        return {
          ok: false,
          message: 'This stockroom has no quarantine area set up. Ask the centre to add one.',
        };
      }
      const result = await record(moveToQuarantineDrafts(lot, units, area.id, notice.id, scan), {
        acceptWarnings: true,
      });
      return result.ok ? { ok: true } : { ok: false, message: problemText(result.problems) };
    },
    [locations, notice.id, record],
  );

  return { open, advance, moveToQuarantine, isQuarantineArea };
}
