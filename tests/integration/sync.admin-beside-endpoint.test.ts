import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../sync/db/data-folder-lock';
import {
  adminCommand,
  freePort,
  runSync,
  startEndpoint,
  type EndpointProcess,
} from './endpoint-helpers/endpoint-process';

/**
 * Issue 11: admin commands do what they print whether or not an endpoint owns the PGlite folder,
 * and a second process never opens a folder that is held.
 */
const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'stockroom-admin-'));
  folders.push(dir);
  return dir;
}
afterAll(() => folders.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function enrol(url: string, code: string) {
  const response = await fetch(`${url}/v1/devices/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${code}` },
    body: JSON.stringify({ deviceName: 'Stockroom PC' }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

async function pushStatus(url: string, token: string): Promise<{ status: number; code?: string }> {
  const response = await fetch(`${url}/v1/replication/stock_events/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '[]',
  });
  const body = (await response.json()) as { code?: string };
  return { status: response.status, ...(body.code ? { code: body.code } : {}) };
}

async function withEndpoint<T>(
  dataDir: string,
  body: (endpoint: EndpointProcess) => Promise<T>,
): Promise<T> {
  const port = await freePort();
  const endpoint = await startEndpoint(
    { DATA_DIR: dataDir, PORT: String(port) },
    `http://127.0.0.1:${port}`,
  );
  try {
    return await body(endpoint);
  } finally {
    const stopped = await endpoint.stop();
    expect(stopped.code, endpoint.output()).toBe(0);
  }
}

describe('admin commands beside a running endpoint (PGlite folder)', () => {
  it('go through the admin API: the facility, code and revocation hold, also after a restart', async () => {
    const dataDir = folder();
    const env = { DATA_DIR: dataDir };
    const device = await withEndpoint(dataDir, async (endpoint) => {
      expect(statSync(path.join(dataDir, LOCK_FILE)).mode & 0o777).toBe(0o600);
      await adminCommand(env, 'facility', 'add', '--id', 'FAC-RUN', '--name', 'Running');
      const { code } = (await adminCommand(env, 'enroll', '--facility', 'FAC-RUN')) as {
        code: string;
      };
      const enrolled = await enrol(endpoint.url, code);
      expect(enrolled.status).toBe(201);
      expect(await pushStatus(endpoint.url, enrolled.body['token']!)).toEqual({ status: 200 });

      const revoked = await adminCommand(
        env,
        'device',
        'revoke',
        '--device',
        enrolled.body['deviceId']!,
      );
      expect(revoked).toEqual({
        revoked: { deviceId: enrolled.body['deviceId'], facilityId: 'FAC-RUN' },
      });
      expect(await pushStatus(endpoint.url, enrolled.body['token']!)).toEqual({
        status: 401,
        code: 'TOKEN_REVOKED',
      });
      // The endpoint still answers: nothing wedged it.
      expect((await fetch(`${endpoint.url}/readyz`)).status).toBe(200);
      const listed = (await adminCommand(env, 'facility', 'list')) as {
        facilities: { id: string }[];
      };
      expect(listed.facilities.map((f) => f.id)).toEqual(['FAC-RUN']);
      return enrolled.body;
    });
    await withEndpoint(dataDir, async (endpoint) => {
      expect(await pushStatus(endpoint.url, device['token']!)).toEqual({
        status: 401,
        code: 'TOKEN_REVOKED',
      });
    });
  }, 120_000);

  it('a second endpoint on a held folder prints one line, exits non-zero and never opens it', async () => {
    const dataDir = folder();
    await withEndpoint(dataDir, async (endpoint) => {
      const second = await runSync({ DATA_DIR: dataDir, PORT: String(await freePort()) }, []);
      expect(second.code).not.toBe(0);
      expect(second.stderr.trim().split('\n')).toHaveLength(1);
      expect(second.stderr).toMatch(/in use by endpoint process \d+ serving http/);
      expect(second.stdout).toBe('');
      expect((await fetch(`${endpoint.url}/readyz`)).status).toBe(200);
    });
  }, 120_000);
});

describe('admin commands with no endpoint running (PGlite folder)', () => {
  it('open the folder themselves; the endpoint started later sees what they did', async () => {
    const dataDir = folder();
    const env = { DATA_DIR: dataDir };
    await adminCommand(env, 'facility', 'add', '--id', 'FAC-OFF', '--name', 'Offline');
    const { code } = (await adminCommand(env, 'enroll', '--facility', 'FAC-OFF')) as {
      code: string;
    };
    const second = (await adminCommand(env, 'enroll', '--facility', 'FAC-OFF')) as {
      code: string;
    };
    const device = await withEndpoint(dataDir, async (endpoint) => {
      const first = await enrol(endpoint.url, code);
      expect(first.status).toBe(201);
      return first.body;
    });
    await adminCommand(env, 'device', 'revoke', '--device', device['deviceId']!);
    await withEndpoint(dataDir, async (endpoint) => {
      expect(await pushStatus(endpoint.url, device['token']!)).toEqual({
        status: 401,
        code: 'TOKEN_REVOKED',
      });
      expect((await enrol(endpoint.url, second.code)).status).toBe(201);
    });
  }, 120_000);

  it('a lock left by a dead process is taken over, not obeyed', async () => {
    const dataDir = folder();
    const { writeFileSync } = await import('node:fs');
    // A pid far above any pid_max: no such process.
    writeFileSync(
      path.join(dataDir, LOCK_FILE),
      JSON.stringify({ pid: 2 ** 30, role: 'endpoint', startedAt: '2026-01-01T00:00:00Z' }),
    );
    await adminCommand({ DATA_DIR: dataDir }, 'facility', 'add', '--id', 'FAC-S', '--name', 'S');
    const listed = (await adminCommand({ DATA_DIR: dataDir }, 'facility', 'list')) as {
      facilities: unknown[];
    };
    expect(listed.facilities).toHaveLength(1);
  }, 60_000);
});
