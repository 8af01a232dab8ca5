import { BehaviorSubject, type Observable } from 'rxjs';
import type { CollectionName } from '../../shared/model';
import { summariseProblems, type SyncProblem } from './sync-problem';

/**
 * - `not-enrolled`: no central endpoint or token yet;
 * - `other-window`: another window of this app on this PC is syncing;
 * - `connecting`: started, nothing answered yet;
 * - `online`: the last call to the centre worked;
 * - `offline`: the centre cannot be reached; retrying with backoff;
 * - `attention`: the centre refuses something and a person must act (see `problems`).
 */
export type SyncPhase =
  'stopped' | 'not-enrolled' | 'other-window' | 'connecting' | 'online' | 'offline' | 'attention';

export interface CollectionSync {
  push: boolean;
  pull: boolean;
  /** Documents written here that the centre has not acknowledged yet. */
  waiting: number;
  /** Documents the centre acknowledged, since this window started syncing. */
  sent: number;
  /** Documents that came down, since this window started syncing. */
  received: number;
  lastSuccessAt?: string;
  problem?: SyncProblem;
}

export interface SyncStatus {
  phase: SyncPhase;
  waiting: number;
  sent: number;
  received: number;
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  /** At most one per collection: the latest thing that went wrong, in plain words. */
  problems: SyncProblem[];
  collections: Partial<Record<CollectionName, CollectionSync>>;
}

export const STOPPED: SyncStatus = {
  phase: 'stopped',
  waiting: 0,
  sent: 0,
  received: 0,
  problems: [],
  collections: {},
};

function phaseOf(status: SyncStatus, base: SyncPhase): SyncPhase {
  if (base === 'stopped' || base === 'not-enrolled' || base === 'other-window') return base;
  if (status.problems.some((p) => p.retry === 'person')) return 'attention';
  if (status.problems.length > 0) return 'offline';
  return status.lastSuccessAt ? 'online' : 'connecting';
}

/** The replication's state for the sync screen: one observable value, updated as things happen. */
export class SyncStatusStore {
  private readonly subject = new BehaviorSubject<SyncStatus>(STOPPED);
  /** A problem of the whole PC (not enrolled), shown until something syncs. */
  private pcProblem: SyncProblem | undefined;
  readonly status$: Observable<SyncStatus> = this.subject.asObservable();

  constructor(private readonly now: () => Date) {}

  get current(): SyncStatus {
    return this.subject.getValue();
  }

  setPhase(phase: SyncPhase): void {
    this.publish({ ...this.current, phase });
  }

  begin(collections: Partial<Record<CollectionName, { push: boolean; pull: boolean }>>): void {
    const entries = Object.entries(collections).map(([name, d]) => [
      name,
      { push: d.push, pull: d.pull, waiting: 0, sent: 0, received: 0 },
    ]);
    this.publish({ ...STOPPED, phase: 'connecting', collections: Object.fromEntries(entries) });
  }

  attempted(): void {
    this.publish({ ...this.current, lastAttemptAt: this.now().toISOString() });
  }

  succeeded(collection: CollectionName, counts: { sent?: number; received?: number } = {}): void {
    const at = this.now().toISOString();
    this.patch(
      collection,
      (c) => {
        const next: CollectionSync = {
          ...c,
          sent: c.sent + (counts.sent ?? 0),
          received: c.received + (counts.received ?? 0),
          lastSuccessAt: at,
        };
        delete next.problem;
        return next;
      },
      { lastSuccessAt: at, lastAttemptAt: at },
    );
  }

  /** The centre answered (a live stream connected): network trouble is over, refusals are not. */
  reachable(collection: CollectionName): void {
    if (this.current.collections[collection]?.problem?.retry !== 'soon') return;
    this.patch(
      collection,
      (c) => {
        const next = { ...c };
        delete next.problem;
        return next;
      },
      {},
    );
  }

  failed(problem: SyncProblem): void {
    const at = this.now().toISOString();
    const name = problem.collection as CollectionName | undefined;
    if (name && this.current.collections[name]) {
      this.patch(name, (c) => ({ ...c, problem }), { lastAttemptAt: at });
    } else {
      this.pcProblem = problem;
      this.patchAll({ lastAttemptAt: at });
    }
  }

  setWaiting(collection: CollectionName, waiting: number): void {
    if (this.current.collections[collection]?.waiting === waiting) return;
    this.patch(collection, (c) => ({ ...c, waiting }), {});
  }

  private patch(
    name: CollectionName,
    change: (c: CollectionSync) => CollectionSync,
    extra: Partial<SyncStatus>,
  ): void {
    const existing = this.current.collections[name];
    if (!existing) return;
    if (extra.lastSuccessAt) this.pcProblem = undefined;
    this.patchAll(extra, { ...this.current.collections, [name]: change(existing) });
  }

  private patchAll(
    extra: Partial<SyncStatus>,
    collections: SyncStatus['collections'] = this.current.collections,
  ): void {
    const all = Object.values(collections);
    const problems = all.flatMap((c) => (c.problem ? [c.problem] : []));
    if (this.pcProblem) problems.unshift(this.pcProblem);
    const sum = (pick: (c: CollectionSync) => number) => all.reduce((n, c) => n + pick(c), 0);
    this.publish({
      ...this.current,
      ...extra,
      collections,
      problems: summariseProblems(problems),
      waiting: sum((c) => c.waiting),
      sent: sum((c) => c.sent),
      received: sum((c) => c.received),
    });
  }

  private publish(status: SyncStatus): void {
    this.subject.next({ ...status, phase: phaseOf(status, status.phase) });
  }
}
