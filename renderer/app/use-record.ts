import { useCallback } from 'react';
import { useSession } from '../session/session-store';
import type { StepUpProof } from '../session/step-up';
import { recordEvents, type EventDraft, type RecordResult } from '../store/ledger-writer';
import { localToday, useServices } from './services';
import { useStockData } from './stock-data';

/** Records stock events as the signed-in person, on this device, now. */
export function useRecord(): (
  drafts: EventDraft[],
  options?: { acceptWarnings?: boolean; stepUp?: StepUpProof },
) => Promise<RecordResult> {
  const { db, deviceId, facilityId } = useServices();
  const user = useSession((s) => s.user);
  const { isRecalled } = useStockData();
  return useCallback(
    (drafts, options = {}) =>
      recordEvents(
        db,
        {
          facilityId,
          deviceId,
          // Nobody signed in: the writer finds no such user and refuses.
          actorId: user?.id ?? 'nobody-signed-in',
          now: () => new Date(),
          today: localToday(),
          isRecalled,
          ...(options.acceptWarnings ? { acceptWarnings: true } : {}),
          ...(options.stepUp ? { stepUp: options.stepUp } : {}),
        },
        drafts,
      ),
    [db, deviceId, facilityId, user, isRecalled],
  );
}
