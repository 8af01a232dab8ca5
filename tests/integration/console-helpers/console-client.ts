import { CONSOLE_CSRF_HEADER, CONSOLE_SESSION_COOKIE } from '../../../shared/console';

export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON answers loosely
  body: any;
  setCookie: string[];
}

/**
 * A browser's part in a console session, by hand: it keeps the session cookie, sends the page's
 * Origin, and the CSRF header when told to. Node's fetch keeps no cookies of its own.
 */
export class ConsoleClient {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  get origin(): string {
    return new URL(this.baseUrl).origin;
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean | string; origin?: string | null } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const origin = options.origin === undefined ? this.origin : options.origin;
    if (origin !== null && method !== 'GET') headers['origin'] = origin;
    if (this.cookie) headers['cookie'] = `${CONSOLE_SESSION_COOKIE}=${this.cookie}`;
    const csrf = options.csrf ?? true;
    if (csrf !== false && method !== 'GET') {
      const token = typeof csrf === 'string' ? csrf : this.csrfToken;
      if (token) headers[CONSOLE_CSRF_HEADER] = token;
    }
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // CSV and other text answers stay text
    }
    return { status: response.status, body: parsed, setCookie: response.headers.getSetCookie() };
  }

  async signIn(username: string, password: string): Promise<Answer> {
    const answer = await this.request('POST', '/v1/console/sign-in', { username, password });
    const set = answer.setCookie.find((c) => c.startsWith(`${CONSOLE_SESSION_COOKIE}=`));
    if (answer.status === 200 && set) {
      this.cookie = set.slice(CONSOLE_SESSION_COOKIE.length + 1).split(';')[0];
      this.csrfToken = answer.body.csrfToken;
    }
    return answer;
  }
}
