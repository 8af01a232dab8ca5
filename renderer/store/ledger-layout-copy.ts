import { Dexie, type Table } from 'dexie';
import type { RxJsonSchema } from 'rxdb';
import type { DexieSettings } from 'rxdb';

type LedgerSchemas = Record<'stock_events' | 'balances', RxJsonSchema<unknown>>;

const COPIED = 'copied-from-collection-databases';
const CHUNK = 5_000;

/** Where RxDB's own Dexie storage keeps a collection (dexie-helper.js, getDexieDbWithTables). */
export function collectionDatabaseName(
  databaseName: string,
  collection: string,
  version: number,
): string {
  return `rxdb-dexie-${databaseName}--${version}--${collection}`;
}

/**
 * A store written before the ledger shared one database keeps its events and balances in one
 * database per collection. They are copied once, row for row (the rows are already in Dexie's
 * form and the tables have the same indexes), before RxDB sees the ledger. A copy cut short is
 * simply done again (puts by primary key); the old databases go only after the copy is marked done.
 * Windows opening together take turns through a Web Lock.
 */
export async function copyOldLedgerLayout(
  target: Dexie,
  databaseName: string,
  schemas: LedgerSchemas,
  settings: DexieSettings,
): Promise<void> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const work = () => copyOnce(target, databaseName, schemas, settings);
  await (locks ? locks.request(`stockroom-ledger-layout-${databaseName}`, work) : work());
}

async function copyOnce(
  target: Dexie,
  databaseName: string,
  schemas: LedgerSchemas,
  settings: DexieSettings,
): Promise<void> {
  const old = (['stock_events', 'balances'] as const).map((collection) => ({
    collection,
    name: collectionDatabaseName(databaseName, collection, schemas[collection].version),
  }));
  const done = await target.table('layout').get(COPIED);
  if (!done) {
    for (const { collection, name } of old) {
      if (!(await Dexie.exists(name))) continue;
      const source = new Dexie(name, { ...settings, autoOpen: false });
      await source.open();
      try {
        await copyTable(source.table('docs'), target.table(collection));
        await copyTable(source.table('attachments'), target.table(`${collection}_attachments`));
      } finally {
        source.close();
      }
    }
    await target.table('layout').put({ id: COPIED, at: new Date().toISOString() });
  }
  for (const { name } of old) {
    // Not awaited: an older window still holding the database would block the delete, and the
    // next start tries again.
    if (await Dexie.exists(name))
      Dexie.delete(name).catch((error: unknown) =>
        console.warn(`The old ledger database ${name} was not removed yet.`, error),
      );
  }
}

async function copyTable(from: Table, to: Table): Promise<void> {
  let last: unknown;
  for (;;) {
    const rows =
      last === undefined
        ? await from.orderBy(':id').limit(CHUNK).toArray()
        : await from.where(':id').above(last).limit(CHUNK).toArray();
    if (rows.length === 0) return;
    await to.bulkPut(rows);
    last = primaryKeyOf(from, rows.at(-1));
  }
}

function primaryKeyOf(table: Table, row: unknown): unknown {
  const path = table.schema.primKey.keyPath;
  if (typeof path !== 'string') throw new Error(`Unexpected primary key in ${table.name}`);
  return (row as Record<string, unknown>)[path];
}
