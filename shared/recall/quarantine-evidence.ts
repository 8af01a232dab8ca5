import type { StockEvent } from '../model';
import type { MatchedLot, StockMatch } from './stock-match';

/**
 * What a recall case may claim about quarantine, from where the units are (issue 13 point 9).
 * A unit is quarantined when it sits in a quarantine area (a location of kind `quarantine`): put
 * there by a scan on the Recalls screen or by a recorded transfer, or returned there from a ward.
 * A quarantine flag on units still on a shelf is not evidence: they can still be picked up.
 */
export interface LotOutside {
  locationId: string;
  itemId: string;
  lotCode: string;
  units: number;
}

export interface QuarantineEvidence {
  /** Matched units in a quarantine area. */
  inQuarantineArea: number;
  /** Matched lots still elsewhere, with their units. */
  outside: LotOutside[];
  outsideUnits: number;
}

export function quarantineEvidence(
  match: StockMatch,
  isQuarantineArea: (locationId: string) => boolean,
): QuarantineEvidence {
  let inQuarantineArea = 0;
  const outside: LotOutside[] = [];
  for (const place of match.locations) {
    for (const lot of place.lots) {
      if (lot.onHand <= 0) continue;
      if (isQuarantineArea(lot.locationId)) inQuarantineArea += lot.onHand;
      else outside.push({ ...placeOf(lot), units: lot.onHand });
    }
  }
  return { inQuarantineArea, outside, outsideUnits: outside.reduce((s, l) => s + l.units, 0) };
}

const placeOf = (lot: MatchedLot | LotOutside) => ({
  locationId: lot.locationId,
  itemId: lot.itemId,
  lotCode: lot.lotCode,
});

type MoveDraft = Omit<
  StockEvent,
  'id' | 'facilityId' | 'deviceId' | 'deviceSeq' | 'actorId' | 'occurredAt' | 'approvedBy'
>;

/**
 * Moving units of a recalled lot into the quarantine area: a transfer there, and a quarantine
 * under the notice at the area, so the units are blocked wherever the record is read.
 */
export function moveToQuarantineDrafts(
  lot: Omit<LotOutside, 'units'>,
  units: number,
  quarantineLocationId: string,
  recallNoticeId: string,
  scan?: string,
): MoveDraft[] {
  const common = {
    itemId: lot.itemId,
    lotCode: lot.lotCode,
    quantity: units,
    recallNoticeId,
    ...(scan ? { scan } : {}),
  };
  return [
    { ...common, type: 'transfer', locationId: lot.locationId, toLocationId: quarantineLocationId },
    { ...common, type: 'quarantine', locationId: quarantineLocationId, reason: 'recall' },
  ];
}

export type EvidenceProblemCode = 'UNITS_STILL_OUTSIDE' | 'COUNT_REQUIRED' | 'COUNT_DIFFERS';

/**
 * Whether a step's claim holds against the record: "quarantined" only once no matched unit is
 * outside a quarantine area, and "counted" only with the number a person counted, equal to what
 * the quarantine area holds (a difference is found, not recorded as done).
 */
export function evidenceProblem(
  step: 'quarantined' | 'counted',
  evidence: QuarantineEvidence,
  counted: number | undefined,
  nameOf: (lot: Omit<LotOutside, 'units'>) => string = (l) => `lot ${l.lotCode}`,
): { code: EvidenceProblemCode; message: string } | undefined {
  if (step === 'quarantined' && evidence.outsideUnits > 0) {
    const where = evidence.outside.map((l) => `${l.units} of ${nameOf(l)}`).join('; ');
    return {
      code: 'UNITS_STILL_OUTSIDE',
      message: `${evidence.outsideUnits} matched units are not in quarantine yet (${where}). Put them in the quarantine cage and scan each, or record the transfer, then try again.`,
    };
  }
  if (step === 'counted') {
    if (counted === undefined || !Number.isSafeInteger(counted) || counted < 0) {
      return {
        code: 'COUNT_REQUIRED',
        message: 'Count the units in the quarantine cage and enter the number you counted.',
      };
    }
    if (counted !== evidence.inQuarantineArea) {
      return {
        code: 'COUNT_DIFFERS',
        message: `You counted ${counted}, but the record puts ${evidence.inQuarantineArea} units of this recall in quarantine. Count again; if the difference stays, find the missing units (a ward, another shelf) before recording the count.`,
      };
    }
  }
  return undefined;
}
