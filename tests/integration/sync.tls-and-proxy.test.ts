import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer, type ServerOptions } from '../../sync/server';
import { openTestDatabase, testSchema } from './sync-helpers/server';

/** Issue 11 point 6: TLS of its own, or a TLS-terminating proxy whose client address is audited. */
const work = mkdtempSync(path.join(tmpdir(), 'stockroom-tls-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function serve(options: Omit<ServerOptions, 'database'>) {
  const database = await openTestDatabase('pglite', testSchema('tls'));
  const { app, context } = await buildServer({ database, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    context,
    database,
    port,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

async function refusedEnrolment(port: number, headers: Record<string, string>) {
  await fetch(`http://127.0.0.1:${port}/v1/devices/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer enr_wrong', ...headers },
    body: JSON.stringify({ deviceName: 'PC' }),
  });
}

describe('the endpoint', () => {
  it('serves HTTPS with the certificate and key it is given', async () => {
    const cert = path.join(work, 'cert.pem');
    const key = path.join(work, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    const server = await serve({ tls: { cert: readFileSync(cert), key: readFileSync(key) } });
    try {
      const body = await new Promise<string>((resolve, reject) => {
        https
          .get(`https://127.0.0.1:${server.port}/readyz`, { ca: readFileSync(cert) }, (res) => {
            let text = '';
            res.on('data', (c: Buffer) => (text += c.toString()));
            res.on('end', () => resolve(text));
          })
          .on('error', reject);
      });
      expect(JSON.parse(body)).toEqual({ status: 'ready' });
      await expect(fetch(`http://127.0.0.1:${server.port}/readyz`)).rejects.toThrow();
    } finally {
      await server.close();
    }
  }, 60_000);

  it.each([
    { trustProxy: false, expected: '127.0.0.1' },
    { trustProxy: '127.0.0.1', expected: '203.0.113.9' },
  ])(
    'with TRUST_PROXY=$trustProxy audits the address $expected',
    async ({ trustProxy, expected }) => {
      const server = await serve({ trustProxy });
      try {
        await refusedEnrolment(server.port, { 'x-forwarded-for': '203.0.113.9' });
        // An anonymous refusal is counted per source and minute; written here at once.
        await server.context.refusals!.flush(true);
        const rows = await server.database.db
          .selectFrom('audit_log')
          .select(['ip', 'action'])
          .where('action', '=', 'authentication refused')
          .execute();
        expect(rows.map((r) => r.ip)).toEqual([expected]);
      } finally {
        await server.close();
      }
    },
    60_000,
  );
});
