import type { StockroomDatabase } from './collections';

/**
 * What the sync status screen reads. The replication itself arrives with a later issue; it will
 * write this local document after each run and add entries to the sync errors inbox (renderer/store/sync-inbox.ts).
 */
export interface SyncState {
  /** When a push and pull last both succeeded. */
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  /** Highest deviceSeq of this device's events the centre has acknowledged. */
  acknowledgedDeviceSeq: number;
  /** Document ids of mutable documents edited here since the last successful push. */
  pendingDocuments: { collection: string; id: string }[];
}

export const SYNC_STATE = 'sync-state';
export const EMPTY_SYNC_STATE: SyncState = { acknowledgedDeviceSeq: 0, pendingDocuments: [] };

export async function readSyncState(db: StockroomDatabase): Promise<SyncState> {
  const doc = await db.getLocal<SyncState>(SYNC_STATE);
  if (!doc) return EMPTY_SYNC_STATE;
  const data = doc.toJSON().data;
  return { ...EMPTY_SYNC_STATE, ...data, pendingDocuments: [...data.pendingDocuments] };
}

/** Events this device made that the centre has not acknowledged yet. */
export async function eventsWaiting(
  db: StockroomDatabase,
  deviceId: string,
  state: SyncState,
): Promise<number> {
  return db.stock_events
    .count({ selector: { deviceId, deviceSeq: { $gt: state.acknowledgedDeviceSeq } } })
    .exec();
}
