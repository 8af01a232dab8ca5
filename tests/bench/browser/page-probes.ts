import type { Page } from '@playwright/test';

/**
 * What the browser figures read from the page without changing the app: every IndexedDB
 * read-write transaction's completion (which database, when), the Enter that ends a wedge scan,
 * clicks, and the frame on which watched text first appears. All times are performance.now().
 */
export interface Probes {
  idb: { db: string; at: number }[];
  enters: number[];
  clicks: number[];
  /** `at`: the frame after the change (what a person sees); `dom`: when the change was made. */
  seen: { key: string; at: number; dom: number }[];
  /** The frame on which the sign-in prompt first showed (-1 until that frame ran). */
  ready?: number;
}

declare global {
  interface Window {
    __bench?: Probes & { watch(key: string, selector: string, text?: string): void };
  }
}

/**
 * Plain JavaScript, not a function: tsx compiles with esbuild's keepNames, whose `__name` helper
 * would be missing in the page if Playwright serialised a compiled function.
 */
const PROBES_SCRIPT = `(() => {
  const probes = { idb: [], enters: [], clicks: [], seen: [] };
  const watches = [];
  const gone = [];
  const open = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (...args) {
    const tx = open.apply(this, args);
    if (args[1] === 'readwrite') {
      const db = this.name;
      tx.addEventListener('complete', () => probes.idb.push({ db, at: performance.now() }));
    }
    return tx;
  };
  addEventListener('keydown', (e) => { if (e.key === 'Enter') probes.enters.push(e.timeStamp); }, true);
  addEventListener('click', (e) => probes.clicks.push(e.timeStamp), true);
  function check() {
    for (const g of gone) {
      if (g.done || document.querySelector(g.selector) !== null) continue;
      g.done = true;
      const dom = performance.now();
      requestAnimationFrame(() => probes.seen.push({ key: g.key, at: performance.now(), dom }));
    }
    for (const w of watches) {
      for (const el of document.querySelectorAll(w.selector)) {
        if (w.known.has(el)) continue;
        if (w.text !== undefined && !(el.textContent || '').includes(w.text)) continue;
        w.known.add(el);
        // The frame after the DOM change is when a person can see it.
        const dom = performance.now();
        requestAnimationFrame(() => probes.seen.push({ key: w.key, at: performance.now(), dom }));
      }
    }
  }
  // Start-up: the first frame showing the sign-in prompt, found among added nodes only so that
  // watching costs the booting page next to nothing.
  const readyText = 'Scan your badge to sign in.';
  function checkReady(records) {
    if (probes.ready !== undefined) return;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if ((node.textContent || '').includes(readyText)) {
          probes.ready = -1;
          requestAnimationFrame(() => (probes.ready = performance.now()));
          return;
        }
      }
    }
  }
  new MutationObserver((records) => { checkReady(records); check(); }).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
  });
  probes.watchGone = (key, selector) => gone.push({ key, selector, done: false });
  probes.watch = (key, selector, text) => {
    watches.push({ key, selector, text, known: new Set(document.querySelectorAll(selector)) });
    check();
  };
  window.__bench = probes;
})();`;

export async function installProbes(page: Page): Promise<void> {
  await page.addInitScript(PROBES_SCRIPT);
}

export async function readProbes(page: Page): Promise<Probes> {
  return page.evaluate(
    '(() => { const b = window.__bench; return { idb: b.idb, enters: b.enters, clicks: b.clicks, seen: b.seen, ready: b.ready }; })()',
  ) as Promise<Probes>;
}

export async function watchFor(page: Page, key: string, selector: string, text?: string) {
  await page.evaluate(
    ([k, s, t]) => window.__bench!.watch(k!, s!, t ?? undefined),
    [key, selector, text ?? null],
  );
}

/** Empties the probe lists, so the next reading holds one sample only. */
export async function resetProbes(page: Page): Promise<void> {
  await page.evaluate(
    '(() => { const b = window.__bench; b.idb.length = 0; b.enters.length = 0; b.clicks.length = 0; b.seen.length = 0; })()',
  );
}

/**
 * Waits until a JavaScript expression in the page is truthy. Playwright's waitForFunction with a
 * string evaluates it with eval inside the page, which the app's Content-Security-Policy forbids;
 * page.evaluate goes through the debugger and is not subject to it. The page checks the expression
 * itself every 10 ms and answers once: polling from here would send a debugger round trip every
 * 10 ms through the very browser process and main thread whose work is being timed.
 */
export async function waitInPage(
  page: Page,
  expression: string,
  timeoutMs = 30_000,
): Promise<void> {
  const met = await page.evaluate(`new Promise((resolve) => {
    const began = performance.now();
    const check = () => {
      if (${expression}) resolve(true);
      else if (performance.now() - began > ${timeoutMs}) resolve(false);
      else setTimeout(check, 10);
    };
    check();
  })`);
  if (!met) throw new Error(`page never satisfied: ${expression}`);
}

/** Records (in `seen`, under `key`) the frame after the last element matching `selector` left. */
export async function watchGone(page: Page, key: string, selector: string): Promise<void> {
  await page.evaluate(
    `window.__bench.watchGone(${JSON.stringify(key)}, ${JSON.stringify(selector)})`,
  );
}
