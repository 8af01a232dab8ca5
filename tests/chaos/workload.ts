import type { Role, StockEvent, StockEventType, SupplyRequest } from '../../shared/model';
import { authorize, stockEventAct } from '../../shared/permissions';
import type { Prng } from './prng';

/** The people of every chaos facility, as the ERP sets them up at the centre before the run. */
export const CHAOS_STAFF: readonly { id: string; role: Role }[] = [
  { id: 'USR-TECH', role: 'tech' },
  { id: 'USR-NM', role: 'nurse-manager' },
  { id: 'USR-SUP', role: 'supervisor' },
  { id: 'USR-SUP2', role: 'supervisor' },
];

/** Everything the run will do, decided up front from the seed: the same seed, the same plan. */
export interface ChaosPlan {
  seed: number;
  rounds: number;
  facilities: string[];
  devices: DevicePlan[];
  /** Per facility, the requests its first PC raises in round 0. */
  requests: SupplyRequest[];
  /** Rounds in which the server is SIGKILLed during a push. */
  serverKillRounds: number[];
  /** Per round, the device (index) killed during a push and restarted the round after, if any. */
  clientKills: (number | null)[];
  /** Per round, per request: what someone does to it (a PC of its facility, or the centre). */
  requestActions: RequestAction[][];
}

export interface DevicePlan {
  index: number;
  name: string;
  /** Names its events; fixed by the seed, so the same seed gives the same event ids. */
  deviceId: string;
  /**
   * The id the centre gave it at enrolment, written into its events' `deviceId` (the centre takes
   * a PC's events only under its own id); unset before enrolment.
   */
  enrolledId?: string;
  facilityId: string;
  /** Events per round, in creation order; deviceSeq and ids are filled in at enrolment. */
  eventsByRound: EventDraft[][];
  /** Rounds the PC spends offline (replication stopped, work goes on). */
  offline: Set<number>;
}

export type EventDraft = Omit<StockEvent, 'id' | 'deviceId' | 'deviceSeq' | 'reverses'> & {
  /** Index in this device's creation order; a reversal names one of its earlier events. */
  ordinal: number;
  reversesOrdinal?: number;
};

export type RequestAction =
  | { by: 'pc'; device: number; requestId: string; kind: 'edit'; quantity: number; at: string }
  | { by: 'pc'; device: number; requestId: string; kind: 'submit' | 'cancel'; at: string }
  | {
      by: 'pc';
      device: number;
      requestId: string;
      kind: 'decide';
      decision: WardDecision;
      at: string;
    }
  | { by: 'centre'; requestId: string; kind: 'advance'; at: string }
  | {
      by: 'centre';
      requestId: string;
      kind: 'substitute';
      itemId: string;
      quantity: number;
      at: string;
    };

/** How the ward answers the first substitute still open on a request, if there is one. */
export type WardDecision =
  { outcome: 'accepted' } | { outcome: 'refused'; refusal: 'wait' | 'cancel-line' };

export const ITEMS = ['ITM-C1', 'ITM-C2', 'ITM-C3', 'ITM-C4', 'ITM-C5', 'ITM-C6'];
/** What the centre offers instead: never an item the chaos requests ask for (ITEMS[0..3]). */
const SUBSTITUTES = ['ITM-C5', 'ITM-C6'];
const LOTS = ['A1', 'B22', 'C333'];
const LOCATIONS = ['LOC-1', 'LOC-2', 'LOC-3', 'LOC-4'];
const BASE = Date.parse('2026-11-02T06:00:00Z');
/** Some PCs' clocks are wrong: checkpoints must not care. */
const SKEWS_MS = [0, 0, 0, -3 * 86_400_000, 2 * 3_600_000, -7 * 60_000];
const OFFSETS = ['Z', '+01:00', '-05:00'];

function instant(ms: number, offset: string): string {
  if (offset === 'Z') return new Date(ms).toISOString();
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number);
  const shifted = new Date(ms + sign * ((h ?? 0) * 60 + (m ?? 0)) * 60_000);
  return shifted.toISOString().replace('Z', offset);
}

