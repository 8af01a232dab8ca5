import { useCallback } from 'react';
import { useSession } from '../session/session-store';
import { recordEvents, type EventDraft, type RecordResult } from '../store/ledger-writer';
import { localToday, useServices } from './services';
import { useStockData } from './stock-data';

/** Records stock events as the signed-in person, on this device, now. */
export function useRecord(): (
  drafts: EventDraft[],
  options?: { acceptWarnings?: boolean; actorId?: string },
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
          actorId: options.actorId ?? user?.id ?? 'unknown',
          now: () => new Date(),
          today: localToday(),
          isRecalled,
          ...(options.acceptWarnings ? { acceptWarnings: true } : {}),
        },
        drafts,
      ),
    [db, deviceId, facilityId, user, isRecalled],
  );
}
