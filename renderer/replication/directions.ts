import { COLLECTIONS, type CollectionDefinition, type CollectionName } from '../../shared/model';

export interface Directions {
  /** Local writes go up to the centre. */
  push: boolean;
  /** The centre's copies (and other PCs' writes of this facility) come down. */
  pull: boolean;
}

/**
 * From the collection registry: what the centre owns only comes down; what the facility writes
 * (stock events, recall cases) or shares with the centre (supply requests, pending items) goes up
 * and comes down too, so every PC of a facility sees the others' events and requests.
 */
export function directionsOf(name: CollectionName): Directions {
  const definition: CollectionDefinition = COLLECTIONS[name];
  if (definition.uploadOnly) return { push: true, pull: false };
  return definition.owner === 'centre' ? { push: false, pull: true } : { push: true, pull: true };
}

/**
 * Collections that hold a live stream open. A browser allows six HTTP/1.1 connections per host,
 * so a stream per collection would starve the pulls and pushes; the rest are pulled when a stream
 * (re)connects and on a timer. These four are what a stockroom must hear about at once: other
 * PCs' stock movements, request status from the centre, recalls, and the recall work other PCs of
 * the facility record.
 */
export const LIVE_COLLECTIONS: readonly CollectionName[] = [
  'stock_events',
  'supply_requests',
  'recall_notices',
  'recall_cases',
];
