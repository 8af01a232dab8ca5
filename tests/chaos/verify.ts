import { foldLedger } from '../../shared/inventory/ledger-fold';
import type { StockEvent, SupplyRequest } from '../../shared/model';
import { sameDocument } from '../../renderer/replication/same-document';
import type { FacilityHealth } from './centre';
import type { PcSnapshot } from './pc-protocol';

export interface Verdict {
  created: number;
  stored: number;
  duplicated: number;
  lost: number;
  /** Stored under a created id with other content, or stored without having been created. */
  altered: number;
  pcsDivergent: number;
  foreign: number;
  gaps: number;
  alarms: number;
  requestsDivergent: number;
  /** Proposals the ERP was told were taken, and wards' decisions, that the centre does not hold. */
  substitutionsLost: number;
  /** Proposals at the centre that no answer to the ERP accounts for (a retry that proposed twice). */
  substitutionsUnaccounted: number;
  decisionsLost: number;
  notes: string[];
}

export interface Evidence {
  created: Map<string, StockEvent>;
  centre: StockEvent[];
  centreRequests: Map<string, SupplyRequest[]>;
  health: Map<string, FacilityHealth>;
  pcs: { name: string; facilityId: string; snapshot: PcSnapshot }[];
  /** "requestId/proposalId" of what the ERP proposed and the centre took, and what wards decided. */
  substitutions: { proposed: ReadonlySet<string>; decided: ReadonlySet<string> };
}

/** On-hand per (location, item, lot) as shared/inventory folds it, in a comparable form. */
export function onHand(events: readonly StockEvent[]): [string, unknown][] {
  return [...foldLedger(events).balances.entries()].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
}

const byId = <T extends { id: string }>(docs: readonly T[]) =>
  [...docs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Whether a PC holds exactly the centre's versions of its facility's requests. */
export function requestsAgree(pc: readonly SupplyRequest[], centre: readonly SupplyRequest[]) {
  return sameDocument(byId(pc), byId(centre));
}

/** Which requests differ between a PC and the centre, and in which fields, for the run's notes. */
function requestDifference(pc: readonly SupplyRequest[], centre: readonly SupplyRequest[]): string {
  const there = new Map(centre.map((r) => [r.id, r]));
  const here = new Map(pc.map((r) => [r.id, r]));
  const ids = [...new Set([...here.keys(), ...there.keys()])].sort();
  return ids
    .flatMap((id) => {
      const a = here.get(id);
      const b = there.get(id);
      if (!a || !b) return [`${id} ${a ? 'only on the PC' : 'only at the centre'}`];
      const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
        (f) => !sameDocument(a[f as keyof SupplyRequest], b[f as keyof SupplyRequest]),
      );
      return fields.length === 0
        ? []
        : [
            `${id} differs in ${fields
              .map(
                (f) =>
                  `${f} (PC ${JSON.stringify(a[f as keyof SupplyRequest])}, centre ${JSON.stringify(b[f as keyof SupplyRequest])})`,
              )
              .join('; ')}`,
          ];
    })
    .join(' | ');
}

