import { useEffect, useState } from 'react';
import type { TransmissionContext } from '../../shared/replenishment/request-transmission';
import { useSyncStatus } from '../screens/sync-connection';
import { SYNC_STATE, type SyncState } from '../store/sync-state';
import { useServices } from './services';

/**
 * What the replication has saved about this PC's link to the centre, live: the supply requests
 * still waiting to be pushed and the last successful sync. Read from the persisted sync state, so
 * it is right after a restart too, before the replication has run.
 */
export function useTransmissionContext(): TransmissionContext {
  const { db, sync } = useServices();
  const status = useSyncStatus(sync);
  const [saved, setSaved] = useState<SyncState | undefined>();
  useEffect(() => {
    const subscription = db.getLocal$<SyncState>(SYNC_STATE).subscribe((doc) => {
      setSaved(doc ? (doc.toJSON().data as SyncState) : undefined);
    });
    return () => subscription.unsubscribe();
  }, [db]);
  const pending = new Set(
    (saved?.pendingDocuments ?? [])
      .filter((d) => d.collection === 'supply_requests')
      .map((d) => d.id),
  );
  return {
    enrolled: sync !== undefined && status.phase !== 'not-enrolled' && status.phase !== 'stopped',
    pending,
    ...(saved?.lastSuccessAt ? { lastSuccessAt: saved.lastSuccessAt } : {}),
  };
}
