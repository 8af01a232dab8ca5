import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWebhookWorker, type WebhookWorker } from '../../sync/webhooks/worker';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey } from './sync-helpers/devices';
import { startReceiver } from './sync-helpers/receiver';
import { waitFor } from './sync-helpers/wait';
import { changeItem, deadLetterOf, registerWebhook } from './sync-helpers/webhook-flow';
import {
  FAST_WORKER,
  scriptedResolver,
  signedWith,
  testWebhookSettings,
} from './sync-helpers/webhook-settings';

const PUBLIC = '93.184.216.34';

/**
 * Names that resolve to a public address once (at registration) and to a refused one from then
 * on, so a delivery never leaves this machine: DNS rebinding, staged by the resolver hook.
 */
const resolver = scriptedResolver({
  'metadata.google.internal': [['169.254.169.254']],
  'mixed.test': [[PUBLIC, '10.0.0.7']],
  'v6private.test': [['fd00::1']],
  'mapped.test': [['::ffff:192.168.0.1']],
  'public.test': [[PUBLIC], ['10.9.9.9']],
  'rebind-metadata.test': [[PUBLIC], ['169.254.169.254']],
  'rebind-loopback.test': [[PUBLIC], ['127.0.0.1']],
});

const REFUSED_URLS = [
  'http://public.test/hook', // plain http to anything but loopback
  'http://127.0.0.1:9/hook', // plain http without the development setting
  'https://127.0.0.1/hook',
  'https://localhost/hook',
  'https://0x7f000001/hook',
  'https://2130706433/hook',
  'https://0177.0.0.1/hook',
  'https://127.1/hook',
  'https://[::1]/hook',
  'https://[::ffff:127.0.0.1]/hook',
  'https://[::ffff:169.254.169.254]/hook',
  'https://169.254.169.254/latest/meta-data/',
  'https://0xa9fea9fe/latest/meta-data/',
  'https://[fe80::1]/hook',
  'https://10.1.2.3/hook',
  'https://172.16.0.1/hook',
  'https://172.31.255.254/hook',
  'https://192.168.1.1/hook',
  'https://[fc00::1]/hook',
  'https://[fd12:3456::1]/hook',
  'https://100.64.0.1/hook',
  'https://224.0.0.1/hook',
  'https://[ff02::1]/hook',
  'https://0.0.0.0/hook',
  'https://[::]/hook',
  'https://255.255.255.255/hook',
  'https://[64:ff9b::a00:1]/hook', // NAT64 of 10.0.0.1
  'https://metadata.google.internal/computeMetadata/v1/',
  'https://mixed.test/hook',
  'https://v6private.test/hook',
  'https://mapped.test/hook',
  'https://nowhere.test/hook',
  'https://user:password@public.test/hook',
  'ftp://public.test/hook',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'not a url',
];

describeOnBackends(
  'sync: webhook destinations (strict: no loopback)',
  'hookdest',
  (server) => {
    let worker: WebhookWorker;
    let key: string;
    beforeAll(async () => {
      resolver.calls.clear();
      worker = startWebhookWorker(
        server().database.db,
        server().app.log,
        server().context.webhooks,
        FAST_WORKER,
      );
      key = await createApiKey(server(), ['webhooks:manage', 'inventory:read']);
    });
    afterAll(async () => {
      await worker.stop();
    });

    it('refuses each hostile url with 400 naming the field, and stores none', async () => {
      for (const url of REFUSED_URLS) {
        const answer = await call(server(), 'POST', '/v1/erp/webhooks', key, {
          url,
          eventTypes: ['item.changed'],
        });
        expect(answer.status, url).toBe(400);
        const body = answer.body as { code: string; errors?: { field: string }[] };
        expect(body.code, url).toBe('URL_REFUSED');
        expect(body.errors?.[0]?.field, url).toBe('url');
      }
      const stored = await server()
        .database.db.selectFrom('webhook_endpoints')
        .select('url')
        .execute();
      expect(stored).toEqual([]);
    });

    it('a name that resolves to a public address is taken, and re-checked at each delivery', async () => {
      const hook = await registerWebhook(server(), key, 'https://public.test/hook');
      expect(hook.eventTypes).toEqual(['item.changed']);
      await changeItem(server());
      const dead = await deadLetterOf(server(), key, hook.id);
      expect(dead).toMatchObject({ lastError: 'refused_address', lastStatus: null, attempts: 4 });
      expect(resolver.calls.get('public.test')).toBeGreaterThanOrEqual(5);
    });

    it('DNS rebinding to the metadata address or to a live loopback receiver is refused before connecting', async () => {
      const receiver = await startReceiver(() => ({ status: 204 }));
      try {
        const metadata = await registerWebhook(server(), key, 'https://rebind-metadata.test/x');
        const loopback = await registerWebhook(
          server(),
          key,
          `https://rebind-loopback.test:${receiver.port}/hook`,
        );
        await changeItem(server());
        for (const hook of [metadata, loopback]) {
          expect(await deadLetterOf(server(), key, hook.id)).toMatchObject({
            lastError: 'refused_address',
          });
        }
        expect(receiver.connections()).toBe(0);
      } finally {
        await receiver.close();
      }
    });
  },
  { webhooks: testWebhookSettings({ allowLoopback: false, resolve: resolver }) },
);

