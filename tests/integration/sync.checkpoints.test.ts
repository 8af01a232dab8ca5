import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { writeDocument } from '../../sync/store/documents';
import { nextSeq, sequencedWrite, type SequencedTransaction } from '../../sync/store/sequenced';
import { jsonb } from '../../sync/store/json';
import { describeOnBackends } from './sync-helpers/backends';
import { call, enrollDevice } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';
import { stockEvent } from './sync-helpers/documents';
import type { TestServer } from './sync-helpers/server';

type Page = { documents: { id: string }[]; checkpoint: { seq: number } };

async function pullAll(server: TestServer, collection: string, token: string, from = 0, limit = 3) {
  const ids: string[] = [];
  let checkpoint = from;
  for (;;) {
    const page = await call(
      server,
      'GET',
      `/v1/replication/${collection}/pull?checkpoint=${checkpoint}&limit=${limit}`,
      token,
    );
    const body = page.body as Page;
    if (body.documents.length === 0) return { ids, checkpoint };
    ids.push(...body.documents.map((d) => d.id));
    checkpoint = body.checkpoint.seq;
  }
}

describeOnBackends(
  'sync: checkpoints are a server sequence safe against out-of-order commits',
  'checkpoints',
  (server, backend) => {
    it('no pull skips a document an open earlier write makes visible later', async () => {
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const { checkpoint: start } = await pullAll(server(), 'stock_events', device.token);
      const early = stockEvent(device);
      const late = stockEvent(device);

      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let writing!: () => void;
      const started = new Promise<void>((resolve) => (writing = resolve));
      const slow = sequencedWrite(server().database.db, async (trx) => {
        await writeDocument(trx, {
          collection: 'stock_events',
          body: early,
          deleted: false,
          writtenBy: 'test',
        });
        writing();
        await held;
      });
      try {
        await started;
        let lateAnswered = false;
        const fast = call(server(), 'POST', '/v1/replication/stock_events/push', device.token, [
          { newDocumentState: { ...late, _deleted: false } },
        ]).then((r) => {
          lateAnswered = true;
          return r;
        });
        const pullDuring = pullAll(server(), 'stock_events', device.token, start);
        await new Promise((resolve) => setTimeout(resolve, 300));
        // PGlite is one connection that a transaction keeps: the later push waits its turn. On
        // PostgreSQL writers run in parallel and the later one commits while the earlier is open.
        expect(lateAnswered).toBe(backend === 'postgres');
        release();
        await slow;
        expect((await fast).status).toBe(200);

        // Whatever the pull taken during the hold saw, it never saw the later document alone.
        const during = await pullDuring;
        expect(during.ids.includes(late.id) ? during.ids.includes(early.id) : true).toBe(true);
        const resumed = await pullAll(server(), 'stock_events', device.token, during.checkpoint);
        expect([...during.ids, ...resumed.ids]).toEqual([early.id, late.id]);
      } finally {
        release();
        await slow.catch(() => undefined);
      }
    });

    it('a checkpoint is the server seq: a device clock far in the future or past changes nothing', async () => {
      const facility = await addStaffedFacility(server());
      const device = await enrollDevice(server(), facility);
      const { checkpoint: start } = await pullAll(server(), 'stock_events', device.token);
      const future = stockEvent(device, { occurredAt: '2099-01-01T00:00:00Z' });
      const past = stockEvent(device, { occurredAt: '1999-01-01T00:00:00Z' });
      for (const event of [future, past]) {
        await call(server(), 'POST', '/v1/replication/stock_events/push', device.token, [
          { newDocumentState: event },
        ]);
      }
      const { ids, checkpoint } = await pullAll(server(), 'stock_events', device.token, start, 1);
      expect(ids).toEqual([future.id, past.id]);
      expect(checkpoint).toBeGreaterThan(start);
    });

    if (backend === 'postgres') {
      // The control: a writer that draws seqs without sequencedWrite's low lock is invisible to the
      // readable ceiling, and the hazard the lock prevents really happens on PostgreSQL.
      it('without the low lock a later commit overtakes an earlier seq (why the lock exists)', async () => {
        const db = server().database.db;
        const facility = await addStaffedFacility(server());
        const device = await enrollDevice(server(), facility);
        const { checkpoint: start } = await pullAll(server(), 'stock_events', device.token);
        const early = stockEvent(device);
        const late = stockEvent(device);
        const insert = (trx: SequencedTransaction, body: Record<string, unknown>) =>
          trx
            .insertInto('documents')
            .values({
              collection: 'stock_events',
              id: String(body['id']),
              facilities: sql<string[]>`array[${facility}]::text[]`,
              doc: jsonb(body),
              deleted: false,
              seq: nextSeq(),
              recorded_at: new Date(),
              updated_at: new Date(),
              written_by: 'test',
              event_device_id: null,
              event_device_seq: null,
            })
            .execute();
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let drawn!: () => void;
        const started = new Promise<void>((resolve) => (drawn = resolve));
        const slow = db.transaction().execute(async (trx) => {
          await insert(trx as SequencedTransaction, early);
          drawn();
          await held;
        });
        await started;
        await db.transaction().execute((trx) => insert(trx as SequencedTransaction, late));
        const seen = await pullAll(server(), 'stock_events', device.token, start);
        release();
        await slow;
        const after = await pullAll(server(), 'stock_events', device.token, seen.checkpoint);
        expect(seen.ids).toEqual([late.id]);
        expect(after.ids).toEqual([]); // `early` is skipped for good: exactly what sequencedWrite prevents
      });
    }
  },
);
