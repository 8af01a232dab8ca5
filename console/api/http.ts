import { CONSOLE_CSRF_HEADER } from '../../shared/console';

/** A refusal from the endpoint, with its stable code and the sentence for the person. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole answer: some refusals carry structured facts beside the sentence. */
    readonly body: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
/** Held in memory only; the session cookie itself is HttpOnly and never seen by this page. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

let onSignedOut: () => void = () => {};
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

/** The console talks to its own endpoint only: same origin, the cookie, the CSRF header on writes. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CONSOLE_CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      'The centre’s endpoint did not answer; check the network and try again.',
    );
  }
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : {};
  if (response.ok) return parsed as T;
  const { code, message } = parsed as { code?: string; message?: string };
  if (response.status === 401 && code === 'CONSOLE_SIGN_IN_REQUIRED') onSignedOut();
  throw new ApiError(
    response.status,
    code ?? `HTTP_${response.status}`,
    message ?? `The endpoint answered ${response.status}.`,
    parsed as Record<string, unknown>,
  );
}
