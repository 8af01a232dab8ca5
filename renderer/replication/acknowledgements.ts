import type { RxCollection } from 'rxdb';
import type { ReplicatedDatabase } from './database-shape';

/**
 * The local document the sync screen reads (renderer/store/sync-state.ts declares its shape; the
 * replication adds `acknowledgedAbove`). Kept as an RxDB local document: it takes no collection
 * slot and survives a restart.
 */
export const SYNC_STATE_ID = 'sync-state';

export interface PersistedSyncState {
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  /** Every event of this device up to this sequence number has reached the centre. */
  acknowledgedDeviceSeq: number;
  /** Acknowledged sequence numbers above the watermark (pushes run in parallel, out of order). */
  acknowledgedAbove: number[];
  pendingDocuments: { collection: string; id: string }[];
}

const EMPTY: PersistedSyncState = {
  acknowledgedDeviceSeq: 0,
  acknowledgedAbove: [],
  pendingDocuments: [],
};

interface LocalDocs {
  getLocal(id: string): Promise<{ toJSON(): { data: unknown } } | null>;
  upsertLocal(id: string, data: unknown): Promise<unknown>;
}

function localDocs(db: ReplicatedDatabase): LocalDocs | undefined {
  const candidate = db as unknown as Partial<LocalDocs>;
  // Without the local-documents plugin the state lives in memory only (counts restart at zero).
  return typeof candidate.getLocal === 'function' && typeof candidate.upsertLocal === 'function'
    ? (candidate as LocalDocs)
    : undefined;
}

/**
 * Which of this device's stock events the centre has acknowledged, as a watermark plus the few
 * sequence numbers above it, so "events waiting" is one indexed count and stays right across
 * restarts. An event acknowledged by the centre but not recorded here (the PC stopped between the
 * two) is pushed again, acknowledged again, and recorded then.
 */
export class SyncStateKeeper {
  private state: PersistedSyncState = EMPTY;
  private writes: Promise<unknown> = Promise.resolve();
  private docs: LocalDocs | undefined;

  constructor(
    db: ReplicatedDatabase,
    private readonly deviceId: string,
  ) {
    this.docs = localDocs(db);
  }

  async load(): Promise<PersistedSyncState> {
    let doc: Awaited<ReturnType<LocalDocs['getLocal']>> = null;
    try {
      doc = this.docs ? await this.docs.getLocal(SYNC_STATE_ID) : null;
    } catch {
      // The plugin is there but this database was opened without local documents.
      this.docs = undefined;
    }
    const data = (doc?.toJSON().data ?? {}) as Partial<PersistedSyncState>;
    this.state = {
      ...EMPTY,
      ...data,
      acknowledgedAbove: [...(data.acknowledgedAbove ?? [])],
      pendingDocuments: [...(data.pendingDocuments ?? [])],
    };
    return this.state;
  }

  get current(): PersistedSyncState {
    return this.state;
  }

  acknowledge(deviceSeqs: readonly number[]): Promise<void> {
    let watermark = this.state.acknowledgedDeviceSeq;
    const above = new Set(this.state.acknowledgedAbove);
    for (const seq of deviceSeqs) if (seq > watermark) above.add(seq);
    while (above.delete(watermark + 1)) watermark += 1;
    return this.save({
      acknowledgedDeviceSeq: watermark,
      acknowledgedAbove: [...above].sort((a, b) => a - b),
    });
  }

  save(patch: Partial<PersistedSyncState>): Promise<void> {
    this.state = { ...this.state, ...patch };
    const snapshot = this.state;
    const docs = this.docs;
    if (!docs) return Promise.resolve();
    const write = this.writes.then(() => docs.upsertLocal(SYNC_STATE_ID, snapshot));
    this.writes = write.catch(() => undefined);
    return write.then(
      () => undefined,
      // A closed database at shutdown: the next start recounts from what did reach the disk.
      () => undefined,
    );
  }

  /** This device's events that have not reached the centre. */
  async eventsWaiting(events: RxCollection): Promise<number> {
    const after = await events
      .count({
        selector: { deviceId: this.deviceId, deviceSeq: { $gt: this.state.acknowledgedDeviceSeq } },
      })
      .exec();
    return Math.max(0, after - this.state.acknowledgedAbove.length);
  }

  flushed(): Promise<unknown> {
    return this.writes;
  }
}
