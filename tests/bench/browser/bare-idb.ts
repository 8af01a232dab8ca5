import type { Page } from '@playwright/test';

/**
 * The storage's limit for figure 2: a raw IndexedDB store in the same page, filled with as many
 * documents of the same size as the app's event store holds, then one put of one more document
 * per read-write transaction, timed to the transaction's `complete` (what Dexie waits for).
 * Strings of plain JavaScript: see page-probes.ts for why no compiled functions go to the page.
 */
const FILL = `async ([count, template]) => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('bench-bare-idb', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('docs', { keyPath: 'id' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  for (let start = 0; start < count; start += 10000) {
    const tx = db.transaction('docs', 'readwrite');
    const store = tx.objectStore('docs');
    for (let i = start; i < Math.min(count, start + 10000); i++) store.put({ ...template, id: 'BARE-' + i });
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
  }
  window.__bareIdb = db;
  return count;
}`;

const PUT = `async ([count, template]) => {
  const db = window.__bareIdb;
  const samples = [];
  for (let i = 0; i < count; i++) {
    const began = performance.now();
    const tx = db.transaction('docs', 'readwrite');
    tx.objectStore('docs').put({ ...template, id: 'PUT-' + Math.random().toString(36).slice(2) });
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    samples.push(performance.now() - began);
  }
  return samples;
}`;

export async function fillBareStore(page: Page, count: number, template: object): Promise<number> {
  return page.evaluate(`(${FILL})([${count}, ${JSON.stringify(template)}])`) as Promise<number>;
}

export async function bareIdbPuts(page: Page, count: number, template: object): Promise<number[]> {
  return page.evaluate(`(${PUT})([${count}, ${JSON.stringify(template)}])`) as Promise<number[]>;
}

/** A stored event as RxDB keeps it in Dexie: the document plus its replication metadata. */
export function storedSizeTemplate(event: object): object {
  return {
    ...event,
    _deleted: false,
    _attachments: {},
    _rev: '1-abcdefghij',
    _meta: { lwt: 1_790_000_000_000.01 },
  };
}
