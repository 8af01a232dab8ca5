import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from './sync-helpers/backends';
import { call, enrollDevice } from './sync-helpers/devices';
import { addStaffedFacility } from './sync-helpers/staff';
import { stockEvent } from './sync-helpers/documents';
import {
  dropSchema,
  openTestDatabase,
  startServerOn,
  testSchema,
  type TestServer,
} from './sync-helpers/server';
import { openEventStream } from './sync-helpers/sse';
import { waitFor } from './sync-helpers/wait';

// Two endpoint instances, each with its own pool and LISTEN connection, on one PostgreSQL schema.
describe.skipIf(!postgresAvailable)(
  'sync: two endpoint processes on one PostgreSQL [PostgreSQL]',
  () => {
    const schema = testSchema('scale_out');
    const servers: TestServer[] = [];
    beforeAll(async () => {
      for (let i = 0; i < 2; i += 1) {
        const database = await openTestDatabase('postgres', schema);
        const server = await startServerOn('postgres', database);
        servers.push({
          ...server,
          close: async () => {
            await server.stop();
            await database.close();
          },
        });
      }
    }, 60_000);
    afterAll(async () => {
      for (const server of servers) await server.close();
      await dropSchema(schema);
    });

    it('a live stream on one process hears a push made through the other, and both serve the same data', async () => {
      const [one, two] = servers as [TestServer, TestServer];
      const facility = await addStaffedFacility(one);
      const device = await enrollDevice(one, facility);
      const stream = openEventStream(`${one.url}/v1/replication/stock_events/stream`, device.token);
      const events: unknown[] = [];
      stream.events.subscribe((e) => events.push(e));
      try {
        expect(await stream.opened).toBe(200);
        await waitFor(() => events.length === 1);
        const event = stockEvent(device);
        expect(
          (
            await call(two, 'POST', '/v1/replication/stock_events/push', device.token, [
              { newDocumentState: event },
            ])
          ).status,
        ).toBe(200);
        await waitFor(() => events.length === 2, 5_000);
        expect(events).toEqual(['RESYNC', 'RESYNC']);
        const pulled = await Promise.all(
          [one, two].map(
            async (s) =>
              (await call(s, 'GET', '/v1/replication/stock_events/pull?limit=1000', device.token))
                .body,
          ),
        );
        expect(pulled[0]).toEqual(pulled[1]);
        expect(JSON.stringify(pulled[0])).toContain(event.id);
      } finally {
        stream.close();
      }
    });

    it('parallel pushes of one batch through both processes store one copy', async () => {
      const [one, two] = servers as [TestServer, TestServer];
      const facility = await addStaffedFacility(one);
      const device = await enrollDevice(two, facility);
      const rows = Array.from({ length: 20 }, () => ({ newDocumentState: stockEvent(device) }));
      const answers = await Promise.all(
        [one, two, one, two].map((s) =>
          call(s, 'POST', '/v1/replication/stock_events/push', device.token, rows),
        ),
      );
      expect(answers.map((a) => a.body)).toEqual([[], [], [], []]);
      const stored = await one.database.db
        .selectFrom('documents')
        .select('id')
        .where(
          'id',
          'in',
          rows.map((r) => r.newDocumentState.id),
        )
        .execute();
      expect(stored).toHaveLength(20);
    });
  },
);
