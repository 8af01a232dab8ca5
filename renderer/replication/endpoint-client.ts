import type { CollectionName } from '../../shared/model';
import {
  DocumentRefused,
  SyncFailure,
  SyncStopped,
  badResponseProblem,
  notEnrolledProblem,
  offlineProblem,
  problemFromStatus,
} from './sync-problem';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface EndpointOptions {
  /** The central endpoint, e.g. `https://sync.example-hospital.org`. */
  url: string;
  /** The device token from the platform layer; null before enrolment. */
  token: () => Promise<string | null>;
  /**
   * Keeps a renewed token the centre sent (x-device-token) in place of the old one. The centre
   * renews a token in the last part of its life while the PC syncs, and accepts the old one for an
   * overlap, so a lost answer costs nothing. Absent, renewals are ignored.
   */
  renewToken?: (token: string) => Promise<void>;
  /** Injected so the chaos harness can cut a PC's connections; the global fetch otherwise. */
  fetch?: FetchLike;
  /** A pull or push that takes longer is abandoned and retried. */
  timeoutMs?: number;
  /** Headers telling the centre about this PC (shared/console/pc-report.ts), read per call. */
  report?: () => Record<string, string>;
}

export type Checkpoint = { seq: number };
type Doc = Record<string, unknown>;
export interface PullPage {
  documents: Doc[];
  checkpoint: Checkpoint;
}
export interface PushRow {
  assumedMasterState?: Doc;
  newDocumentState: Doc;
}

/** The replication routes of the central endpoint, with every failure turned into a SyncProblem. */
export interface EndpointClient {
  pull(
    collection: CollectionName,
    after: Checkpoint | undefined,
    limit: number,
    stop: AbortSignal,
  ): Promise<PullPage>;
  /** Answers the centre's copies of the documents that conflicted. */
  push(collection: CollectionName, rows: readonly PushRow[], stop: AbortSignal): Promise<Doc[]>;
  /** Opens the live stream; the caller reads the body. */
  openStream(collection: CollectionName, stop: AbortSignal): Promise<Response>;
}

export function trimUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

interface RefusalDetail {
  message?: string;
  code?: string;
  /** Set when the centre refuses one document of a push for good. */
  documentId?: string;
}

async function detailOf(response: Response): Promise<RefusalDetail> {
  try {
    const body = (await response.json()) as Record<string, unknown>;
    const text = (key: string) => (typeof body[key] === 'string' ? body[key] : undefined);
    const [message, code, documentId] = [text('message'), text('code'), text('documentId')];
    return {
      ...(message !== undefined ? { message } : {}),
      ...(code !== undefined ? { code } : {}),
      ...(documentId !== undefined ? { documentId } : {}),
    };
  } catch {
    return {};
  }
}

function isPullPage(value: unknown): value is PullPage {
  if (typeof value !== 'object' || value === null) return false;
  const page = value as Partial<PullPage>;
  return (
    Array.isArray(page.documents) &&
    typeof page.checkpoint === 'object' &&
    page.checkpoint !== null &&
    Number.isInteger(page.checkpoint.seq)
  );
}

/** The response header that carries a renewed device token (sync/auth/device-token-renewal.ts). */
export const RENEWED_TOKEN_HEADER = 'x-device-token';

export function endpointClient(options: EndpointOptions): EndpointClient {
  const base = trimUrl(options.url);
  // Renewals are stored in the order their answers came, one at a time.
  let storing: Promise<void> = Promise.resolve();
  function keepRenewal(response: Response): Promise<void> {
    const renewed = response.headers.get(RENEWED_TOKEN_HEADER);
    if (!renewed || !options.renewToken) return storing;
    const renew = options.renewToken;
    storing = storing.then(() => renew(renewed)).catch(() => undefined);
    return storing;
  }
  const timeoutMs = options.timeoutMs ?? 30_000;
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function request(
    collection: CollectionName,
    path: string,
    init: RequestInit,
    stop: AbortSignal,
    timed: boolean,
  ): Promise<Response> {
    if (stop.aborted) throw new SyncStopped();
    const token = await options.token();
    if (!token) throw new SyncFailure(notEnrolledProblem());
    const timeout = timed ? AbortSignal.timeout(timeoutMs) : undefined;
    const signal = timeout ? AbortSignal.any([stop, timeout]) : stop;
    let response: Response;
    try {
      response = await fetchFn(`${base}/v1/replication/${collection}/${path}`, {
        ...init,
        headers: {
          ...(init.headers as Record<string, string>),
          ...options.report?.(),
          authorization: `Bearer ${token}`,
        },
        signal,
      });
    } catch {
      if (stop.aborted) throw new SyncStopped();
      throw new SyncFailure(offlineProblem(collection, timeout?.aborted ?? false));
    }
    await keepRenewal(response);
    if (!response.ok) {
      const detail = await detailOf(response);
      // A refusal for good names its document; anything else (401, 404, 409, 429, 5xx) is retried.
      if ((response.status === 403 || response.status === 422) && detail.documentId) {
        throw new DocumentRefused(
          collection,
          detail.documentId,
          detail.code ?? 'REFUSED',
          detail.message ?? `answer ${response.status}`,
        );
      }
      throw new SyncFailure(
        problemFromStatus(
          collection,
          response.status,
          detail.message,
          response.headers.get('retry-after'),
        ),
      );
    }
    return response;
  }

  async function json(collection: CollectionName, response: Response, stop: AbortSignal) {
    try {
      return (await response.json()) as unknown;
    } catch {
      // A connection cut mid-answer leaves half a JSON document: ask again.
      if (stop.aborted) throw new SyncStopped();
      throw new SyncFailure(badResponseProblem(collection));
    }
  }

  return {
    async pull(collection, after, limit, stop) {
      const query = `checkpoint=${after?.seq ?? 0}&limit=${limit}`;
      const response = await request(collection, `pull?${query}`, { method: 'GET' }, stop, true);
      const page = await json(collection, response, stop);
      if (!isPullPage(page)) throw new SyncFailure(badResponseProblem(collection));
      return page;
    },
    async push(collection, rows, stop) {
      const response = await request(
        collection,
        'push',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(rows),
        },
        stop,
        true,
      );
      const conflicts = await json(collection, response, stop);
      if (!Array.isArray(conflicts)) throw new SyncFailure(badResponseProblem(collection));
      return conflicts as Doc[];
    },
    openStream(collection, stop) {
      return request(
        collection,
        'stream',
        { method: 'GET', headers: { accept: 'text/event-stream' } },
        stop,
        false,
      );
    },
  };
}
