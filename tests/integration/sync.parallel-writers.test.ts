import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { writeDocument } from '../../sync/store/documents';
import { MAX_DOCUMENT_LOCKS, readableSeqCeiling, sequencedWrite } from '../../sync/store/sequenced';
import { describeOnBackends } from './sync-helpers/backends';
import { call, createApiKey, enrollDevice } from './sync-helpers/devices';
import { stockEvent } from './sync-helpers/documents';
import type { TestServer } from './sync-helpers/server';
import { addStaffedFacility } from './sync-helpers/staff';

/**
 * Issue 18 item 2: writers at the centre commit in parallel on PostgreSQL, and no reader's
 * checkpoint passes a seq that a writer still in flight could make visible (sync/store/sequenced.ts).
 */
type Page = { documents: { id: string }[]; checkpoint: { seq: number } };
type Feed = { events: { cursor: number; event: { id: string } }[]; next: number };

async function pullAll(server: TestServer, token: string, from: number) {
  const ids: string[] = [];
  let checkpoint = from;
  for (;;) {
    const page = await call(
      server,
      'GET',
      `/v1/replication/stock_events/pull?checkpoint=${checkpoint}&limit=2`,
      token,
    );
    const body = page.body as Page;
    if (body.documents.length === 0) return { ids, checkpoint };
    ids.push(...body.documents.map((d) => d.id));
    checkpoint = body.checkpoint.seq;
  }
}

async function feedAll(server: TestServer, key: string, after: number) {
  const read = await call(server, 'GET', `/v1/erp/events?after=${after}&limit=1000`, key);
  const body = read.body as Feed;
  return { ids: body.events.map((e) => e.event.id), next: body.next };
}

/** A sequenced write of one stock event, kept open until `release`. */
function openWriter(server: TestServer, body: Record<string, unknown>) {
  let release!: (commit: boolean) => void;
  const held = new Promise<boolean>((resolve) => (release = resolve));
  let drawn!: (seq: number) => void;
  const seq = new Promise<number>((resolve) => (drawn = resolve));
  const done = sequencedWrite(server.database.db, async (trx) => {
    drawn(
      await writeDocument(trx, {
        collection: 'stock_events',
        body,
        deleted: false,
        writtenBy: 'test',
      }),
    );
    if (!(await held)) throw new Error('rolled back on purpose');
  });
  return {
    seq,
    release,
    done: done.then(
      () => 'committed' as const,
      () => 'rolled back' as const,
    ),
  };
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), ms))]);

