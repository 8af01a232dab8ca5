import { sql, type Transaction } from 'kysely';
import { sharedProductCodes } from '../../shared/inventory/item-code-problems';
import type { CollectionName, FieldError, Item, ParLevel } from '../../shared/model';
import { parLevelProblems } from '../../shared/replenishment/par-level-references';
import type { Database } from '../db/schema';
import { itemsHoldingCodes } from './items-by-code';
import { HttpError } from '../http/errors';
import type { Doc } from './canonical';
import type { StoredDocument } from './documents';
import { textArray } from './json';

/**
 * An ERP batch that sends one id twice with different content: which version should stand is
 * anyone's guess (the last one won, silently), so the whole batch is refused.
 */
export function refuseTwoVersions(
  collection: CollectionName,
  docs: readonly Doc[],
  same: (a: Doc, b: Doc) => boolean,
): void {
  const first = new Map<string, { at: number; doc: Doc }>();
  const problems: FieldError[] = [];
  docs.forEach((doc, index) => {
    const id = String(doc['id']);
    const seen = first.get(id);
    if (seen === undefined) first.set(id, { at: index, doc });
    else if (!same(seen.doc, doc)) {
      problems.push({
        field: `[${index}].id`,
        message: `${id} is also at [${seen.at}] with other content`,
      });
    }
  });
  const [problem] = problems;
  if (problem) {
    throw new HttpError(
      422,
      'DUPLICATE_ID',
      `Nothing was stored: ${collection} ${problem.field} — ${problem.message}; send one version of each document per batch.`,
      problems,
    );
  }
}

/** The facility of each location named, removed ones left out. */
export async function locationFacilities(
  trx: Transaction<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('documents')
    .select(['id', sql<string>`doc->>'facilityId'`.as('facility_id')])
    .where('collection', '=', 'locations')
    .where('deleted', '=', false)
    .where((eb) => eb(eb.ref('id'), '=', sql<string>`any(${textArray(ids)})`))
    .execute();
  return new Map(rows.map((r) => [r.id, r.facility_id]));
}

/** Par levels name an item of the master and a location of their own facility, in order. */
async function checkParLevels(trx: Transaction<Database>, docs: readonly Doc[]): Promise<void> {
  const levels = docs as unknown as ParLevel[];
  const itemIds = [...new Set(levels.map((l) => l.itemId))];
  const items = await trx
    .selectFrom('documents')
    .select('id')
    .where('collection', '=', 'items')
    .where('deleted', '=', false)
    .where((eb) => eb(eb.ref('id'), '=', sql<string>`any(${textArray(itemIds)})`))
    .execute();
  const knownItems = new Set(items.map((r) => r.id));
  const locations = await locationFacilities(trx, [...new Set(levels.map((l) => l.locationId))]);
  const problems: FieldError[] = [];
  levels.forEach((level, index) => {
    for (const problem of parLevelProblems(level, {
      itemKnown: knownItems.has(level.itemId),
      locationFacilityId: locations.get(level.locationId),
    })) {
      problems.push({
        field: `[${index}].${problem.field}`,
        message: `par level ${level.id}: ${problem.message}`,
      });
    }
  });
  const [problem] = problems;
  if (problem) {
    throw new HttpError(
      422,
      'PAR_LEVEL_REFUSED',
      `Nothing was stored: ${problem.field} — ${problem.message}.`,
      problems,
    );
  }
}

/**
 * A location with stock or history stays at its facility: its events, counts and par levels were
 * recorded there, and moving it would carry the facility's stock into another one's ledger (and
 * out of the PCs that hold it). A location nothing has happened at yet may still be corrected.
 */
async function checkLocationMoves(
  trx: Transaction<Database>,
  docs: readonly Doc[],
  stored: ReadonlyMap<string, StoredDocument>,
): Promise<void> {
  for (const sent of docs) {
    const id = String(sent['id']);
    const from = stored.get(id)?.body['facilityId'];
    if (typeof from !== 'string' || from === sent['facilityId']) continue;
    const event = await trx
      .selectFrom('documents')
      .select('id')
      .where('collection', '=', 'stock_events')
      .where(sql<boolean>`facilities @> ${textArray([from])}`)
      .where((eb) =>
        eb.or([
          eb(sql<string>`doc->>'locationId'`, '=', id),
          eb(sql<string>`doc->>'toLocationId'`, '=', id),
        ]),
      )
      .limit(1)
      .executeTakeFirst();
    const level = await trx
      .selectFrom('documents')
      .select('id')
      .where('collection', '=', 'par_levels')
      .where('deleted', '=', false)
      .where(sql<string>`doc->>'locationId'`, '=', id)
      .limit(1)
      .executeTakeFirst();
    if (event || level) {
      const what = event ? `stock events (${event.id} among them)` : `par level ${level?.id ?? ''}`;
      throw new HttpError(
        409,
        'LOCATION_IN_USE',
        `Nothing was stored: location ${id} belongs to facility ${from} and has ${what} there, so it cannot move to ${String(sent['facilityId'])}. Create a new location at ${String(sent['facilityId'])} instead, and retire this one (active: false).`,
        [{ field: `${id}.facilityId`, message: `stays ${from}` }],
      );
    }
  }
}

/**
 * Every product code names one item, once the batch is stored: the stored items holding any of the
 * batch's codes are read (removed ones left out) and the rule is shared/inventory's. Moving a code
 * from one item to another is one batch that sends both.
 */
async function checkProductCodes(trx: Transaction<Database>, docs: readonly Doc[]): Promise<void> {
  const items = docs as unknown as Item[];
  const codes = (pick: (i: Item) => readonly string[]) => [...new Set(items.flatMap(pick))];
  const gtins = codes((i) => i.gtins);
  const hibcc = codes((i) => i.hibccCodes);
  const isbt128 = codes((i) => i.isbt128Codes ?? []);
  if (gtins.length + hibcc.length + isbt128.length === 0) return;
  const holders = await itemsHoldingCodes(trx, {
    gtins,
    hibccCodes: hibcc,
    isbt128Codes: isbt128,
  });
  const shared = sharedProductCodes(items, holders);
  const [first] = shared;
  if (first) {
    throw new HttpError(
      409,
      'PRODUCT_CODE_TAKEN',
      `Nothing was stored: ${first.label} ${first.code} would name both item ${first.itemIds[0]} and item ${first.itemIds[1]}, and a scan must find one item. Send the item that no longer carries it without it, in the same batch.`,
      shared.map((s) => ({
        field: `${s.itemIds[1]}.${s.field}`,
        message: `${s.label} ${s.code} is also item ${s.itemIds[0]}'s`,
      })),
    );
  }
}

/**
 * The references of centre documents that a schema cannot check, inside the write's transaction
 * (so a stock event recorded meanwhile is seen): all pass, or the batch is refused whole.
 */
export async function checkCentreReferences(
  trx: Transaction<Database>,
  collection: CollectionName,
  docs: readonly Doc[],
  stored: ReadonlyMap<string, StoredDocument>,
): Promise<void> {
  if (collection === 'par_levels') await checkParLevels(trx, docs);
  if (collection === 'locations') await checkLocationMoves(trx, docs, stored);
  if (collection === 'items') await checkProductCodes(trx, docs);
}
