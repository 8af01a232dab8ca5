import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export type Behaviour = { status: number; headers?: Record<string, string> } | { hang: true };

/** A real HTTP receiver on loopback that answers each call with the next scripted behaviour. */
export async function startReceiver(script: (call: number) => Behaviour) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      const behaviour = script(received.length);
      if ('hang' in behaviour) return; // never answers: the sender's timeout must fire
      response.writeHead(behaviour.status, behaviour.headers ?? {});
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
