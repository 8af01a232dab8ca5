import type { CollectionName } from '../../../shared/model';
import { benchItems, defaultLedgerShape, FACILITY, stockLedger } from '../inputs/stock-ledger';
import { enrollDevice } from '../endpoint/device-client';
import { startEndpointChild, type EndpointChild } from '../endpoint/endpoint-child';
import { pgliteDataDir } from '../lib/databases';
import { measureFigure, type FigureContext } from '../lib/figure';
import type { FigureResult } from '../lib/report';
import { roundFigure } from '../lib/stats';
import { APP_PULL_BATCH, openPcDatabase, replicate } from '../sync/pc-replica';

const SIZES = {
  full: { unsent: 20_000, changedEvents: 45_000, changedItems: 5_000, capSeconds: 300 },
  smoke: { unsent: 200, changedEvents: 400, changedItems: 100, capSeconds: 120 },
};
const NAMES: CollectionName[] = ['stock_events', 'items'];

/** Polls until `check` holds; false when `deadline` (performance.now()) passes first. */
async function waitUntil(check: () => Promise<boolean>, deadline: number): Promise<boolean> {
  while (!(await check())) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/** What a pull from checkpoint 0 costs with nothing but fetch: the endpoint's own limit. */
async function barePull(url: string, token: string, name: CollectionName): Promise<number> {
  let seq = 0;
  let count = 0;
  for (;;) {
    const response = await fetch(
      `${url}/v1/replication/${name}/pull?checkpoint=${seq}&limit=${APP_PULL_BATCH}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    const page = (await response.json()) as { documents: unknown[]; checkpoint: { seq: number } };
    count += page.documents.length;
    if (page.documents.length === 0) return count;
    seq = page.checkpoint.seq;
  }
}

export function catchUpFigure(ctx: FigureContext): Promise<FigureResult> {
  const size = SIZES[ctx.mode];
  const changed = size.changedEvents + size.changedItems;
  return measureFigure(
    {
      id: '6',
      title: `Catch-up: ${size.unsent} unsent events, ${changed} changed at the centre`,
      target: '≤ 30 s to in-sync, and ≤ 1.5× the bare pull of the same documents',
    },
    async () => {
      const dir = await pgliteDataDir();
      let endpoint: EndpointChild | undefined;
      try {
        endpoint = await startEndpointChild({
          backend: 'pglite',
          dataDir: dir.dataDir,
          facilityId: FACILITY,
          enrollmentCodes: 1,
        });
        const pc = await enrollDevice(endpoint.url, endpoint.codes[0]!);
        ctx.log(`figure 6: changing ${changed} documents at the centre`);
        const others = { deviceIds: ['DEV-WARD-1', 'DEV-WARD-2', 'DEV-DOCK'], seed: 61 };
        await endpoint.seed('stock_events', [
          ...stockLedger(defaultLedgerShape(size.changedEvents, others)),
        ]);
        await endpoint.seed('items', benchItems(size.changedItems));
        const db = await openPcDatabase(NAMES);
        const own = { deviceIds: [pc.deviceId], seed: 62 };
        await db.collections['stock_events']!.bulkInsert([
          ...stockLedger(defaultLedgerShape(size.unsent, own)),
        ]);
        ctx.log('figure 6: the PC comes back on line');
        const expectedEvents = size.unsent + size.changedEvents;
        const began = performance.now();
        const deadline = began + size.capSeconds * 1000;
        const replica = replicate(db, endpoint.url, pc, NAMES);
        // When the last unsent event was accepted and the last changed document arrived.
        let sent = 0;
        let received = 0;
        let pushDone: number | undefined;
        let pullDone: number | undefined;
        const toReceive = size.changedEvents + size.changedItems + size.unsent;
        const watching = [
          replica.replication('stock_events').sent$.subscribe(() => {
            if (++sent === size.unsent) pushDone = performance.now() - began;
          }),
          ...NAMES.map((n) =>
            replica.replication(n).received$.subscribe(() => {
              if (++received === toReceive) pullDone = performance.now() - began;
            }),
          ),
        ];
        let inSync = false;
        try {
          inSync = await waitUntil(async () => {
            const events = await db.collections['stock_events']!.count().exec();
            const items = await db.collections['items']!.count().exec();
            return events === expectedEvents && items === size.changedItems && sent >= size.unsent;
          }, deadline);
          if (inSync) await replica.inSync();
        } finally {
          for (const w of watching) w.unsubscribe();
          await replica.close();
        }
        const seconds = (performance.now() - began) / 1000;
        const pullBegan = performance.now();
        const pulled =
          (await barePull(endpoint.url, pc.token, 'stock_events')) +
          (await barePull(endpoint.url, pc.token, 'items'));
        const barePullSeconds = (performance.now() - pullBegan) / 1000;
        const progress = `${sent} of ${size.unsent} events pushed, ${received} of ${toReceive} documents pulled`;
        const at = (ms: number | undefined) => (ms === undefined ? NaN : roundFigure(ms / 1000));
        const ratio = seconds / barePullSeconds;
        return {
          verdict: inSync && seconds <= 30 && ratio <= 1.5 ? 'met' : 'missed',
          headline: `${inSync ? 'in sync' : `NOT in sync, stopped (${progress})`} after ${roundFigure(seconds)} s (${size.unsent} events pushed, ${changed} changed documents pulled); a bare fetch pull of the same ${pulled} documents takes ${roundFigure(barePullSeconds)} s (${roundFigure(ratio)}×)`,
          measurements: [
            {
              label: 'back on line → in sync (RxDB replication)',
              unit: 's',
              value: roundFigure(seconds),
              judgedOn: 'value',
            },
            ...(pushDone === undefined
              ? []
              : [{ label: 'last unsent event accepted', unit: 's', value: at(pushDone) }]),
            ...(pullDone === undefined
              ? []
              : [{ label: 'last changed document pulled', unit: 's', value: at(pullDone) }]),
            {
              label: `bare pull loop, ${pulled} documents`,
              unit: 's',
              value: roundFigure(barePullSeconds),
            },
            {
              label: 'in sync ÷ bare pull',
              unit: '×',
              value: roundFigure(ratio),
              judgedOn: 'value',
            },
          ],
          limits:
            'The PC pushes its unsent events in batches of 100 from one client while it pulls (pages of 200; the app’s sizes), so the push runs at one client’s round-trip rate, below the 8-client ingest rate of figure 5, and the endpoint serves both on one PGlite thread. PGlite endpoint; the PC runs the app’s renderer/replication on RxDB memory storage in Node, so IndexedDB writes (figure 2) are not included.',
          notes: [
            'One run (a catch-up is a one-off event, and one takes tens of seconds); the PC pulls its own pushed events back as well, as RxDB does.',
          ],
        };
      } finally {
        await endpoint?.stop();
        dir.remove();
      }
    },
  );
}