/** What the run must end with, checked against the plan (what was created) and the centre. */
export function verify(evidence: Evidence): Verdict {
  const notes: string[] = [];
  const note = (text: string) => {
    if (notes.length < 20) notes.push(text);
  };
  const seen = new Map<string, number>();
  let altered = 0;
  for (const event of evidence.centre) {
    seen.set(event.id, (seen.get(event.id) ?? 0) + 1);
    const original = evidence.created.get(event.id);
    if (!original || !sameDocument(original, event)) {
      altered += 1;
      note(`centre holds ${event.id} ${original ? 'with other content' : 'though no PC made it'}`);
    }
  }
  const duplicated = [...seen.values()].reduce((n, count) => n + count - 1, 0);
  const lost = [...evidence.created.keys()].filter((id) => !seen.has(id));
  for (const id of lost.slice(0, 5)) note(`centre lacks ${id}`);

  const facilities = new Set(evidence.pcs.map((p) => p.facilityId));
  const centreFold = new Map<string, [string, unknown][]>();
  for (const facility of facilities) {
    centreFold.set(facility, onHand(evidence.centre.filter((e) => e.facilityId === facility)));
  }
  let pcsDivergent = 0;
  let foreign = 0;
  let requestsDivergent = 0;
  for (const { name, facilityId, snapshot } of evidence.pcs) {
    const alien =
      snapshot.events.filter((e) => e.facilityId !== facilityId).length +
      snapshot.requests.filter((r) => r.facilityId !== facilityId).length;
    if (alien > 0) note(`${name} holds ${alien} documents of another facility`);
    foreign += alien;
    const expected = [...evidence.created.values()].filter((e) => e.facilityId === facilityId);
    const ids = new Set(snapshot.events.map((e) => e.id));
    const missing = expected.filter((e) => !ids.has(e.id)).length;
    const fold = onHand(snapshot.events.filter((e) => e.facilityId === facilityId));
    if (missing > 0 || !sameDocument(fold, centreFold.get(facilityId))) {
      pcsDivergent += 1;
      note(`${name} differs from the centre: ${missing} of its facility's events missing`);
    }
    const centre = evidence.centreRequests.get(facilityId) ?? [];
    if (!requestsAgree(snapshot.requests, centre)) {
      requestsDivergent += 1;
      note(
        `${name}'s supply requests differ from the centre's: ${requestDifference(snapshot.requests, centre)}`,
      );
    }
  }
  const atCentre = new Map(
    [...evidence.centreRequests.values()]
      .flat()
      .flatMap((r) =>
        (r.substitutions ?? []).map((s) => [`${r.id}/${s.id}` as string, s] as const),
      ),
  );
  const { proposed, decided } = evidence.substitutions;
  const substitutionsLost = [...proposed].filter((key) => !atCentre.has(key));
  const substitutionsUnaccounted = [...atCentre.keys()].filter((key) => !proposed.has(key));
  // Two PCs may decide the same proposal offline; one decision wins, but one must be there.
  const decisionsLost = [...decided].filter((key) => !atCentre.get(key)?.decision);
  for (const key of substitutionsLost.slice(0, 5)) note(`centre lacks proposal ${key}`);
  for (const key of substitutionsUnaccounted.slice(0, 5)) {
    note(`centre holds proposal ${key} that no answer to the ERP named`);
  }
  for (const key of decisionsLost.slice(0, 5)) note(`centre lacks the ward's decision on ${key}`);
  let gaps = 0;
  let alarms = 0;
  for (const [facility, health] of evidence.health) {
    gaps += health.gaps;
    alarms += health.alarms;
    if (health.gaps > 0) note(`${facility}: the gap detector reports ${health.gaps} gaps`);
    if (health.alarms > 0) note(`${facility}: ${health.alarms} integrity alarms`);
  }
  return {
    created: evidence.created.size,
    stored: [...seen.keys()].filter((id) => evidence.created.has(id)).length,
    duplicated,
    lost: lost.length,
    altered,
    pcsDivergent,
    foreign,
    gaps,
    alarms,
    requestsDivergent,
    substitutionsLost: substitutionsLost.length,
    substitutionsUnaccounted: substitutionsUnaccounted.length,
    decisionsLost: decisionsLost.length,
    notes,
  };
}

export function failed(verdict: Verdict): boolean {
  return (
    verdict.lost +
      verdict.duplicated +
      verdict.altered +
      verdict.pcsDivergent +
      verdict.foreign +
      verdict.gaps +
      verdict.alarms +
      verdict.requestsDivergent +
      verdict.substitutionsLost +
      verdict.substitutionsUnaccounted +
      verdict.decisionsLost >
    0
  );
}
