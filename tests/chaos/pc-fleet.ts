import { Worker } from 'node:worker_threads';
import type { PcCommand, PcSnapshot, PcSpec, WorkerReply } from './pc-protocol';

/** Six PCs of two collections each fill a thread's 13 free RxDB collection slots. */
export const PCS_PER_THREAD = 6;

interface Thread {
  worker: Worker;
  waiting: Map<number, { resolve(value: unknown): void; reject(error: Error): void }>;
}

function startThread(): Thread {
  const script = new URL('./pc-worker.ts', import.meta.url).href;
  // Worker threads do not inherit tsx's loader: register it, then load the TypeScript module.
  const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`;
  const worker = new Worker(code, { eval: true });
  const thread: Thread = { worker, waiting: new Map() };
  worker.on('message', (reply: WorkerReply) => {
    const pending = thread.waiting.get(reply.id);
    thread.waiting.delete(reply.id);
    if (!pending) return;
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(new Error(reply.error));
  });
  worker.on('error', (error) => {
    for (const pending of thread.waiting.values()) pending.reject(error);
    thread.waiting.clear();
  });
  return thread;
}

/** The simulated PCs, spread over worker threads; each call goes to the thread hosting the PC. */
export class PcFleet {
  private readonly threads: Thread[] = [];
  private readonly home = new Map<string, Thread>();
  private nextId = 1;

  constructor(count: number) {
    const threads = Math.ceil(count / PCS_PER_THREAD);
    for (let i = 0; i < threads; i += 1) this.threads.push(startThread());
  }

  private send(thread: Thread, command: PcCommand): Promise<unknown> {
    const id = this.nextId;
    this.nextId += 1;
    return new Promise((resolve, reject) => {
      thread.waiting.set(id, { resolve, reject });
      thread.worker.postMessage({ ...command, id });
    });
  }

  private thread(pc: string): Thread {
    const thread = this.home.get(pc);
    if (!thread) throw new Error(`unknown PC ${pc}`);
    return thread;
  }

  async open(spec: PcSpec, index: number): Promise<void> {
    const thread = this.threads[Math.floor(index / PCS_PER_THREAD)];
    if (!thread) throw new Error('no thread for this PC');
    this.home.set(spec.name, thread);
    await this.send(thread, { op: 'open', pc: spec });
  }

  run(command: Exclude<PcCommand, { op: 'open' }>): Promise<unknown> {
    return this.send(this.thread(command.pc), command);
  }

  async snapshot(pc: string, full: boolean): Promise<PcSnapshot> {
    return (await this.run({ op: 'snapshot', pc, full })) as PcSnapshot;
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}
