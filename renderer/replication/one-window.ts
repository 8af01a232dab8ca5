/**
 * Replication runs in one window of this app per PC: two windows pushing the same documents is
 * harmless to the centre (pushes are idempotent) but doubles the traffic and the inbox. Web Locks
 * are released when a window closes or crashes, so the next window takes over by itself. Where
 * there are no Web Locks (Node: the chaos harness, tests) there is one instance anyway.
 */
export interface OneWindow {
  /** True once this window holds the lock and runs `start`. */
  readonly leading: Promise<void>;
  release(): Promise<void>;
}

interface LockManagerLike {
  request(name: string, callback: () => Promise<unknown>): Promise<unknown>;
}

export function runInOneWindow(
  name: string,
  start: () => Promise<() => Promise<void>>,
  locks: LockManagerLike | undefined = (
    globalThis.navigator as { locks?: LockManagerLike } | undefined
  )?.locks,
): OneWindow {
  let released = false;
  let release!: () => void;
  const releasedSignal = new Promise<void>((resolve) => (release = resolve));
  let lead!: () => void;
  const leading = new Promise<void>((resolve) => (lead = resolve));

  let isLeading = false;
  const run = async () => {
    if (released) return;
    isLeading = true;
    const stopRunning = await start();
    lead();
    await releasedSignal;
    await stopRunning();
  };
  const held = locks ? locks.request(name, run) : run();

  return {
    leading,
    async release() {
      released = true;
      release();
      // A window still waiting for the lock has nothing to stop; it will skip `start` if granted.
      if (isLeading) await held;
    },
  };
}
