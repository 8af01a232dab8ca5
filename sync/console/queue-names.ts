import type { Kysely } from 'kysely';
import { NOT_IN_ITEM_MASTER, isolatedName } from '../../shared/console';
import type { UsageAnomaly } from '../../shared/indicators/usage-anomaly';
import type { Database } from '../db/schema';
import { documentNames, type DocumentNames } from '../store/document-names';

/**
 * How the queue names what it speaks of, to a buyer: a facility by its name beside its id ("North
 * General (FAC-NORTH)", as every screen of the console does), a PC by the name it was enrolled
 * under, items, places and people by the names the centre holds for them.
 */
export class QueueNames {
  constructor(
    private readonly facilities: ReadonlyMap<string, string>,
    private readonly pcs: ReadonlyMap<string, string>,
    private readonly documents: DocumentNames = {
      items: new Map(),
      locations: new Map(),
      users: new Map(),
    },
  ) {}

  /** The same names, and those of the items, places and people read into `documents`. */
  with(documents: DocumentNames): QueueNames {
    return new QueueNames(this.facilities, this.pcs, documents);
  }

  facility(id: string): string {
    return named(this.facilities, id);
  }

  pc(id: string): string {
    return pcWords(id, this.pcs.get(id));
  }

  item(id: string): string {
    const name = this.documents.items.get(id);
    return name ? `${isolatedName(name)} (${id})` : `${id} (${NOT_IN_ITEM_MASTER})`;
  }

  location(id: string): string {
    return named(this.documents.locations, id);
  }

  person(id: string): string {
    return isolatedName(this.documents.users.get(id) ?? id);
  }
}

function named(names: ReadonlyMap<string, string>, id: string): string {
  const name = names.get(id);
  return name ? `${isolatedName(name)} (${id})` : id;
}

/** A PC as the queue names it: `PC “Ward 9 PC”`, or its id for a PC the centre no longer has. */
export function pcWords(deviceId: string, name: string | undefined): string {
  return name ? `PC “${isolatedName(name)}”` : `PC ${deviceId}`;
}

/**
 * The names of the facilities and PCs, all of them or those asked for: one read of each table,
 * however many conditions the queue holds. The facilities come in id order.
 */
export async function queueNames(
  db: Kysely<Database>,
  only?: { facilityIds: readonly string[]; deviceIds: readonly string[] },
): Promise<{ names: QueueNames; facilityIds: string[] }> {
  let facilityRows = db.selectFrom('facilities').select(['id', 'name']);
  let deviceRows = db.selectFrom('devices').select(['id', 'name']);
  if (only) {
    // '' is never an id: an empty list still makes a valid `in ()`.
    facilityRows = facilityRows.where('id', 'in', ['', ...only.facilityIds]);
    deviceRows = deviceRows.where('id', 'in', ['', ...only.deviceIds]);
  }
  const [facilities, devices] = await Promise.all([
    facilityRows.orderBy('id').execute(),
    deviceRows.execute(),
  ]);
  return {
    names: new QueueNames(
      new Map(facilities.map((f) => [f.id, f.name])),
      new Map(devices.map((d) => [d.id, d.name])),
    ),
    facilityIds: facilities.map((f) => f.id),
  };
}

/** A record of a collection as a buyer says it: "stock event EVT-1". */
const RECORD_WORDS: Readonly<Record<string, string>> = {
  stock_events: 'stock event',
  supply_requests: 'supply request',
  recall_cases: 'recall case',
  pending_items: 'new item',
  deliveries: 'delivery',
  label_prints: 'relabel print',
  sign_in_events: 'sign-in attempt',
};

export function recordWords(collection: string | undefined, id: string): string {
  return `${(collection && RECORD_WORDS[collection]) ?? 'record'} ${id}`;
}

/** An instant as the queue's text says it: to the minute, in UTC. */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * The names one usage flag's condition says, read for it alone (a decision arriving from a PC),
 * with the name of the PC that decided it.
 */
export async function anomalyNames(
  db: Kysely<Database>,
  facilityId: string,
  flag: Pick<UsageAnomaly, 'itemId' | 'locationId' | 'actorId'>,
  deviceId?: string,
): Promise<QueueNames> {
  const { names } = await queueNames(db, {
    facilityIds: [facilityId],
    deviceIds: deviceId === undefined ? [] : [deviceId],
  });
  const documents = await documentNames(db, {
    items: [flag.itemId],
    locations: [flag.locationId],
    users: flag.actorId === undefined ? [] : [flag.actorId],
  });
  return names.with(documents);
}
