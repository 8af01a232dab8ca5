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
        code: 'ENDPOINT_INVALID' | 'ENDPOINT_UNREACHABLE' | 'CODE_REFUSED' | 'ENROLL_FAILED';
        message: string;
      };
    };

interface TokenKeeper {
  setDeviceToken(token: string): Promise<void>;
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
  let response: Response;
  try {
    response = await fetchFn(`${endpoint}/v1/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: input.code.trim(), deviceName: input.deviceName }),
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
