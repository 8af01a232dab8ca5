import type { Subscription } from 'rxjs';
import { isoDateFromDays, parseIsoDate } from '../../shared/inventory/calendar';
import {
  addToDigest,
  createLedgerDigest,
  linkToDigest,
  removeFromDigest,
  type LedgerDigest,
} from '../../shared/indicators';
import type { StockEvent } from '../../shared/model';
import type { StockroomDatabase } from './collections';
import { readEventsInPages, whenIdle } from './ledger-digest-read';
import { reversedChain } from './reversal-chain';

/** The longest a page of the first read waits for an idle moment on a busy screen. */
const IDLE_WAIT_MS = 200;

/**
 * Days of ledger the dashboard reads: the longest period (90 days) and the 30 days of usage before
 * it; the anomaly window (a week and its 12 baseline weeks, 91 days) lies inside.
 */
export const DIGEST_DAYS = 120;

export interface DigestState {
  /** Undefined until the first read of the store is folded in. */
  digest: LedgerDigest | undefined;
  /** Moves on with every change folded in, so a screen knows to read the figures again. */
  version: number;
}

export interface DigestKeeper {
  current(): DigestState;
  subscribe(listener: () => void): () => void;
  /** Starts again from an earlier first day (a clock set back past the one held). */
  cover(since: number): void;
}

type ChangeData = Record<string, unknown> | undefined;

/** The event itself, without the storage's bookkeeping fields. */
function eventOf(data: ChangeData): StockEvent | undefined {
  if (!data) return undefined;
  const { _meta, _rev, _attachments, _deleted, ...event } = data;
  void _meta;
  void _rev;
  void _attachments;
  void _deleted;
  return event as unknown as StockEvent;
}

/**
 * Keeps the dashboard's digest of the last 120 days of stock events in memory for this window:
 * read once from the store in the background when it opens, then kept from the collection's
 * change stream, which carries this PC's writes, other windows' writes and events that arrive by
 * replication alike. The stream is listened to before the read, and the digest holds each event
 * at most once, so an event written during the read is neither lost nor counted twice. Nothing is
 * persisted: a restart reads the 120 days again, in idle moments behind the sign-in screen, so the
 * size of the ledger never delays the first screen.
 */
function startKeeper(db: StockroomDatabase, today: string): DigestKeeper {
  let state: DigestState = { digest: undefined, version: 0 };
  const listeners = new Set<() => void>();
  const publish = (digest: LedgerDigest | undefined) => {
    state = { digest, version: state.version + 1 };
    for (const listener of listeners) listener();
  };
  let subscription: Subscription | undefined;
  let generation = 0;
  let covered = Infinity;

  const build = (since: number) => {
    const mine = ++generation;
    covered = since;
    subscription?.unsubscribe();
    const digest = createLedgerDigest(since);
    let ready = false;
    // A reversal cancels the event it names, which may lie before the digest's first day (or was
    // folded before the reversal came): the stockout days need that event, looked up by id.
    const linkChains = async (events: readonly StockEvent[]) => {
      for (const event of events) {
        if (event.type !== 'reversal' || mine !== generation || db.closed) continue;
        linkToDigest(digest, await reversedChain(db, event, []));
      }
    };
    const apply = (
      changes: { operation: string; documentData: ChangeData; previousDocumentData?: ChangeData }[],
    ) => {
      let changed = false;
      const added: StockEvent[] = [];
      for (const change of changes) {
        const before = eventOf(change.previousDocumentData);
        const after = eventOf(change.documentData);
        if (change.operation !== 'INSERT' && before)
          changed = removeFromDigest(digest, before) || changed;
        if (change.operation === 'DELETE' && after)
          changed = removeFromDigest(digest, after) || changed;
        if (change.operation !== 'DELETE' && after && addToDigest(digest, after)) {
          changed = true;
          added.push(after);
        }
      }
      if (added.some((e) => e.type === 'reversal')) {
        void linkChains(added)
          .then(() => {
            if (mine === generation) publish(digest);
          })
          .catch((error: unknown) =>
            console.warn('The dashboard could not read a reversal.', error),
          );
      }
      return changed;
    };
    const waiting: Parameters<typeof apply>[0] = [];
    subscription = db.stock_events.eventBulks$.subscribe((bulk) => {
      const changes = bulk.events as unknown as Parameters<typeof apply>[0];
      if (!ready) waiting.push(...changes);
      else if (apply(changes)) publish(digest);
    });
    // One day of margin in the text: an instant written with an offset names its local date,
    // and the digest counts by the UTC day, as the indicators do. The read waits for the first
    // idle moment, after the first screen is drawn, and then goes a page at a time.
    void readEventsInPages(db, isoDateFromDays(since - 1), {
      fold: (events) => {
        for (const event of events) addToDigest(digest, event);
        return linkChains(events);
      },
      abandoned: () => mine !== generation || db.closed,
      pause: () => whenIdle(IDLE_WAIT_MS),
    })
      .then((complete) => {
        if (!complete) return;
        apply(waiting.splice(0));
        ready = true;
        publish(digest);
      })
      .catch((error: unknown) => {
        // A closed database at shutdown; otherwise the dashboard would wait forever, so say so.
        console.warn('The dashboard could not read the ledger.', error);
      });
  };

  build((parseIsoDate(today) ?? 0) - DIGEST_DAYS + 1);
  return {
    current: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    cover(since) {
      if (covered <= since) return;
      publish(undefined);
      build(since);
    },
  };
}

const keepers = new WeakMap<StockroomDatabase, DigestKeeper>();

/** The window's one keeper for this database, started at the first call. */
export function ledgerDigestOf(db: StockroomDatabase, today: string): DigestKeeper {
  const existing = keepers.get(db);
  if (existing) return existing;
  const keeper = startKeeper(db, today);
  keepers.set(db, keeper);
  return keeper;
}
