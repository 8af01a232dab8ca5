import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { Socket } from 'node:net';
import type { Prng } from './prng';

export interface FaultRates {
  /** The request never reaches the server (the connection drops). */
  drop: number;
  /** The server does the work, the answer is lost on the way back. */
  loseAnswer: number;
  /** The request reaches the server twice. */
  duplicate: number;
  /** The answer is cut off part-way (and live streams are cut after a while). */
  cut: number;
  /** Held for up to `maxDelayMs`, so later requests overtake it. */
  delay: number;
  maxDelayMs: number;
}

export const NO_FAULTS: FaultRates = {
  drop: 0,
  loseAnswer: 0,
  duplicate: 0,
  cut: 0,
  delay: 0,
  maxDelayMs: 0,
};

export const CHAOS_FAULTS: FaultRates = {
  drop: 0.06,
  loseAnswer: 0.06,
  duplicate: 0.06,
  cut: 0.05,
  delay: 0.3,
  maxDelayMs: 400,
};

export interface ProxyStats {
  requests: number;
  dropped: number;
  answersLost: number;
  duplicated: number;
  cut: number;
  delayed: number;
  /** Requests answered in another order than they arrived. */
  overtaken: number;
  upstreamDown: number;
}

export interface FaultProxy {
  url: string;
  stats: ProxyStats;
  setFaults(rates: FaultRates): void;
  /** Pushes the server is working on right now (forwarded, answer not back yet). */
  pushesAtServer(): number;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy between the simulated PCs and the server that misbehaves like a hospital
 * network: it drops requests, loses answers after the server acted, sends requests twice, holds
 * some back so others overtake them, and cuts answers and live streams part-way. Every decision
 * is drawn from the seeded generator in the order requests arrive. 127.0.0.1 only.
 */
export async function startFaultProxy(upstreamPort: number, random: Prng): Promise<FaultProxy> {
  let rates = NO_FAULTS;
  let arrived = 0;
  let answered = 0;
  let atServer = 0;
  const stats: ProxyStats = {
    requests: 0,
    dropped: 0,
    answersLost: 0,
    duplicated: 0,
    cut: 0,
    delayed: 0,
    overtaken: 0,
    upstreamDown: 0,
  };
  const sockets = new Set<Socket>();

  function forward(
    incoming: IncomingMessage,
    body: Buffer,
    onResponse: (upstream: IncomingMessage) => void,
    onError: () => void,
  ) {
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: upstreamPort,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: `127.0.0.1:${upstreamPort}`, connection: 'close' },
      },
      onResponse,
    );
    upstream.on('error', onError);
    upstream.end(body);
    return upstream;
  }

  async function handle(incoming: IncomingMessage, outgoing: ServerResponse, body: Buffer) {
    stats.requests += 1;
    const order = (arrived += 1);
    const isStream = incoming.url?.includes('/stream') ?? false;
    const isPush = incoming.method === 'POST' && (incoming.url?.includes('/push') ?? false);
    const drop = random.chance(rates.drop);
    const loseAnswer = !isStream && random.chance(rates.loseAnswer);
    const duplicate = !isStream && random.chance(rates.duplicate);
    const cut = random.chance(rates.cut);
    const delayMs = random.chance(rates.delay) ? random.int(rates.maxDelayMs + 1) : 0;
    const cutAfter = random.next();
    const kill = () => outgoing.socket?.destroy();
    if (drop) {
      stats.dropped += 1;
      return kill();
    }
    if (delayMs > 0) {
      stats.delayed += 1;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    if (duplicate) {
      stats.duplicated += 1;
      forward(
        incoming,
        body,
        (r) => r.resume(),
        () => undefined,
      );
    }
    if (isPush) atServer += 1;
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      if (isPush) atServer -= 1;
    };
    const upstream = forward(
      incoming,
      body,
      (response) => {
        if (loseAnswer) {
          stats.answersLost += 1;
          response.resume();
          response.on('end', () => {
            done();
            kill();
          });
          return;
        }
        if ((answered += 1) < order) stats.overtaken += 1;
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        if (cut && isStream) {
          stats.cut += 1;
          setTimeout(kill, 200 + Math.floor(cutAfter * 3_000));
          response.pipe(outgoing);
          return;
        }
        if (cut) {
          stats.cut += 1;
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            done();
            const whole = Buffer.concat(chunks);
            outgoing.write(whole.subarray(0, Math.floor(whole.length * cutAfter)));
            kill();
          });
          return;
        }
        response.on('end', done);
        response.on('error', () => {
          done();
          kill();
        });
        response.pipe(outgoing);
      },
      () => {
        done();
        stats.upstreamDown += 1;
        kill();
      },
    );
    outgoing.on('close', () => {
      if (isStream) upstream.destroy();
    });
  }

  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => void handle(incoming, outgoing, Buffer.concat(chunks)));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    setFaults: (next) => (rates = next),
    pushesAtServer: () => atServer,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
