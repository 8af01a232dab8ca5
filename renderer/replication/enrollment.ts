import { trimUrl, type FetchLike } from './endpoint-client';

/** What the centre answers to an enrolment: who this PC is and which facility it serves. */
export interface Enrollment {
  endpoint: string;
  deviceId: string;
  facilityId: string;
}

export type EnrollResult =
  | { ok: true; enrollment: Enrollment }
  | {
      ok: false;
      error: {
        code:
          | 'ENDPOINT_INVALID'
          | 'ENDPOINT_UNREACHABLE'
          | 'CODE_REFUSED'
          | 'TOO_MANY_ATTEMPTS'
          | 'ENROLL_FAILED';
        message: string;
      };
    };

interface TokenKeeper {
  setDeviceToken(token: string): Promise<void>;
  setEnrolledEndpoint?(address: string | null): Promise<void>;
}

function validEndpoint(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Settings → "Connect to the centre": the central endpoint's address and a one-time enrolment
 * code, entered once. The token the centre answers goes straight to the platform layer (the OS key
 * store in the desktop app) and is never shown or kept anywhere else.
 */
export async function enrollDevice(
  input: { endpoint: string; code: string; deviceName: string },
  platform: TokenKeeper,
  fetchFn: FetchLike = (url, init) => globalThis.fetch(url, init),
): Promise<EnrollResult> {
  const endpoint = trimUrl(input.endpoint);
  if (!validEndpoint(endpoint)) {
    return {
      ok: false,
      error: {
        code: 'ENDPOINT_INVALID',
        message: `"${input.endpoint}" is not a web address. Enter the central endpoint's address as IT gave it, e.g. https://sync.example-hospital.org.`,
      },
    };
  }
  const code = input.code.trim();
  // The code travels in a header, which takes visible ASCII only: anything else is not a code.
  if (!/^[\x21-\x7e]{1,200}$/.test(code)) {
    return {
      ok: false,
      error: {
        code: 'CODE_REFUSED',
        message:
          'That is not an enrolment code: copy it exactly as the centre printed it (it starts with enr_).',
      },
    };
  }
  let response: Response;
  try {
    response = await fetchFn(`${endpoint}/v1/devices/enroll`, {
      method: 'POST',
      // The one-time code is the credential, checked before the body is read.
      headers: { 'content-type': 'application/json', authorization: `Bearer ${code}` },
      body: JSON.stringify({ deviceName: input.deviceName }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    return {
      ok: false,
      error: {
        code: 'ENDPOINT_UNREACHABLE',
        message: `Cannot reach ${endpoint}. Check the address and the network, then try again.`,
      },
    };
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (
    response.status === 400 ||
    response.status === 401 ||
    response.status === 403 ||
    response.status === 404
  ) {
    return {
      ok: false,
      error: {
        code: 'CODE_REFUSED',
        message:
          'The centre refused this enrolment code: it is wrong, already used or expired. Ask an administrator for a new one.',
      },
    };
  }
  if (response.status === 429) {
    const wait = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      error: {
        code: 'TOO_MANY_ATTEMPTS',
        message: `Too many enrolment attempts from this network. Wait ${Number.isFinite(wait) && wait > 0 ? `${wait} seconds` : 'a minute'}, then enter the code again.`,
      },
    };
  }
  const { deviceId, facilityId, token } = body;
  if (
    !response.ok ||
    typeof token !== 'string' ||
    typeof deviceId !== 'string' ||
    typeof facilityId !== 'string'
  ) {
    return {
      ok: false,
      error: {
        code: 'ENROLL_FAILED',
        message: `The centre could not enrol this PC (answer ${response.status}). Try again in a few minutes; if it persists, call IT.`,
      },
    };
  }
  // The desktop shell narrows its pages' network to this endpoint from the next load on.
  await platform.setEnrolledEndpoint?.(endpoint);
  await platform.setDeviceToken(token);
  return { ok: true, enrollment: { endpoint, deviceId, facilityId } };
}

/** Where the non-secret half of the enrolment is kept (the token is the platform's). */
export const ENROLLMENT_ITEM = 'stockroom.enrollment';

interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface StoredEnrollment extends Enrollment {
  /**
   * Set at enrolment: the next start opens an empty store, because a PC joining a facility
   * starts from the centre's data, never from the demo stockroom or another facility's.
   */
  fresh?: boolean;
}

export function readEnrollment(storage: KeyValue): StoredEnrollment | undefined {
  try {
    const value = JSON.parse(storage.getItem(ENROLLMENT_ITEM) ?? 'null') as StoredEnrollment | null;
    return value &&
      typeof value.endpoint === 'string' &&
      typeof value.facilityId === 'string' &&
      typeof value.deviceId === 'string'
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

export function saveEnrollment(storage: KeyValue, enrollment: StoredEnrollment): void {
  storage.setItem(ENROLLMENT_ITEM, JSON.stringify(enrollment));
}
