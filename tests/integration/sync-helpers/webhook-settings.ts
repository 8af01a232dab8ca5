import { Webhook } from 'standardwebhooks';
import {
  systemResolve,
  type Resolve,
  type ResolvedAddress,
} from '../../../sync/webhooks/destination';
import { ephemeralKeyring } from '../../../sync/webhooks/secret-box';
import type { WebhookSettings } from '../../../sync/webhooks/settings';
import type { WebhookWorkerOptions } from '../../../sync/webhooks/worker';
import type { Received } from './receiver';

/**
 * A resolver whose `.test` names answer what the test scripts (a list per call, the last one
 * repeated): how DNS rebinding is staged without a DNS server. Other names use the system's.
 */
export function scriptedResolver(names: Record<string, string[][]>): Resolve & {
  calls: Map<string, number>;
} {
  const calls = new Map<string, number>();
  const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
    const script = names[hostname];
    if (!script) {
      if (hostname.endsWith('.test'))
        throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      return systemResolve(hostname);
    }
    const call = (calls.get(hostname) ?? 0) + 1;
    calls.set(hostname, call);
    const answer = script[Math.min(call, script.length) - 1] ?? [];
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

/** Loopback allowed (the development setting), a fresh key, and any scripted names. */
export function testWebhookSettings(
  overrides: Partial<WebhookSettings['destinations']> & { ca?: Buffer[] } = {},
): WebhookSettings {
  const { ca, ...destinations } = overrides;
  return {
    keyring: ephemeralKeyring(),
    destinations: { allowLoopback: true, resolve: systemResolve, ...destinations },
    ...(ca ? { ca } : {}),
  };
}

export const FAST_WORKER: WebhookWorkerOptions = {
  baseMs: 40,
  maxMs: 400,
  maxAttempts: 4,
  timeoutMs: 250,
  pollMs: 20,
  batchSize: 20,
  leaseMs: 5_000,
};

/**
 * Whether a message verifies against `secret` with the Standard Webhooks reference library, as a
 * receiver written elsewhere would check it (the signature, and a timestamp within its tolerance).
 */
export function signedWith(secret: string, message: Received): boolean {
  const header = (name: string) => String(message.headers[name]);
  try {
    new Webhook(secret).verify(message.body, {
      'webhook-id': header('webhook-id'),
      'webhook-timestamp': header('webhook-timestamp'),
      'webhook-signature': header('webhook-signature'),
    });
    return true;
  } catch {
    return false;
  }
}
