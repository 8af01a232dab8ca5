import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  REQUEST_PRIORITIES,
  REQUEST_STATUSES,
  documentValidator,
  type RequestLine,
  type SupplyRequest,
} from '../../shared/model';
import {
  NEXT_STATUSES,
  STATUS_RANK,
  compareHistoryEntries,
  decideSubstitute,
  editDraft,
  effectiveLines,
  mergeRequests,
  proposeSubstitutes,
  transition,
} from '../../shared/replenishment';
import { draftRequest } from '../fixtures/replenishment/requests';

// A few instants, some of them the same moment spelled with another offset, so ties happen.
const INSTANTS = [
  '2026-11-02T09:30:00Z',
  '2026-11-02T10:30:00+01:00',
  '2026-11-02T10:00:00Z',
  '2026-11-02T10:00:00.000Z',
  '2026-11-02T11:15:00+01:00',
  '2026-11-02T12:00:00Z',
  '2026-11-02T08:00:00Z', // a PC clock running behind
];

const lineArb: fc.Arbitrary<RequestLine> = fc.record(
  {
    itemId: fc.constantFrom('ITM-1', 'ITM-2', 'ITM-3'),
    quantity: fc.integer({ min: 1, max: 300 }),
    note: fc.constantFrom('weekly top-up', 'theatre list'),
  },
  { requiredKeys: ['itemId', 'quantity'] },
);

type Step =
  | {
      kind: 'move';
      /** Usually an index into the allowed next statuses; sometimes any status (then refused). */
      next: number | (typeof REQUEST_STATUSES)[number];
      at: string;
      by: string;
      note?: string;
    }
  | {
      kind: 'edit';
      lines: RequestLine[];
      priority: (typeof REQUEST_PRIORITIES)[number];
      at: string;
    }
  /** The centre proposes a substitute (proposals are only ever made there, on its version). */
  | { kind: 'propose'; line: number; itemId: string; quantity: number }
  /** A ward's PC decides a proposal, offline. */
  | {
      kind: 'decide';
      proposal: number;
      outcome: 'accepted' | 'refused';
      refusal: 'wait' | 'cancel-line';
      at: string;
      by: string;
    };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record(
    {
      kind: fc.constant('move' as const),
      next: fc.oneof(
        { weight: 5, arbitrary: fc.constant(0) }, // the forward path: submitted … received
        { weight: 3, arbitrary: fc.nat() },
        fc.constantFrom(...REQUEST_STATUSES),
      ),
      at: fc.constantFrom(...INSTANTS),
      by: fc.constantFrom('USR-NM', 'USR-TECH', 'erp:central'),
      note: fc.constantFrom('ok', 'call the ward'),
    },
    { requiredKeys: ['kind', 'next', 'at', 'by'] },
  ),
  fc.record({
    kind: fc.constant('edit' as const),
    lines: fc.array(lineArb, { minLength: 1, maxLength: 3 }),
    priority: fc.constantFrom(...REQUEST_PRIORITIES),
    at: fc.constantFrom(...INSTANTS),
  }),
  fc.record({
    kind: fc.constant('propose' as const),
    line: fc.nat({ max: 2 }),
    itemId: fc.constantFrom('ITM-7', 'ITM-8'),
    quantity: fc.integer({ min: 1, max: 300 }),
  }),
  fc.record({
    kind: fc.constant('decide' as const),
    proposal: fc.nat({ max: 3 }),
    outcome: fc.constantFrom('accepted' as const, 'refused' as const),
    refusal: fc.constantFrom('wait' as const, 'cancel-line' as const),
    at: fc.constantFrom(...INSTANTS),
    by: fc.constantFrom('USR-NM', 'USR-NM2'),
  }),
);

/** Apply the steps that are possible, as a PC or the centre would; impossible ones are refused. */
function descend(from: SupplyRequest, steps: readonly Step[]): SupplyRequest {
  let request = from;
  for (const step of steps) {
    let next;
    if (step.kind === 'edit') {
      next = editDraft(request, { lines: step.lines, priority: step.priority }, step.at);
    } else if (step.kind === 'propose') {
      // Only a version holding every proposal made so far proposes, as the centre does: a
      // proposal has one author, so no two versions hold two contents under one proposal id.
      const line = request.lines[step.line % request.lines.length];
      if (!line || !centreVersion(request)) continue;
      next = proposeSubstitutes(
        request,
        [
          {
            lineItemId: line.itemId,
            itemId: step.itemId,
            quantity: step.quantity,
            reason: 'backordered',
          },
        ],
        { at: '2026-11-02T09:45:00Z', by: 'console:buyer' },
      );
      if (next.ok) proposalsMade = next.value.substitutions?.length ?? 0;
    } else if (step.kind === 'decide') {
      const proposal = request.substitutions?.[step.proposal % (request.substitutions.length || 1)];
      if (!proposal) continue;
      next = decideSubstitute(
        request,
        proposal.id,
        {
          outcome: step.outcome,
          note: 'clinical note',
          ...(step.outcome === 'refused' ? { refusal: step.refusal } : {}),
        },
        { person: { id: step.by, role: 'nurse-manager' }, at: step.at },
      );
    } else {
      const allowed = NEXT_STATUSES[request.status];
      const to = typeof step.next === 'string' ? step.next : allowed[step.next % allowed.length];
      next = to === undefined ? undefined : transition(request, to, step);
    }
    if (next?.ok) request = next.value;
  }
  return request;
}