function eventDraft(
  random: Prng,
  facilityId: string,
  ordinal: number,
  at: string,
  earlier: readonly EventDraft[],
): EventDraft {
  const base = {
    ordinal,
    facilityId,
    actorId: random.pick(['USR-TECH', 'USR-SUP', 'USR-NM']) as string,
    occurredAt: at,
    itemId: random.pick(ITEMS),
    lotCode: random.pick(LOTS),
    locationId: random.pick(LOCATIONS),
  };
  const roll = random.next();
  if (roll < 0.05 && earlier.length > 0) {
    const target = random.pick(earlier);
    return staffed(
      {
        ...base,
        itemId: target.itemId,
        lotCode: target.lotCode,
        locationId: target.locationId,
        type: 'reversal',
        quantity: 0,
        reversesOrdinal: target.ordinal,
      },
      chainOf(target, earlier),
    );
  }
  const type: StockEventType =
    roll < 0.3
      ? 'receive'
      : roll < 0.55
        ? 'issue'
        : roll < 0.7
          ? 'transfer'
          : roll < 0.78
            ? 'count'
            : roll < 0.86
              ? 'adjust'
              : roll < 0.93
                ? 'quarantine'
                : 'release';
  const quantity = random.range(1, 40);
  const draft: EventDraft = { ...base, type, quantity };
  if (type === 'receive') draft.expiry = random.pick(['2027-06-30', '2028-01-31', '2026-12-31']);
  if (type === 'transfer') {
    draft.toLocationId = random.pick(LOCATIONS.filter((l) => l !== base.locationId));
  }
  if (type === 'issue') draft.toLocationId = random.pick(['DEPT-ICU', 'DEPT-ED', 'DEPT-OR']);
  if (type === 'count') {
    draft.quantity = 0;
    draft.countedQuantity = random.range(0, 60);
    draft.expectedQuantity = random.range(-10, 60);
  }
  if (type === 'adjust') {
    draft.delta = random.range(-5, 5) || 1;
    draft.reason = 'count-correction';
  }
  if (type === 'quarantine') draft.reason = 'hold';
  return staffed(draft);
}

/**
 * The people of a facility (CHAOS_STAFF, set up at the centre before the run) take only the acts
 * their role allows, as the PC's writer would let them: a nurse manager only issues, releases are
 * a supervisor's, and a count or adjustment beyond the tolerance carries a second supervisor.
 */
function staffed<T extends EventDraft>(draft: T, reversedChain: StockEvent[] = []): T {
  const { act, needsSecond } = stockEventAct(draft, { reversedChain });
  const allowed = CHAOS_STAFF.filter(
    (person) => authorize(act, { actor: { id: person.id, role: person.role } }).ok,
  ).map((person) => person.id);
  if (!allowed.includes(draft.actorId)) draft.actorId = allowed[0] ?? draft.actorId;
  if (needsSecond) draft.approvedBy = draft.actorId === 'USR-SUP' ? 'USR-SUP2' : 'USR-SUP';
  return draft;
}

/** What a reversal of `target` cancels, as the centre will judge it (shared/permissions). */
function chainOf(target: EventDraft, earlier: readonly EventDraft[]): StockEvent[] {
  const chain: StockEvent[] = [];
  let at: EventDraft | undefined = target;
  while (at) {
    const { ordinal, reversesOrdinal, ...rest }: EventDraft = at;
    chain.push({ ...rest, id: `ordinal-${ordinal}`, deviceId: '', deviceSeq: 0 });
    at =
      reversesOrdinal === undefined
        ? undefined
        : earlier.find((e) => e.ordinal === reversesOrdinal);
  }
  return chain;
}

/** Mostly accepted; a refusal mostly keeps the line waiting, now and then cancels it. */
function wardDecision(random: Prng): WardDecision {
  const answer = random.next();
  return answer < 0.6
    ? { outcome: 'accepted' }
    : { outcome: 'refused', refusal: answer < 0.9 ? 'wait' : 'cancel-line' };
}