const loopResolver = scriptedResolver({ 'hooks.test': [['127.0.0.1']] });

describeOnBackends(
  'sync: webhook delivery failures keep a class, never the error text (loopback allowed for development)',
  'hookfail',
  (server) => {
    let worker: WebhookWorker;
    let key: string;
    let work: string;
    beforeAll(async () => {
      work = mkdtempSync(path.join(tmpdir(), 'hook-tls-'));
      worker = startWebhookWorker(
        server().database.db,
        server().app.log,
        server().context.webhooks,
        FAST_WORKER,
      );
      key = await createApiKey(server(), ['webhooks:manage', 'inventory:read']);
    });
    afterAll(async () => {
      await worker.stop();
      rmSync(work, { recursive: true, force: true });
    });

    it('under the development setting, http goes to loopback only, and private addresses stay refused', async () => {
      for (const url of [
        'http://93.184.216.34/hook',
        'https://10.0.0.1/hook',
        'https://[fe80::1]/',
      ]) {
        const answer = await call(server(), 'POST', '/v1/erp/webhooks', key, {
          url,
          eventTypes: ['item.changed'],
        });
        expect(answer.status, url).toBe(400);
      }
    });

    it('a closed port, a receiver that hangs and one that answers 404 give connect_failed, timeout and http_4xx', async () => {
      const closed = await startReceiver(() => ({ status: 204 }));
      await closed.close();
      const hanging = await startReceiver(() => ({ hang: true }));
      const missing = await startReceiver(() => ({ status: 404 }));
      try {
        const hooks = {
          connect_failed: await registerWebhook(server(), key, closed.url),
          timeout: await registerWebhook(server(), key, hanging.url),
          http_4xx: await registerWebhook(server(), key, missing.url),
        };
        await changeItem(server());
        for (const [failure, hook] of Object.entries(hooks)) {
          const dead = await deadLetterOf(server(), key, hook.id);
          expect(dead.lastError, failure).toBe(failure);
        }
        const listed = JSON.stringify(
          (await call(server(), 'GET', '/v1/erp/dead-letters', key)).body,
        );
        for (const leak of ['ECONNREFUSED', 'TimeoutError', 'socket hang up', 'aborted']) {
          expect(listed).not.toContain(leak);
        }
      } finally {
        await hanging.close();
        await missing.close();
      }
    });

    it('https to a self-signed receiver fails as tls_error, then delivers once its CA is trusted; names connect to the address checked', async () => {
      const cert = path.join(work, 'cert.pem');
      const keyFile = path.join(work, 'key.pem');
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=hooks.test',
          '-addext',
          'subjectAltName=DNS:hooks.test,IP:127.0.0.1',
          '-keyout',
          keyFile,
          '-out',
          cert,
        ],
        { stdio: 'ignore' },
      );
      const tls = { cert: readFileSync(cert), key: readFileSync(keyFile) };
      const receiver = await startReceiver(() => ({ status: 200 }), { tls });
      try {
        const hook = await registerWebhook(
          server(),
          key,
          `https://hooks.test:${receiver.port}/hook`,
        );
        await changeItem(server());
        const dead = await deadLetterOf(server(), key, hook.id);
        expect(dead.lastError).toBe('tls_error');
        expect(receiver.received).toHaveLength(0);
        server().context.webhooks.ca = [tls.cert];
        const replay = await call(server(), 'POST', `/v1/erp/dead-letters/${dead.id}/replay`, key);
        expect(replay.status).toBe(202);
        await waitFor(() => receiver.received.length === 1);
        expect(signedWith(hook.secret, receiver.received[0]!)).toBe(true);
      } finally {
        delete server().context.webhooks.ca;
        await receiver.close();
      }
    });
  },
  { webhooks: testWebhookSettings({ allowLoopback: true, resolve: loopResolver }) },
);
