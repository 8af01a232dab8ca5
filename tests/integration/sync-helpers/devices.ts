import { randomBytes } from 'node:crypto';
import type { TestServer } from './server';

export interface EnrolledDevice {
  deviceId: string;
  facilityId: string;
  token: string;
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export async function addFacility(server: TestServer, id = uniqueId('FAC')): Promise<string> {
  await server.admin('facility', 'add', '--id', id, '--name', `Facility ${id}`);
  return id;
}

export async function enrollDevice(
  server: TestServer,
  facilityId: string,
): Promise<EnrolledDevice> {
  const { code } = (await server.admin('enroll', '--facility', facilityId)) as { code: string };
  const response = await fetch(`${server.url}/v1/devices/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${code}` },
    body: JSON.stringify({ deviceName: 'Stockroom PC' }),
  });
  if (response.status !== 201) throw new Error(`enroll answered ${response.status}`);
  return (await response.json()) as EnrolledDevice;
}

export async function createApiKey(server: TestServer, scopes: string[]): Promise<string> {
  const output = (await server.admin(
    'api-key',
    '--name',
    uniqueId('erp'),
    '--scopes',
    scopes.join(','),
  )) as {
    apiKey: { key: string };
  };
  return output.apiKey.key;
}

/** fetch with a bearer token and a JSON body; answers the status and the parsed body. */
export async function call(
  server: TestServer,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Non-JSON answers (HTML docs) are returned as text.
  }
  return { status: response.status, body: parsed };
}
