import { map, type Observable } from 'rxjs';
import type { SyncErrorDoc } from './local-schemas';

/**
 * The sync errors inbox is one RxDB local document, not a collection: the free RxDB core opens at
 * most 13 collections per window and every slot is taken by documents that replicate.
 */
export const SYNC_INBOX_DOC = 'sync-inbox';
/** Oldest resolved entries go first, then the oldest of all, so the inbox never grows without end. */
export const INBOX_CAPACITY = 300;

interface InboxData {
  entries: SyncErrorDoc[];
}

/** Structural, so the chaos harness's bare databases (without local documents) fit too. */
export interface InboxDocs {
  getLocal(id: string): Promise<{ toJSON(): { data: unknown } } | null>;
  upsertLocal(id: string, data: unknown): Promise<unknown>;
}

export function inboxDocsOf(db: unknown): InboxDocs | undefined {
  const candidate = db as Partial<InboxDocs>;
  return typeof candidate.getLocal === 'function' && typeof candidate.upsertLocal === 'function'
    ? (candidate as InboxDocs)
    : undefined;
}

function entriesOf(data: unknown): SyncErrorDoc[] {
  const entries = (data as Partial<InboxData> | undefined)?.entries;
  return Array.isArray(entries) ? entries : [];
}

export async function readInbox(db: InboxDocs): Promise<SyncErrorDoc[]> {
  const doc = await db.getLocal(SYNC_INBOX_DOC);
  return doc ? entriesOf(doc.toJSON().data) : [];
}

export function inboxEntry(entries: readonly SyncErrorDoc[], id: string): SyncErrorDoc | undefined {
  return entries.find((entry) => entry.id === id);
}

/** Unresolved entries, newest first: what the sync screen lists. */
export function unresolvedNewestFirst(entries: readonly SyncErrorDoc[]): SyncErrorDoc[] {
  return entries
    .filter((e) => !e.resolved)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

export function withEntry(entries: readonly SyncErrorDoc[], entry: SyncErrorDoc): SyncErrorDoc[] {
  const rest = entries.filter((e) => e.id !== entry.id);
  const kept = [...rest, entry];
  while (kept.length > INBOX_CAPACITY) {
    const resolved = kept.findIndex((e) => e.resolved);
    kept.splice(resolved >= 0 ? resolved : 0, 1);
  }
  return kept;
}

/** Undefined when there is nothing to change, so no write is made. */
export function withResolved(
  entries: readonly SyncErrorDoc[],
  id: string,
): SyncErrorDoc[] | undefined {
  const entry = inboxEntry(entries, id);
  if (!entry || entry.resolved) return undefined;
  return entries.map((e) => (e.id === id ? { ...e, resolved: true } : e));
}

const queues = new WeakMap<object, Promise<unknown>>();

/**
 * Read, change and write the one document. Every writer in the window goes through one queue per
 * database, so two writers never read the same entries and lose each other's line.
 */
export function changeInbox(
  db: InboxDocs,
  change: (entries: SyncErrorDoc[]) => SyncErrorDoc[] | undefined,
): Promise<void> {
  const before = queues.get(db) ?? Promise.resolve();
  const next = before
    .catch(() => undefined)
    .then(async () => {
      const changed = change(await readInbox(db));
      if (changed) await db.upsertLocal(SYNC_INBOX_DOC, { entries: changed } satisfies InboxData);
    });
  queues.set(db, next);
  return next;
}

/** Live entries for a screen: the local document's changes, as the entries it holds. */
export function inbox$(db: {
  getLocal$(id: string): Observable<{ toJSON(): { data: unknown } } | null>;
}): Observable<SyncErrorDoc[]> {
  return db.getLocal$(SYNC_INBOX_DOC).pipe(map((doc) => (doc ? entriesOf(doc.toJSON().data) : [])));
}
