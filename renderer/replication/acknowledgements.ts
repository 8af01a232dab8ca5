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
  /**
   * Every change runs in this queue, after the stored state was read: a change made before the
   * read finished would otherwise write an empty watermark over the stored one, and events the
   * centre already has would count as waiting for ever (they are never pushed again).
   */
  private queue: Promise<unknown>;
  private docs: LocalDocs | undefined;

  constructor(
    db: ReplicatedDatabase,
    private readonly deviceId: string,
  ) {
    this.docs = localDocs(db);
    this.queue = this.read();
  }

  private async read(): Promise<void> {
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
  }

  /** The stored state, once read. */
  async load(): Promise<PersistedSyncState> {
    await this.queue;
    return this.state;
  }

  get current(): PersistedSyncState {
    return this.state;
  }

  acknowledge(deviceSeqs: readonly number[]): Promise<void> {
    return this.change((state) => {
      let watermark = state.acknowledgedDeviceSeq;
      const above = new Set(state.acknowledgedAbove);
      for (const seq of deviceSeqs) if (seq > watermark) above.add(seq);
      while (above.delete(watermark + 1)) watermark += 1;
      return {
        acknowledgedDeviceSeq: watermark,
        acknowledgedAbove: [...above].sort((a, b) => a - b),
      };
    });
  }

  save(patch: Partial<PersistedSyncState>): Promise<void> {
    return this.change(() => patch);
  }

  private change(patch: (state: PersistedSyncState) => Partial<PersistedSyncState>): Promise<void> {
    const run = this.queue.then(async () => {
      this.state = { ...this.state, ...patch(this.state) };
      if (this.docs) await this.docs.upsertLocal(SYNC_STATE_ID, this.state);
    });
    // A closed database at shutdown: the next start recounts from what did reach the disk.
    this.queue = run.catch(() => undefined);
    return this.queue.then(() => undefined);
  }

  /** This device's events that have not reached the centre. */
  async eventsWaiting(events: RxCollection): Promise<number> {
    await this.queue;
    const { acknowledgedDeviceSeq, acknowledgedAbove } = this.state;
    const after = await events
      .count({ selector: { deviceId: this.deviceId, deviceSeq: { $gt: acknowledgedDeviceSeq } } })
      .exec();
    return Math.max(0, after - acknowledgedAbove.length);
  }

  flushed(): Promise<unknown> {
    return this.queue;
  }
}
