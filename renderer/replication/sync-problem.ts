/**
 * What went wrong talking to the centre, as a value: a stable `code`, a `message` for the person at
 * the screen, and how to retry. Nothing here throws away data: every problem is retried, the
 * ones a person must fix (a revoked PC, a refused document) only more slowly.
 */
export type SyncProblemCode =
  /** No network, the endpoint is down, or the connection broke. */
  | 'OFFLINE'
  /** The endpoint did not answer in time. */
  | 'TIMEOUT'
  /** The endpoint answered with a server error (5xx) or asked us to wait (429). */
  | 'SERVER_UNAVAILABLE'
  /** The endpoint's answer was cut off or not what the protocol says. */
  | 'BAD_RESPONSE'
  /** No token yet: the PC has not been enrolled. */
  | 'NOT_ENROLLED'
  /** The token was refused: revoked, expired, or from another endpoint. */
  | 'TOKEN_REFUSED'
  /** The endpoint refused documents (invalid, or of another facility); they stay on this PC. */
  | 'REFUSED'
  /** The endpoint does not know a collection this app syncs: the versions differ. */
  | 'VERSION_MISMATCH';

/** `soon`: back off and try again; `person`: a person must act, so try only now and then. */
export type RetryKind = 'soon' | 'person';

export interface SyncProblem {
  code: SyncProblemCode;
  message: string;
  retry: RetryKind;
  collection?: string;
  status?: number;
  /** The endpoint's Retry-After, when it gave one. */
  retryAfterMs?: number;
}

/** Thrown inside the replication handlers so RxDB retries; carries the problem as a value. */
export class SyncFailure extends Error {
  constructor(readonly problem: SyncProblem) {
    super(problem.message);
    this.name = 'SyncFailure';
  }
}

/** Thrown when replication stops while a request waits: not a problem to show anyone. */
export class SyncStopped extends Error {
  constructor() {
    super('Replication stopped');
    this.name = 'SyncStopped';
  }
}

const TITLES: Record<string, string> = {
  items: 'item master',
  locations: 'locations',
  par_levels: 'par levels',
  recall_notices: 'recall notices',
  recall_cases: 'recall cases',
  users: 'users',
  stock_events: 'stock events',
  supply_requests: 'supply requests',
  pending_items: 'new products',
  deliveries: 'expected deliveries',
};

export function titleOf(collection: string): string {
  return TITLES[collection] ?? collection;
}

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  return undefined;
}

/** The problem behind a non-2xx answer; `detail` is the endpoint's own message when it sent one. */
export function problemFromStatus(
  collection: string,
  status: number,
  detail: string | undefined,
  retryAfterHeader: string | null = null,
): SyncProblem {
  const what = titleOf(collection);
  const base = { collection, status };
  if (status === 401) {
    return {
      ...base,
      code: 'TOKEN_REFUSED',
      retry: 'person',
      message: `${
        detail && /revoked/i.test(detail)
          ? 'The centre has revoked this PC.'
          : detail && /expired/i.test(detail)
            ? 'The enrolment of this PC has expired.'
            : 'The centre no longer accepts this PC (its enrolment was revoked or has expired).'
      } Work carries on here; to sync again, an administrator enters a new enrolment code on the Sync status screen.`,
    };
  }
  if (status === 404) {
    return {
      ...base,
      code: 'VERSION_MISMATCH',
      retry: 'person',
      message: `The centre does not know ${what}: this app and the central endpoint are different versions. Ask IT to update them; ${what} stay on this PC until then.`,
    };
  }
  if (status === 429 || status >= 500) {
    const ms = retryAfter(retryAfterHeader);
    return {
      ...base,
      code: 'SERVER_UNAVAILABLE',
      retry: 'soon',
      ...(ms !== undefined ? { retryAfterMs: ms } : {}),
      message: `The central endpoint is busy or having trouble (answer ${status}). Work carries on here; ${what} will sync when it recovers.`,
    };
  }
  return {
    ...base,
    code: 'REFUSED',
    retry: 'person',
    message: `The centre refused ${what} from this PC${detail ? `: ${detail}` : ` (answer ${status})`}. They stay on this PC and are sent again; if this stays here, call support.`,
  };
}

export function offlineProblem(collection: string, timedOut: boolean): SyncProblem {
  const what = titleOf(collection);
  return timedOut
    ? {
        collection,
        code: 'TIMEOUT',
        retry: 'soon',
        message: `The central endpoint did not answer in time. Work carries on here; ${what} will sync when the network is better.`,
      }
    : {
        collection,
        code: 'OFFLINE',
        retry: 'soon',
        message: `Cannot reach the central endpoint. Work carries on here; ${what} will sync when the network is back.`,
      };
}

export function badResponseProblem(collection: string): SyncProblem {
  return {
    collection,
    code: 'BAD_RESPONSE',
    retry: 'soon',
    message: `The central endpoint's answer for ${titleOf(collection)} was cut off or garbled. It will be asked again.`,
  };
}

export function notEnrolledProblem(): SyncProblem {
  return {
    code: 'NOT_ENROLLED',
    retry: 'person',
    message:
      'This PC is not enrolled with the centre yet. An administrator enters the central endpoint address and an enrolment code on the Sync status screen.',
  };
}

const EVERYTHING: Partial<Record<SyncProblemCode, string>> = {
  OFFLINE:
    'Cannot reach the central endpoint. Work carries on here; everything will sync when the network is back.',
  TIMEOUT:
    'The central endpoint does not answer in time. Work carries on here; everything will sync when the network is better.',
  SERVER_UNAVAILABLE:
    'The central endpoint is busy or having trouble. Work carries on here; everything will sync when it recovers.',
  BAD_RESPONSE:
    "The central endpoint's answers arrive cut off or garbled. They are asked for again.",
};

/**
 * One line per kind of network trouble, not one per collection: when the network is down every
 * collection says so, and a person needs to read it once. What a person must fix stays per
 * collection, because it says which documents are refused.
 */
export function summariseProblems(problems: readonly SyncProblem[]): SyncProblem[] {
  const kept: SyncProblem[] = problems.filter((p) => p.retry === 'person');
  const seen = new Set<SyncProblemCode>();
  for (const problem of problems) {
    if (problem.retry === 'person' || seen.has(problem.code)) continue;
    seen.add(problem.code);
    const alike = problems.filter((p) => p.code === problem.code).length;
    const general = EVERYTHING[problem.code];
    if (alike > 1 && general) {
      const { collection: _, ...rest } = problem;
      kept.push({ ...rest, message: general });
    } else kept.push(problem);
  }
  return kept;
}

/**
 * The centre refused one document for good (a 403 or 422 naming it): sent again unchanged it would
 * be refused again, so it is set aside for a person and the rest of the queue goes on.
 */
export class DocumentRefused extends Error {
  constructor(
    readonly collection: string,
    readonly documentId: string,
    readonly code: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'DocumentRefused';
  }

  /** What the errors inbox says: what happened, and what to do. */
  get advice(): string {
    const what = titleOf(this.collection).replace(/s$/, '');
    return `The centre refused ${what} ${this.documentId}: ${this.reason} It stays on this PC only and is not sent again. Ask a supervisor to check it: if it should stand, record it again signed in as a person who may do it (with their own badge and PIN); if you think the centre is wrong, call support.`;
  }
}