describeOnBackends(
  'sync: parallel writers behind a readable ceiling',
  'parallel_writers',
  (server, backend) => {
    if (backend !== 'postgres') {
      it('PGlite: the ceiling is the last drawn seq (one connection, no writer beside a reader)', async () => {
        const facility = await addStaffedFacility(server());
        const device = await enrollDevice(server(), facility);
        const event = stockEvent(device);
        await call(server(), 'POST', '/v1/replication/stock_events/push', device.token, [
          { newDocumentState: event },
        ]);
        const db = server().database.db;
        const [top] = await db
          .selectFrom('documents')
          .select((eb) => eb.fn.max('seq').as('top'))
          .execute();
        expect(await readableSeqCeiling(db)).toBeGreaterThanOrEqual(Number(top?.top));
      });
      return;
    }

    it('a second writer commits while the first is open; pulls and the feed stop below the first until it commits', async () => {
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const key = await createApiKey(server(), ['events:read']);
      const { checkpoint: start } = await pullAll(server(), device.token, 0);
      const { next: feedStart } = await feedAll(server(), key, 0);
      const early = stockEvent(device);
      const late = stockEvent(device);
      const first = openWriter(server(), early);
      try {
        const earlySeq = await first.seq;
        // Impossible with one lock for every writer: the later push is answered while the first
        // transaction is still open.
        const pushed = call(server(), 'POST', '/v1/replication/stock_events/push', device.token, [
          { newDocumentState: late },
        ]);
        const answered = await within(pushed, 5_000);
        expect(answered === 'waiting' ? 'waiting' : answered.status).toBe(200);

        // The later document is committed and stored above the open one's seq...
        const db = server().database.db;
        const lateRow = await db
          .selectFrom('documents')
          .select('seq')
          .where('collection', '=', 'stock_events')
          .where('id', '=', late.id)
          .executeTakeFirstOrThrow();
        expect(lateRow.seq).toBeGreaterThan(earlySeq);
        // ...but no reader passes the open writer's seq: the ceiling stays below it.
        expect(await readableSeqCeiling(db)).toBeLessThan(earlySeq);
        const during = await pullAll(server(), device.token, start);
        expect(during.ids).toEqual([]);
        expect(during.checkpoint).toBeLessThan(earlySeq);
        const feedDuring = await feedAll(server(), key, feedStart);
        expect(feedDuring.ids).toEqual([]);
        expect(feedDuring.next).toBeLessThan(earlySeq);

        first.release(true);
        expect(await first.done).toBe('committed');
        const after = await pullAll(server(), device.token, during.checkpoint);
        expect(after.ids).toEqual([early.id, late.id]);
        const feedAfter = await feedAll(server(), key, feedDuring.next);
        expect(feedAfter.ids.filter((id) => id === early.id || id === late.id)).toEqual([
          early.id,
          late.id,
        ]);
      } finally {
        first.release(true);
        await first.done;
      }
    });

    it('a pull waits (bounded) for a writer in flight below the last drawn seq, then serves it', async () => {
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const { checkpoint: start } = await pullAll(server(), device.token, 0);
      const early = stockEvent(device);
      const late = stockEvent(device);
      const first = openWriter(server(), early);
      try {
        await first.seq;
        expect(
          (
            await call(server(), 'POST', '/v1/replication/stock_events/push', device.token, [
              { newDocumentState: late },
            ])
          ).status,
        ).toBe(200);
        // Committed inside the pull's wait: the pull serves both, in seq order.
        const pull = pullAll(server(), device.token, start);
        setTimeout(() => first.release(true), 150);
        expect((await pull).ids).toEqual([early.id, late.id]);
      } finally {
        first.release(true);
        await first.done;
      }
    });

    it('a writer that rolls back holds the ceiling only while it is open', async () => {
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const { checkpoint: start } = await pullAll(server(), device.token, 0);
      const doomed = stockEvent(device);
      const late = stockEvent(device);
      const first = openWriter(server(), doomed);
      try {
        await first.seq;
        await call(server(), 'POST', '/v1/replication/stock_events/push', device.token, [
          { newDocumentState: late },
        ]);
        expect((await pullAll(server(), device.token, start)).ids).toEqual([]);
        first.release(false);
        expect(await first.done).toBe('rolled back');
        expect((await pullAll(server(), device.token, start)).ids).toEqual([late.id]);
      } finally {
        first.release(false);
        await first.done;
      }
    });

    it('document_seq hands out values one at a time (CACHE 1): the ceiling proof relies on it', async () => {
      const { rows } = await sql<{ cache_size: number | string }>`
      select cache_size from pg_sequences
      where schemaname = current_schema() and sequencename = 'document_seq'`.execute(
        server().database.db,
      );
      expect(rows.map((r) => Number(r.cache_size))).toEqual([1]);
    });

    it('two pushes of one new id with different content: one is stored, the other is an alarm', async () => {
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const event = stockEvent(device);
      const twin = { ...event, quantity: event.quantity + 1 };
      const answers = await Promise.all(
        [event, twin].map((body) =>
          call(server(), 'POST', '/v1/replication/stock_events/push', device.token, [
            { newDocumentState: body },
          ]),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      // Exactly one of them comes back as a conflict (the stored version): never a silent overwrite.
      const conflicts = answers.map((a) => (a.body as unknown[]).length);
      expect(conflicts.sort()).toEqual([0, 1]);
    });

    it('a push larger than the document locks allow takes the all-documents lock: still no silent overwrite', async () => {
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const many = Array.from({ length: MAX_DOCUMENT_LOCKS + 20 }, (_, i) =>
        stockEvent(device, { deviceSeq: i + 1 }),
      );
      const shared = many[MAX_DOCUMENT_LOCKS]!;
      const twin = { ...shared, quantity: shared.quantity + 1 };
      const [large, small] = await Promise.all([
        call(
          server(),
          'POST',
          '/v1/replication/stock_events/push',
          device.token,
          many.map((newDocumentState) => ({ newDocumentState })),
        ),
        call(server(), 'POST', '/v1/replication/stock_events/push', device.token, [
          { newDocumentState: twin },
        ]),
      ]);
      expect([large.status, small.status]).toEqual([200, 200]);
      const conflicts = [large, small].map((a) => (a.body as unknown[]).length);
      expect(conflicts.sort()).toEqual([0, 1]);
    });
  },
);
