import type { ReplicatedDatabase } from './database-shape';
import {
  changeInbox,
  inboxDocsOf,
  withEntry,
  withResolved,
  type InboxDocs,
} from '../store/sync-inbox';
import type { SyncErrorDoc } from '../store/local-schemas';
import { summariseProblems, type SyncProblem, type SyncProblemCode } from './sync-problem';

const NETWORK_ENTRY = 'sync-network';

/** The sync screen's errors inbox (renderer/store/local-schemas.ts: SyncErrorDoc). */
export type InboxKind = SyncErrorDoc['kind'];

export interface InboxEntry {
  id: string;
  kind: InboxKind;
  collectionName: string;
  documentId?: string;
  message: string;
}

const KIND: Record<SyncProblemCode, InboxKind> = {
  OFFLINE: 'network',
  TIMEOUT: 'network',
  SERVER_UNAVAILABLE: 'network',
  BAD_RESPONSE: 'network',
  NOT_ENROLLED: 'rejected',
  TOKEN_REFUSED: 'rejected',
  REFUSED: 'rejected',
  VERSION_MISMATCH: 'rejected',
};

/**
 * Writes what went wrong into the inbox local document when the database has local documents (the
 * app does; the chaos harness's bare clients do not). One entry per collection and kind of problem,
 * rewritten only when its words change, and marked resolved once that collection syncs again, so a
 * flaky network does not fill the inbox.
 */
export class SyncInbox {
  private readonly inbox: InboxDocs | undefined;
  private readonly shown = new Map<string, string>();
  private writes: Promise<unknown> = Promise.resolve();

  constructor(
    db: ReplicatedDatabase,
    private readonly now: () => Date,
  ) {
    this.inbox = inboxDocsOf(db);
  }

  /** Network trouble is one entry for the PC; a refusal is one entry per collection. */
  problem(problem: SyncProblem): void {
    const [general] = summariseProblems([problem, { ...problem, collection: 'all' }]);
    const network = problem.retry === 'soon';
    const collection = network ? 'all' : (problem.collection ?? 'all');
    this.post({
      id: network ? NETWORK_ENTRY : `sync-${collection}`,
      kind: KIND[problem.code],
      collectionName: collection,
      message: network ? (general ?? problem).message : problem.message,
    });
  }

  /** The collection synced: the network is back, and whatever was shown for it is over. */
  cleared(collection: string): void {
    for (const key of [`sync-${collection}`, 'sync-all', NETWORK_ENTRY]) {
      if (!this.shown.has(key)) continue;
      this.shown.delete(key);
      this.enqueue((inbox) => changeInbox(inbox, (entries) => withResolved(entries, key)));
    }
  }

  /** The centre answered: the network entry is over (refusals wait for their own success). */
  reachable(): void {
    if (!this.shown.has(NETWORK_ENTRY)) return;
    this.shown.delete(NETWORK_ENTRY);
    this.enqueue((inbox) => changeInbox(inbox, (entries) => withResolved(entries, NETWORK_ENTRY)));
  }

  /** A lasting notice (an integrity alarm, a recall flag): never resolved by a later success. */
  post(entry: InboxEntry): void {
    if (this.shown.get(entry.id) === entry.message) return;
    this.shown.set(entry.id, entry.message);
    const at = this.now().toISOString();
    this.enqueue((inbox) =>
      changeInbox(inbox, (entries) => withEntry(entries, { ...entry, at, resolved: false })),
    );
  }

  settled(): Promise<unknown> {
    return this.writes;
  }

  private enqueue(write: (inbox: InboxDocs) => Promise<unknown>): void {
    const inbox = this.inbox;
    if (!inbox) return;
    // A closed database at shutdown loses an inbox line, never stock data.
    this.writes = this.writes.then(() => write(inbox)).catch(() => undefined);
  }
}
