import { combineLatest, type Observable, type Subscription } from 'rxjs';
import type { AnomalyDecision } from '../../shared/model';
import {
  ANOMALY_DECISIONS_DOC,
  changeAnomalyDecisions,
  heldDecisionsOf,
  readAnomalyDecisions,
} from '../store/anomaly-decisions-local';
import type { StockroomDatabase } from '../store/collections';
import { trimUrl, type FetchLike } from './endpoint-client';
import type { SyncInbox } from './inbox';
import type { SyncStatus } from './sync-status';

export interface DecisionSyncOptions {
  url: string;
  token: () => Promise<string | null>;
  status$: Observable<SyncStatus>;
  inbox: SyncInbox;
  fetch?: FetchLike;
}

/**
 * Sends this PC's decisions on usage anomaly flags to the centre and reads back the facility's
 * (another PC's decision closes the flag here too), whenever sync is online and a decision waits.
 * A refusal is kept beside the decision, the flag opens again, and the sync inbox says why; a flag
 * another PC decided first takes that decision. A failed call is tried at the next chance.
 */
export function followAnomalyDecisions(
  db: Pick<StockroomDatabase, 'getLocal' | 'upsertLocal' | 'getLocal$'>,
  options: DecisionSyncOptions,
): { subscription: Subscription; idle(): Promise<void> } {
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = `${trimUrl(options.url)}/v1/replication/anomaly-decisions`;
  let running: Promise<void> = Promise.resolve();
  // Read the facility's decisions back on coming online, and at most once a minute after that.
  let readAt = Number.NEGATIVE_INFINITY;
  const settle = (
    id: string,
    state: 'held' | 'refused',
    decision?: AnomalyDecision,
    message?: string,
  ) =>
    changeAnomalyDecisions(db, (entries) =>
      entries.map((e) =>
        e.decision.id === id && e.state === 'waiting'
          ? { decision: decision ?? e.decision, state, ...(message ? { message } : {}) }
          : e,
      ),
    );
  const exchange = async () => {
    const token = await options.token();
    if (!token) return;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    for (const entry of await readAnomalyDecisions(db)) {
      if (entry.state !== 'waiting') continue;
      const response = await fetchFn(base, {
        method: 'POST',
        headers,
        body: JSON.stringify(entry.decision),
        signal: AbortSignal.timeout(30_000),
      });
      if (response.ok) {
        await settle(entry.decision.id, 'held');
        continue;
      }
      if (response.status >= 500 || response.status === 401) return;
      const body = (await response.json().catch(() => ({}))) as {
        message?: string;
        decision?: AnomalyDecision;
      };
      const message = body.message ?? `The centre refused the decision (${response.status}).`;
      if (response.status === 409 && body.decision) {
        await settle(entry.decision.id, 'held', body.decision);
      } else {
        await settle(entry.decision.id, 'refused', undefined, message);
      }
      options.inbox.post({
        id: `anomaly-decision:${entry.decision.id}`,
        kind: 'rejected',
        collectionName: 'anomaly decisions',
        documentId: entry.decision.id,
        message,
      });
    }
    const response = await fetchFn(base, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) return;
    const { decisions } = (await response.json()) as { decisions: AnomalyDecision[] };
    const fromCentre = heldDecisionsOf({
      entries: decisions.map((decision) => ({ decision, state: 'held' })),
    });
    await changeAnomalyDecisions(db, (entries) => {
      const known = new Map(fromCentre.map((e) => [e.decision.id, e]));
      return [...entries.filter((e) => !known.has(e.decision.id)), ...known.values()];
    });
    readAt = Date.now();
  };
  const subscription = combineLatest([
    options.status$,
    db.getLocal$(ANOMALY_DECISIONS_DOC),
  ]).subscribe(([status, doc]) => {
    if (status.phase !== 'online') {
      readAt = Number.NEGATIVE_INFINITY;
      return;
    }
    const waiting = heldDecisionsOf(doc?.toJSON().data).some((e) => e.state === 'waiting');
    if (!waiting && Date.now() - readAt < 60_000) return;
    readAt = Date.now();
    running = running.then(exchange).catch(() => {
      readAt = Number.NEGATIVE_INFINITY;
    });
  });
  return { subscription, idle: () => running };
}
