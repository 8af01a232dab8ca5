import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import type { AdminCall } from './admin-commands';
import type { AdminResult } from './admin';

export interface AdminEndpoint {
  url: string;
  token: string;
  /** PEM of the endpoint's own certificate, trusted as-is (the admin command runs on its host). */
  ca?: Buffer | undefined;
}

/** Sends one admin call to a running endpoint's admin API; its answer is the command's result. */
export function runAdminRemote(endpoint: AdminEndpoint, call: AdminCall): Promise<AdminResult> {
  const url = new URL(call.path, endpoint.url);
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: call.method,
        headers: {
          authorization: `Bearer ${endpoint.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        // The certificate may be self-signed or name the public host, not 127.0.0.1.
        ...(endpoint.ca
          ? { ca: [...tls.rootCertificates, endpoint.ca], checkServerIdentity: () => undefined }
          : {}),
        timeout: 30_000,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          const parsed = (text ? JSON.parse(text) : {}) as { code?: string; message?: string };
          const status = response.statusCode ?? 500;
          resolve(
            status < 300
              ? { ok: true, output: parsed }
              : {
                  ok: false,
                  error: {
                    code: parsed.code ?? `HTTP_${status}`,
                    message: parsed.message ?? `The endpoint answered ${status}.`,
                  },
                },
          );
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`No answer from ${url.origin} in 30 s`)));
    request.on('error', reject);
    request.end(body);
  });
}
