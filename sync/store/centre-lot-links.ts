import { sql, type Transaction } from 'kysely';
import { normaliseLotCode, type StockEvent } from '../../shared/model';
import type { Database } from '../db/schema';
import { textArray } from './json';

/**
 * Which lot's fold each stock event belongs to, for the centre's balances projection
 * (centre-balances.ts): its own lot, and for a reversal also the lot of every event above it in its
 * chain, so a lot's fold sees every reversal below its events, wherever the reversal itself points.
 * Chains are followed within a facility only, as each PC folds its own facility's ledger.
 */

export type Link = {
  eventId: string;
  facilityId: string;
  itemId: string;
  lotCode: string;
  reverses: string | null;
};

export type Lot = Pick<Link, 'facilityId' | 'itemId' | 'lotCode'>;

export const lotId = (l: Lot) => `${l.facilityId}\u0000${l.itemId}\u0000${l.lotCode}`;

/** The link of a stored stock event; undefined for a document the push checks would not pass. */
export function linkOf(doc: Partial<StockEvent>): Link | undefined {
  const { id, facilityId, itemId, lotCode } = doc;
  if (typeof id !== 'string' || typeof facilityId !== 'string' || typeof itemId !== 'string') {
    return undefined;
  }
  return {
    eventId: id,
    facilityId,
    itemId,
    lotCode: normaliseLotCode(typeof lotCode === 'string' ? lotCode : ''),
    reverses: doc.type === 'reversal' && typeof doc.reverses === 'string' ? doc.reverses : null,
  };
}

async function linksWhere(
  trx: Transaction<Database>,
  column: 'event_id' | 'reverses',
  ids: readonly string[],
): Promise<Link[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('centre_stock_links')
    .selectAll()
    .where(sql<boolean>`${sql.ref(column)} = any(${textArray(ids)})`)
    .execute();
  return rows.map((r) => ({
    eventId: r.event_id,
    facilityId: r.facility_id,
    itemId: r.item_id,
    lotCode: r.lot_code,
    reverses: r.reverses,
  }));
}

/** Every link reachable from `start` by repeated `step`s, each visited once (cycles cut). */
async function reach(
  start: readonly Link[],
  step: (ids: string[]) => Promise<Link[]>,
  known: Map<string, Link>,
): Promise<void> {
  const visited = new Set(start.map((l) => l.eventId));
  let frontier = [...start];
  while (frontier.length > 0) {
    const found = await step(frontier.map((l) => l.eventId));
    frontier = [];
    for (const link of found) {
      if (!known.has(link.eventId)) known.set(link.eventId, link);
      if (visited.has(link.eventId)) continue;
      visited.add(link.eventId);
      frontier.push(link);
    }
  }
}

/**
 * The memberships the new events make: each event, and every reversal already stored below it,
 * joins the lot of the event and of each event above it. Returns them, the lots they touch keyed.
 */
export async function membershipsOf(trx: Transaction<Database>, fresh: readonly Link[]) {
  const known = new Map<string, Link>(fresh.map((l) => [l.eventId, l]));
  // What the new events reverse, and what those reverse, up to each chain's top.
  const parents = async (ids: string[]) =>
    linksWhere(
      trx,
      'event_id',
      ids.flatMap((id) => known.get(id)?.reverses ?? []).filter((id) => !known.has(id)),
    );
  await reach(fresh, parents, known);
  // Every link known so far, from below: the reversals that name them, down to the leaves.
  const children = new Map<string, Link[]>();
  await reach([...known.values()], (ids) => linksWhere(trx, 'reverses', ids), known);
  for (const link of known.values()) {
    if (link.reverses === null) continue;
    const list = children.get(link.reverses) ?? [];
    list.push(link);
    children.set(link.reverses, list);
  }
  const sameFacility = (a: Link, b: Link | undefined): b is Link =>
    b !== undefined && a.facilityId === b.facilityId;
  const members = new Map<string, { lot: Lot; eventId: string }>();
  for (const event of fresh) {
    // The lots above: the event's own and each one its chain of reversals climbs to.
    const lots: Lot[] = [];
    const climbed = new Set<string>();
    for (let at: Link | undefined = event; at && !climbed.has(at.eventId);) {
      climbed.add(at.eventId);
      lots.push(at);
      const up: Link | undefined = at.reverses === null ? undefined : known.get(at.reverses);
      at = sameFacility(at, up) ? up : undefined;
    }
    // The event and the reversals below it, however deep.
    const below: Link[] = [event];
    const seen = new Set([event.eventId]);
    for (let i = 0; i < below.length; i += 1) {
      const at = below[i];
      if (!at) continue;
      for (const child of children.get(at.eventId) ?? []) {
        if (seen.has(child.eventId) || !sameFacility(at, child)) continue;
        seen.add(child.eventId);
        below.push(child);
      }
    }
    for (const lot of lots) {
      for (const member of below) {
        const key = `${lotId(lot)}\u0000${member.eventId}`;
        members.set(key, {
          lot: { facilityId: lot.facilityId, itemId: lot.itemId, lotCode: lot.lotCode },
          eventId: member.eventId,
        });
      }
    }
  }
  return [...members.values()];
}
