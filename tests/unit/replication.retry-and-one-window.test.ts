import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sleeper, backoffDelay, DEFAULT_BACKOFF } from '../../renderer/replication/backoff';
import { runInOneWindow } from '../../renderer/replication/one-window';
import { problemFromStatus } from '../../renderer/replication/sync-problem';
import { SyncStatusStore } from '../../renderer/replication/sync-status';

describe('retry backoff', () => {
  it('grows exponentially, stays within [step/2, step] and never passes the ceiling', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, r) => {
        const step = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.baseMs * 2 ** attempt);
        const delay = backoffDelay(DEFAULT_BACKOFF, attempt, () => r);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(step / 2));
        expect(delay).toBeLessThanOrEqual(step);
      }),
    );
    expect(backoffDelay(DEFAULT_BACKOFF, 0, () => 0)).toBe(500);
    expect(backoffDelay(DEFAULT_BACKOFF, 3, () => 0)).toBe(4_000);
  });

  it('a wake ends every wait at once (the network is back)', async () => {
    const sleeper = new Sleeper();
    const stop = new AbortController();
    const started = Date.now();
    const waits = [sleeper.sleep(60_000, stop.signal), sleeper.sleep(60_000, stop.signal)];
    sleeper.wake();
    await Promise.all(waits);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('says what to do for each kind of answer, and honours Retry-After', () => {
    expect(problemFromStatus('stock_events', 401, undefined)).toMatchObject({
      code: 'TOKEN_REFUSED',
      retry: 'person',
    });
    expect(problemFromStatus('stock_events', 503, undefined, '7')).toMatchObject({
      code: 'SERVER_UNAVAILABLE',
      retry: 'soon',
      retryAfterMs: 7_000,
    });
    const refused = problemFromStatus('stock_events', 422, 'Nothing was stored: [0].quantity');
    expect(refused).toMatchObject({ code: 'REFUSED', retry: 'person' });
    expect(refused.message).toContain('stock events');
    expect(refused.message).toContain('[0].quantity');
  });
});

describe('sync status', () => {
  it('goes offline on a network problem, back online on the next success, and sums the counts', () => {
    let clock = Date.parse('2026-11-02T09:00:00Z');
    const store = new SyncStatusStore(() => new Date((clock += 1000)));
    store.begin({ stock_events: { push: true, pull: true }, items: { push: false, pull: true } });
    expect(store.current.phase).toBe('connecting');
    store.setWaiting('stock_events', 4);
    store.failed({
      code: 'OFFLINE',
      message: 'Cannot reach',
      retry: 'soon',
      collection: 'stock_events',
    });
    expect(store.current).toMatchObject({ phase: 'offline', waiting: 4 });
    store.failed({
      code: 'TOKEN_REFUSED',
      message: 'Re-enrol',
      retry: 'person',
      collection: 'items',
    });
    expect(store.current.phase).toBe('attention');
    store.succeeded('stock_events', { sent: 4 });
    store.setWaiting('stock_events', 0);
    store.succeeded('items', { received: 10 });
    expect(store.current).toMatchObject({
      phase: 'online',
      waiting: 0,
      sent: 4,
      received: 10,
      problems: [],
    });
    expect(store.current.lastSuccessAt).toBe('2026-11-02T09:00:04.000Z');
  });
});

describe('problems in plain words', () => {
  it('says "no network" once for the PC, and each refusal once per collection', () => {
    const store = new SyncStatusStore(() => new Date('2026-11-02T09:00:00Z'));
    store.begin({
      stock_events: { push: true, pull: true },
      items: { push: false, pull: true },
      supply_requests: { push: true, pull: true },
    });
    for (const collection of ['stock_events', 'items']) {
      store.failed({ code: 'OFFLINE', message: `no ${collection}`, retry: 'soon', collection });
    }
    store.failed(
      problemFromStatus('supply_requests', 403, 'Document "REQ-1" belongs to another facility'),
    );
    const problems = store.current.problems;
    expect(problems.map((p) => p.code).sort()).toEqual(['OFFLINE', 'REFUSED']);
    expect(problems.find((p) => p.code === 'OFFLINE')?.message).toMatch(/everything will sync/);
    expect(problems.find((p) => p.code === 'REFUSED')?.message).toMatch(/supply requests.*REQ-1/);
  });
});

describe('one window syncs', () => {
  /** Web Locks as a browser grants them: one holder per name, the next waits its turn. */
  function fakeLocks() {
    let queue: Promise<unknown> = Promise.resolve();
    return {
      request(_name: string, callback: () => Promise<unknown>) {
        const turn = queue.then(callback);
        queue = turn.catch(() => undefined);
        return turn;
      },
    };
  }

  it('the second window starts only when the first lets go', async () => {
    const locks = fakeLocks();
    const running: string[] = [];
    const start = (name: string) => async () => {
      running.push(name);
      return async () => {
        running.splice(running.indexOf(name), 1);
      };
    };
    const first = runInOneWindow('sync', start('first'), locks);
    const second = runInOneWindow('sync', start('second'), locks);
    await first.leading;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(running).toEqual(['first']);
    await first.release();
    await second.leading;
    expect(running).toEqual(['second']);
    await second.release();
    expect(running).toEqual([]);
  });

  it('without Web Locks (Node) it simply runs', async () => {
    let started = 0;
    const one = runInOneWindow(
      'sync',
      async () => {
        started += 1;
        return async () => undefined;
      },
      undefined,
    );
    await one.leading;
    expect(started).toBe(1);
    await one.release();
  });
});