/** The most proposals any version holds so far in this run. */
let proposalsMade = 0;
function centreVersion(request: SupplyRequest): boolean {
  return (request.substitutions ?? []).length >= proposalsMade;
}

function merge(a: SupplyRequest, b: SupplyRequest): SupplyRequest {
  const result = mergeRequests(a, b);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/**
 * Versions descended from one draft the way replication makes them: a device takes some version,
 * changes it, and from time to time two versions meet and are merged.
 */
const versionsArb = fc
  .array(
    fc.oneof(
      fc.record({
        kind: fc.constant('derive' as const),
        from: fc.nat(),
        steps: fc.array(stepArb, { maxLength: 8 }),
      }),
      fc.record({ kind: fc.constant('merge' as const), x: fc.nat(), y: fc.nat() }),
    ),
    { minLength: 3, maxLength: 10 },
  )
  .map((ops) => {
    proposalsMade = 0;
    const pool: SupplyRequest[] = [draftRequest()];
    for (const op of ops) {
      if (op.kind === 'derive') pool.push(descend(pool[op.from % pool.length]!, op.steps));
      else pool.push(merge(pool[op.x % pool.length]!, pool[op.y % pool.length]!));
    }
    return pool;
  });

const threeArb = versionsArb.chain((pool) =>
  fc.tuple(fc.constantFrom(...pool), fc.constantFrom(...pool), fc.constantFrom(...pool)),
);

const runs = { numRuns: 300 };

describe('request merge properties', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(threeArb, ([a, b]) => {
        expect(merge(a, b)).toStrictEqual(merge(b, a));
      }),
      runs,
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(threeArb, ([a, b, c]) => {
        expect(merge(merge(a, b), c)).toStrictEqual(merge(a, merge(b, c)));
      }),
      runs,
    );
  });

  it('is idempotent: a version merged with itself is unchanged', () => {
    fc.assert(
      fc.property(threeArb, ([a]) => {
        expect(merge(a, a)).toStrictEqual(a);
      }),
      runs,
    );
  });

  it('never moves the status backwards and keeps every history entry, in order', () => {
    fc.assert(
      fc.property(threeArb, ([a, b]) => {
        const m = merge(a, b);
        expect(STATUS_RANK[m.status]).toBe(Math.max(STATUS_RANK[a.status], STATUS_RANK[b.status]));
        for (const entry of [...a.history, ...b.history]) {
          expect(m.history).toContainEqual(entry);
        }
        for (let i = 1; i < m.history.length; i++) {
          expect(compareHistoryEntries(m.history[i - 1]!, m.history[i]!)).toBeLessThan(0);
        }
      }),
      runs,
    );
  });

  it('the versions generated do hold proposals, decisions and accepted substitutes', () => {
    const versions = fc.sample(versionsArb, { numRuns: 300, seed: 15 }).flat();
    const decided = versions.flatMap((v) => v.substitutions ?? []).filter((s) => s.decision);
    expect(decided.length).toBeGreaterThan(20);
    expect(versions.some((v) => effectiveLines(v).some((l) => l.itemId >= 'ITM-7'))).toBe(true);
  });

  it('keeps every proposal, and on each the earlier of two decisions', () => {
    fc.assert(
      fc.property(threeArb, ([a, b]) => {
        const m = merge(a, b);
        const ids = new Set(
          [...(a.substitutions ?? []), ...(b.substitutions ?? [])].map((s) => s.id),
        );
        expect(new Set((m.substitutions ?? []).map((s) => s.id))).toEqual(ids);
        for (const s of m.substitutions ?? []) {
          const decisions = [a, b]
            .map((v) => v.substitutions?.find((x) => x.id === s.id)?.decision)
            .filter((d) => d !== undefined)
            .sort((x, y) => Date.parse(x.at) - Date.parse(y.at));
          if (decisions.length === 0) expect(s.decision).toBeUndefined();
          else expect(Date.parse(s.decision!.at)).toBe(Date.parse(decisions[0]!.at));
        }
      }),
      runs,
    );
  });

  it('keeps the lines of the version that left draft, and yields a valid document', () => {
    fc.assert(
      fc.property(threeArb, ([a, b]) => {
        const m = merge(a, b);
        if ((a.status === 'draft') !== (b.status === 'draft')) {
          expect(m.lines).toStrictEqual(a.status === 'draft' ? b.lines : a.lines);
        }
        expect([a.lines, b.lines]).toContainEqual(m.lines);
        expect(documentValidator('supply_requests').validate(m)).toMatchObject({ ok: true });
      }),
      runs,
    );
  });
});
