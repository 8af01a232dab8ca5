import { sql, type Transaction } from 'kysely';
import type { CollectionName, User } from '../../shared/model';
import type { KnownUser } from '../../shared/permissions';
import type { Database } from '../db/schema';
import type { Doc } from './canonical';
import type { StoredDocument } from './documents';
import { textArray } from './json';

/** What a push is decided and checked against, as the centre holds it in the push's transaction. */
export interface PushState {
  /** The stored versions of the pushed documents, locked for the transaction. */
  stored: Map<string, StoredDocument>;
  /** The centre's users the pushed documents name (deleted users are not known). */
  users: Map<string, KnownUser>;
  /** The facility of each place the pushed stock events name, where the centre knows the place. */
  placeFacilities: Map<string, string>;
}

/** The people a pushed document names, whose role and facilities the permission model needs. */
export function peopleNamed(collection: CollectionName, body: Doc): string[] {
  const ids: unknown[] = [];
  if (collection === 'stock_events') ids.push(body['actorId'], body['approvedBy']);
  if (collection === 'pending_items') ids.push(body['capturedBy']);
  if (collection === 'label_prints') ids.push(body['actorId']);
  if (collection === 'supply_requests') {
    ids.push(body['createdBy']);
    const substitutions = Array.isArray(body['substitutions'])
      ? (body['substitutions'] as Doc[])
      : [];
    ids.push(...substitutions.map((s) => (s['decision'] as Doc | undefined)?.['by']));
  }
  if (collection === 'deliveries') ids.push((body['closure'] as Doc | undefined)?.['closedBy']);
  if (collection === 'recall_cases' || collection === 'supply_requests') {
    const history = Array.isArray(body['history']) ? (body['history'] as Doc[]) : [];
    ids.push(...history.map((e) => e['by']));
  }
  return ids.filter((id): id is string => typeof id === 'string');
}

/** The places a pushed stock event names: where it happened, and where the units went. */
export function placesNamed(body: Doc): string[] {
  return [body['locationId'], body['toLocationId']].filter(
    (id): id is string => typeof id === 'string',
  );
}

interface StateRow {
  kind: 'stored' | 'user' | 'place';
  id: string;
  doc: Doc;
  deleted: boolean;
  facilities: string[] | null;
}

/**
 * One statement for everything a push reads before it decides: the pushed documents (FOR UPDATE),
 * the users and the places they name. Each is an index lookup; as three statements they were
 * three round trips inside every push's transaction, which is what parallel writers wait on.
 * Inside `sequencedWrite` this runs after the statement that took the documents' locks, so it
 * sees the version another writer of the same document committed.
 */
export async function readPushState(
  trx: Transaction<Database>,
  collection: CollectionName,
  rows: readonly { id: string; body: Doc }[],
): Promise<PushState> {
  const ids = [...new Set(rows.map((r) => r.id))];
  const bodies = rows.map((r) => r.body);
  const people = [...new Set(bodies.flatMap((b) => peopleNamed(collection, b)))];
  const places =
    collection === 'stock_events' ? [...new Set(bodies.flatMap((b) => placesNamed(b)))] : [];
  const found = await sql<StateRow>`
    with stored as (
      select id, doc, deleted, facilities from documents
      where collection = ${collection} and id = any(${textArray(ids)})
      for update
    )
    select 'stored' as kind, id, doc, deleted, facilities from stored
    union all
    select 'user', id, doc, deleted, null::text[] from documents
    where collection = 'users' and not deleted and id = any(${textArray(people)})
    union all
    select 'place', id, jsonb_build_object('facilityId', doc->'facilityId'), deleted, null::text[]
    from documents
    where collection = 'locations' and not deleted and id = any(${textArray(places)})`.execute(trx);
  const state: PushState = { stored: new Map(), users: new Map(), placeFacilities: new Map() };
  for (const row of found.rows) {
    if (row.kind === 'stored') {
      state.stored.set(row.id, {
        id: row.id,
        body: row.doc,
        deleted: row.deleted,
        facilities: row.facilities,
      });
    } else if (row.kind === 'user') {
      state.users.set(row.id, knownUser(row.id, row.doc as unknown as User));
    } else if (typeof row.doc['facilityId'] === 'string') {
      state.placeFacilities.set(row.id, row.doc['facilityId']);
    }
  }
  return state;
}

/** A user as the permission model knows people. */
export function knownUser(id: string, user: User): KnownUser {
  return {
    id,
    name: user.name,
    role: user.role,
    active: user.active,
    facilityIds: user.facilityIds,
  };
}
