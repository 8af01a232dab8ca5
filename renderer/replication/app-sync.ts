import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import type { StockroomDatabase } from '../store/collections';
import { followAnomalyDecisions } from './anomaly-decision-sync';
import { followApprovalPolicy } from './approval-policy-fetch';
import { SyncInbox } from './inbox';
import { runInOneWindow, type OneWindow } from './one-window';
import { watchRecallArrivals } from './recall-arrival';
import { projectRemoteEvents } from './remote-balances';
import { startReplication, type ReplicationHandle } from './start-replication';
import { APP_VERSION } from '../app/app-version';
import { STOPPED, type SyncStatus } from './sync-status';

export interface AppSyncOptions {
  db: StockroomDatabase;
  /** The platform port's token; null before enrolment. */
  token: () => Promise<string | null>;
  /** Keeps a token the centre renewed while this PC syncs. */
  renewToken?: (token: string) => Promise<void>;
  /** The central endpoint from the settings; empty when none is configured. */
  endpoint: string;
  deviceId: string;
  facilityId: string;
  now?: () => Date;
}

export interface AppSync {
  readonly status$: Observable<SyncStatus>;
  /** "Sync now", or the browser said the network is back. */
  reconnect(): void;
  stop(): Promise<void>;
}

const LOCK = 'stockroom-edge.sync';

/**
 * The app's sync: replication, the balances of other PCs' events and the handling of arriving
 * recalls, all in the one window that holds the sync lock. Other windows show "syncing in another
 * window" and see the results through the shared database. Never awaited at start-up: the app
 * works the same with or without a network.
 */
export function startAppSync(options: AppSyncOptions): AppSync {
  const now = options.now ?? (() => new Date());
  const status = new BehaviorSubject<SyncStatus>(STOPPED);
  if (!options.endpoint) {
    status.next({ ...STOPPED, phase: 'not-enrolled' });
    return {
      status$: status.asObservable(),
      reconnect: () => undefined,
      stop: async () => undefined,
    };
  }
  status.next({ ...STOPPED, phase: 'other-window' });
  let handle: ReplicationHandle | undefined;
  const onOnline = () => handle?.reconnect();
  const window: OneWindow = runInOneWindow(LOCK, async () => {
    const { db } = options;
    const replication = startReplication(db, {
      url: options.endpoint,
      token: options.token,
      ...(options.renewToken ? { renewToken: options.renewToken } : {}),
      deviceId: options.deviceId,
      appVersion: APP_VERSION,
      now,
    });
    handle = replication;
    const forward: Subscription = replication.status$.subscribe((s) => status.next(s));
    const balances = projectRemoteEvents(db, options.deviceId);
    const recalls = watchRecallArrivals(db, {
      facilityId: options.facilityId,
      deviceId: options.deviceId,
      now,
      inbox: new SyncInbox(db, now),
    });
    const policy = followApprovalPolicy(db, {
      url: options.endpoint,
      token: options.token,
      status$: replication.status$,
    });
    const decisions = followAnomalyDecisions(db, {
      url: options.endpoint,
      token: options.token,
      status$: replication.status$,
      inbox: new SyncInbox(db, now),
    });
    globalThis.addEventListener?.('online', onOnline);
    return async () => {
      decisions.subscription.unsubscribe();
      globalThis.removeEventListener?.('online', onOnline);
      policy.subscription.unsubscribe();
      recalls.subscription.unsubscribe();
      balances.subscription.unsubscribe();
      await replication.stop();
      await Promise.all([recalls.checked(), balances.idle(), policy.idle(), decisions.idle()]);
      forward.unsubscribe();
      handle = undefined;
    };
  });
  return {
    status$: status.asObservable(),
    reconnect: () => handle?.reconnect(),
    async stop() {
      await window.release();
      status.next(STOPPED);
    },
  };
}
