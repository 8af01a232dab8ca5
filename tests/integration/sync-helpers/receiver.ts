import {
  createServer,
  type IncomingHttpHeaders,
  type RequestListener,
  type Server,
} from 'node:http';
import { createServer as createTlsServer } from 'node:https';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export type Behaviour = { status: number; headers?: Record<string, string> } | { hang: true };

/**
 * A real HTTP receiver on loopback that answers each call with the next scripted behaviour; with
 * `tls`, an HTTPS one serving that certificate.
 */
export async function startReceiver(
  script: (call: number) => Behaviour,
  options: { tls?: { cert: Buffer; key: Buffer } } = {},
) {
  const received: Received[] = [];
  const listener: RequestListener = (request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      const behaviour = script(received.length);
      if ('hang' in behaviour) return; // never answers: the sender's timeout must fire
      response.writeHead(behaviour.status, behaviour.headers ?? {});
      response.end();
    });
  };
  const server: Server = options.tls
    ? createTlsServer(options.tls, listener)
    : createServer(listener);
  let connections = 0;
  server.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}/hook`,
    port,
    received,
    /** TCP connections accepted, whether or not a request followed. */
    connections: () => connections,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
