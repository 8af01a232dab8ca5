import type { Observable, Subscription } from 'rxjs';
import type { ApprovalPolicy } from '../../shared/model';
import { keepApprovalPolicy } from '../store/approval-policy-local';
import type { StockroomDatabase } from '../store/collections';
import { trimUrl, type FetchLike } from './endpoint-client';
import type { SyncStatus } from './sync-status';

export interface PolicyFetchOptions {
  url: string;
  token: () => Promise<string | null>;
  status$: Observable<SyncStatus>;
  fetch?: FetchLike;
  /** Fewest milliseconds between two fetches while the PC stays online. */
  everyMs?: number;
  now?: () => number;
}

/**
 * Keeps the facility's approval policy on this PC: fetched each time sync comes online (and at
 * most every `everyMs` while it stays online), kept in a local document, so a supervisor who
 * acknowledges a request offline applies the latest version the PC has seen. A failed fetch is
 * simply tried at the next chance: the PC keeps the version it holds.
 */
export function followApprovalPolicy(
  db: Pick<StockroomDatabase, 'getLocal' | 'upsertLocal'>,
  options: PolicyFetchOptions,
): { subscription: Subscription; idle(): Promise<void> } {
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const everyMs = options.everyMs ?? 60_000;
  const now = options.now ?? (() => Date.now());
  let last = Number.NEGATIVE_INFINITY;
  let running: Promise<void> = Promise.resolve();
  const fetchOnce = async () => {
    const token = await options.token();
    if (!token) return;
    const response = await fetchFn(`${trimUrl(options.url)}/v1/replication/approval-policy`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) return;
    const body = (await response.json()) as { policy: ApprovalPolicy | null };
    if (body.policy) await keepApprovalPolicy(db, body.policy);
  };
  const subscription = options.status$.subscribe((status) => {
    if (status.phase !== 'online' || now() - last < everyMs) return;
    last = now();
    running = running.then(fetchOnce).catch(() => {
      last = Number.NEGATIVE_INFINITY;
    });
  });
  return { subscription, idle: () => running };
}
