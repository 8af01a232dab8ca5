import type { StockEvent } from '../model';
import { parseIsoDateTime } from './calendar';

/** The fields that place an event in the ledger's one agreed order. */
export type CanonicalPosition = Pick<StockEvent, 'occurredAt' | 'deviceId' | 'deviceSeq' | 'id'>;

/**
 * The instant an event happened, for ordering. An unreadable `occurredAt` (the schema refuses it,
 * but the fold must stay total) sorts after every readable one.
 */
export function instantOf(occurredAt: string): number {
  return parseIsoDateTime(occurredAt) ?? Number.POSITIVE_INFINITY;
}

function compareText(a: string, b: string): number {
  // Code-unit order, not localeCompare: every device must agree whatever its language settings.
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The canonical order of the ledger: the instant it happened (offsets taken into account), then
 * device, then the device's own sequence, then id. Events reach a PC in any order through sync;
 * every position-dependent result of the fold (the ledger a count is compared with, the last event
 * of a balance, the latest expiry seen) is defined on this order, so it is the same on every PC.
 */
export function compareByInstant(
  aInstant: number,
  a: CanonicalPosition,
  bInstant: number,
  b: CanonicalPosition,
): number {
  if (aInstant !== bInstant) return aInstant < bInstant ? -1 : 1;
  return (
    compareText(a.deviceId, b.deviceId) ||
    (a.deviceSeq === b.deviceSeq ? 0 : a.deviceSeq < b.deviceSeq ? -1 : 1) ||
    compareText(a.id, b.id)
  );
}

export function compareCanonical(a: CanonicalPosition, b: CanonicalPosition): number {
  return compareByInstant(instantOf(a.occurredAt), a, instantOf(b.occurredAt), b);
}

export function sortCanonical<T extends CanonicalPosition>(events: readonly T[]): T[] {
  return events
    .map((event) => ({ event, instant: instantOf(event.occurredAt) }))
    .sort((a, b) => compareByInstant(a.instant, a.event, b.instant, b.event))
    .map(({ event }) => event);
}