export function makePlan(
  random: Prng,
  seed: number,
  deviceCount: number,
  eventCount: number,
): ChaosPlan {
  const facilityCount = Math.max(2, Math.round(deviceCount / 5));
  const facilities = Array.from({ length: facilityCount }, (_, i) => `CHAOS-S${seed}-F${i + 1}`);
  const rounds = Math.min(40, Math.max(6, Math.ceil(eventCount / (deviceCount * 25))));
  const devices: DevicePlan[] = [];
  for (let index = 0; index < deviceCount; index += 1) {
    const own = random.fork(`device-${index}`);
    const share = Math.floor(eventCount / deviceCount) + (index < eventCount % deviceCount ? 1 : 0);
    const facilityId = facilities[index % facilityCount] ?? '';
    const skew = own.pick(SKEWS_MS);
    const offset = own.pick(OFFSETS);
    const all: EventDraft[] = [];
    const eventsByRound: EventDraft[][] = Array.from({ length: rounds }, () => []);
    for (let ordinal = 0; ordinal < share; ordinal += 1) {
      const at = instant(BASE + skew + ordinal * 37_000 + index * 1_000, offset);
      const draft = eventDraft(own, facilityId, ordinal, at, all);
      all.push(draft);
      eventsByRound[Math.floor((ordinal * rounds) / Math.max(1, share))]?.push(draft);
    }
    const offline = new Set<number>();
    for (let r = 1; r < rounds - 1; r += 1) {
      if (own.chance(0.12)) {
        const length = own.range(1, 4);
        for (let k = r; k < Math.min(rounds - 1, r + length); k += 1) offline.add(k);
        r += length;
      }
    }
    const name = `pc${String(index + 1).padStart(2, '0')}`;
    devices.push({ index, name, deviceId: `S${seed}-${name}`, facilityId, eventsByRound, offline });
  }

  // Two drafts the PCs edit and submit, and two already submitted (one urgent, whose clock runs)
  // that the centre moves on and offers substitutes for.
  const requests: SupplyRequest[] = facilities.flatMap((facilityId, f) =>
    [1, 2, 3, 4].map((n) => {
      const submitted = n >= 3;
      return {
        id: `REQ-S${seed}-F${f + 1}-${n}`,
        facilityId,
        kind: n === 4 ? ('urgent' as const) : ('replenishment' as const),
        priority: n === 4 ? ('stat' as const) : ('routine' as const),
        locationId: 'LOC-1',
        lines: [{ itemId: ITEMS[n % 4] ?? 'ITM-C1', quantity: 10 * n }],
        status: submitted ? ('submitted' as const) : ('draft' as const),
        history: [
          { status: 'draft' as const, at: '2026-11-02T06:00:00Z', by: 'USR-NM' },
          ...(submitted
            ? [{ status: 'submitted' as const, at: '2026-11-02T06:00:00Z', by: 'USR-NM' }]
            : []),
        ],
        createdBy: 'USR-NM',
        createdAt: '2026-11-02T06:00:00Z',
        ...(n === 4 ? { reason: 'Chaos: the ward ran out.' } : {}),
      };
    }),
  );

  const chaos = random.fork('chaos');
  const killable = Array.from({ length: Math.max(0, rounds - 3) }, (_, i) => i + 1);
  const serverKillRounds: number[] = [];
  const wanted = Math.min(3, Math.max(1, Math.floor(rounds / 4)));
  while (serverKillRounds.length < wanted && killable.length > 0) {
    const round = killable.splice(chaos.int(killable.length), 1)[0];
    if (round !== undefined) serverKillRounds.push(round);
  }
  serverKillRounds.sort((a, b) => a - b);
  const clientKills = Array.from({ length: rounds }, (_, r) =>
    r > 0 && r < rounds - 2 && chaos.chance(0.5) ? chaos.int(deviceCount) : null,
  );

  const acts = random.fork('requests');
  // Up to two acts per request per round, so even a short run exercises the whole mix.
  const requestActions: RequestAction[][] = Array.from({ length: rounds }, (_, r) =>
    [...requests, ...requests].flatMap((request): RequestAction[] => {
      if (r === 0 || !acts.chance(0.6)) return [];
      const at = instant(BASE + r * 3_600_000 + acts.int(3_600_000), 'Z');
      if (acts.chance(0.5)) {
        if (acts.chance(0.35)) {
          const itemId = acts.pick(SUBSTITUTES);
          const quantity = acts.range(1, 40);
          return [
            { by: 'centre', requestId: request.id, kind: 'substitute', itemId, quantity, at },
          ];
        }
        return [{ by: 'centre', requestId: request.id, kind: 'advance', at }];
      }
      const peers = devices.filter((d) => d.facilityId === request.facilityId);
      const device = acts.pick(peers).index;
      const roll = acts.next();
      if (roll < 0.45) {
        return [
          {
            by: 'pc',
            device,
            requestId: request.id,
            kind: 'edit',
            quantity: acts.range(1, 90),
            at,
          },
        ];
      }
      if (roll < 0.7) {
        const decision = wardDecision(acts);
        return [{ by: 'pc', device, requestId: request.id, kind: 'decide', decision, at }];
      }
      return [
        { by: 'pc', device, requestId: request.id, kind: roll < 0.94 ? 'submit' : 'cancel', at },
      ];
    }),
  );

  // The ward answers soon after the centre offers: a decision for the round after each proposal
  // and the one after that, by a PC of the facility (the second finds it settled, or decides a
  // proposal another PC has not yet heard of).
  requestActions.forEach((actions, r) => {
    for (const action of actions) {
      if (action.kind !== 'substitute') continue;
      const facility = requests.find((q) => q.id === action.requestId)?.facilityId;
      const peers = devices.filter((d) => d.facilityId === facility);
      for (const later of [r + 1, r + 2].filter((n) => n < rounds)) {
        const decision = wardDecision(acts);
        requestActions[later]?.push({
          by: 'pc',
          device: acts.pick(peers).index,
          requestId: action.requestId,
          kind: 'decide',
          decision,
          at: instant(BASE + later * 3_600_000 + acts.int(3_600_000), 'Z'),
        });
      }
    }
  });

  return {
    seed,
    rounds,
    facilities,
    devices,
    requests,
    serverKillRounds,
    clientKills,
    requestActions,
  };
}

/** The event a draft becomes on its device: id and sequence are fixed by the plan. */
export function materialise(
  device: Pick<DevicePlan, 'deviceId' | 'enrolledId'>,
  draft: EventDraft,
): StockEvent {
  const { ordinal, reversesOrdinal, ...rest } = draft;
  const id = (n: number) => `E-${device.deviceId}-${n + 1}`;
  const deviceId = device.enrolledId ?? device.deviceId;
  const event: StockEvent = { ...rest, id: id(ordinal), deviceId, deviceSeq: ordinal + 1 };
  if (reversesOrdinal !== undefined) event.reverses = id(reversesOrdinal);
  return event;
}
