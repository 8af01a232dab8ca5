import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { refusedAddress } from './address-policy';
import {
  checkUrlShape,
  guardedLookup,
  RefusedDestination,
  type DestinationPolicy,
} from './destination';

export interface SendOptions {
  policy: DestinationPolicy;
  timeoutMs: number;
  /** Extra certificate authorities for https receivers (tests, private CAs); the system's otherwise. */
  ca?: Buffer[] | undefined;
}

export interface SendResult {
  status: number;
  retryAfter: string | null;
}

export class DeliveryTimeout extends Error {
  constructor() {
    super('the receiver did not answer in time');
    this.name = 'DeliveryTimeout';
  }
}

/**
 * POSTs one webhook. The socket connects only through `guardedLookup` (IP literals are checked
 * before connecting), and the address it actually connected to is checked once more on connect;
 * redirects are not followed; no connection is reused, so every delivery resolves afresh.
 */
export async function sendWebhook(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  options: SendOptions,
): Promise<SendResult> {
  const url = checkUrlShape(rawUrl, options.policy);
  // An IP literal was checked just now (Node connects to one without a lookup); names are
  // checked by the lookup, on every delivery.
  const bytes = Buffer.from(body, 'utf8');
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<SendResult>((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, result?: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(result as SendResult);
    };
    const request: ClientRequest = send(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(bytes.length) },
      lookup: guardedLookup(url.protocol, options.policy),
      agent: false,
      ...(options.ca ? { ca: options.ca } : {}),
    });
    const timer = setTimeout(() => request.destroy(new DeliveryTimeout()), options.timeoutMs);
    request.on('socket', (socket: Socket) => {
      const checkPeer = () => {
        const peer = socket.remoteAddress;
        const reason = peer ? refusedAddress(peer, options.policy) : 'unknown';
        if (reason) request.destroy(new RefusedDestination(`connected to a ${reason} address`));
      };
      if (socket.remoteAddress) checkPeer();
      else socket.once('connect', checkPeer);
    });
    request.on('response', (response) => {
      const retryAfter = response.headers['retry-after'];
      finish(null, { status: response.statusCode ?? 0, retryAfter: retryAfter ?? null });
      response.destroy();
    });
    request.on('error', (error) => finish(error));
    request.end(bytes);
  });
}
