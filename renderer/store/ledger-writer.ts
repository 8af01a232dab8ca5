import { balanceKey, type Balance } from '../../shared/inventory/balance';
import { eventSemantics } from '../../shared/inventory/event-effects';
import { validateStockEvent } from '../../shared/inventory/event-validation';
import type { IsRecalled } from '../../shared/inventory/availability';
import { documentValidator, normaliseLotCode, type StockEvent } from '../../shared/model';
import { authorize, stockEventAct, type Act, type Person } from '../../shared/permissions';
import {
  decisionIdFor,
  decisionProblem,
  pendingIdOfDecision,
  reversalOfPendingProblem,
} from '../../shared/inventory/count-review';
import { randomId } from '../platform/random-id';
import { reversedChain } from './reversal-chain';
import {
  BALANCE_CHECKPOINT,
  asBalance,
  balanceId,
  planProjection,
  refoldLots,
  type BalanceProjection,
} from './balance-projection';
import type { StockroomDatabase } from './collections';
import { lastDeviceSeq } from './device-sequence';
import { withLedgerLock } from './ledger-lock';
import { LedgerMovedError, writeLedgerJointly } from './ledger-joint-write';
import type { BalanceDoc } from './local-schemas';
import type { RxDocument } from 'rxdb';
import type { StepUpProof } from '../session/step-up';
import { writerIdentities, type WriterProblem } from './writer-identity';

/**
 * What a screen fills in; the writer adds identity, sequence, actor and time, and the approver
 * only from a step-up it verified itself.
 */
export type EventDraft = Omit<
  StockEvent,
  'id' | 'facilityId' | 'deviceId' | 'deviceSeq' | 'actorId' | 'occurredAt' | 'approvedBy'
> & {
  /** The pending count this approval or send-back decides; its id then says so (count-review.ts). */
  decides?: string;
};

export interface WriterContext {
  facilityId: string;
  deviceId: string;
  /** The signed-in person; the writer checks them against the local users. */
  actorId: string;
  /** A second person's badge and PIN, for acts the permission model says need one. */
  stepUp?: StepUpProof;
  /** Device time, injected so tests can fix it. */
  now: () => Date;
  /** The facility's calendar day, YYYY-MM-DD. */
  today: string;
  isRecalled?: IsRecalled;
  /** The person saw the warnings and confirmed. */
  acceptWarnings?: boolean;
}

export type RecordResult =
  | { ok: true; events: StockEvent[]; balances: BalanceDoc[] }
  | { ok: false; problems: { code: string; message: string; severity: 'error' | 'warning' }[] };

/**
 * Writes stock events and keeps the balances projection up to date. Everything is checked before
 * anything is written: a rejected draft leaves neither events nor balances behind.
 */
export function recordEvents(
  db: StockroomDatabase,
  context: WriterContext,
  drafts: readonly EventDraft[],
): Promise<RecordResult> {
  return new Promise<RecordResult>((resolve, reject) => {
    withLedgerLock(async () => {
      const written = await writeCatchingUp(db, context, drafts);
      // Events and balances are durable: the person can go on. The checkpoint only tells start-up
      // where to resume, and the lock stays held until it is saved, so the next write sees it.
      resolve(written.result);
      if (written.lastSeq === undefined) return;
      await db
        .upsertLocal(BALANCE_CHECKPOINT, { deviceSeq: written.lastSeq })
        .catch((error: unknown) => {
          // Harmless to lose: start-up refolds the lots of events after the last saved checkpoint.
          console.warn('The balances checkpoint was not saved; start-up will refold.', error);
        });
    }).catch(reject);
  });
}

/** How often a write is planned again when another window's change had not reached this one. */
const CATCH_UP_TRIES = 8;
/** The wait before the next try grows by this much each time: 0.7 s in all. */
const CATCH_UP_STEP_MS = 25;

/**
 * Plans and stores the write; if another window's change reached IndexedDB but not yet this
 * window's RxDB (it comes over a broadcast channel), waits for it and plans again.
 */
async function writeCatchingUp(
  db: StockroomDatabase,
  context: WriterContext,
  drafts: readonly EventDraft[],
): Promise<Written> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await planAndWrite(db, context, drafts);
    } catch (error) {
      if (!(error instanceof LedgerMovedError)) throw error;
      if (attempt === CATCH_UP_TRIES) return { result: refusal('LEDGER_MOVED', LEDGER_MOVED) };
      await new Promise((wake) => setTimeout(wake, CATCH_UP_STEP_MS * attempt));
    }
  }
}

interface Written {
  result: RecordResult;
  /** The last sequence number stored; absent when nothing was. */
  lastSeq?: number;
}

async function planAndWrite(
  db: StockroomDatabase,
  context: WriterContext,
  drafts: readonly EventDraft[],
): Promise<Written> {
  const smuggled = drafts.find((d) => 'approvedBy' in d);
  if (smuggled) return { result: refusal('APPROVER_WITHOUT_STEP_UP', APPROVER_WITHOUT_STEP_UP) };
  // Read together: each is an IndexedDB round trip, and a scan's commit waits on all three.
  const [who, last, stored] = await Promise.all([
    writerIdentities(db, context.facilityId, context.actorId, context.stepUp, {
      deviceId: context.deviceId,
      now: context.now(),
    }),
    lastDeviceSeq(db, context.deviceId),
    Promise.all(
      drafts.map((d) => db.balances.findOne(balanceId(d.locationId, d.itemId, d.lotCode)).exec()),
    ),
  ]);
  if (!who.ok) return { result: { ok: false, problems: who.problems } };
  let seq = last;
  const occurredAt = context.now().toISOString();
  const events: StockEvent[] = drafts.map(({ decides, ...draft }, at) => ({
    ...draft,
    // An adjustment or a reversal carries what the ledger held, so both ends judge it against
    // the tolerance.
    ...(draft.type === 'adjust' || draft.type === 'reversal'
      ? { expectedQuantity: stored[at]?.onHand ?? 0 }
      : {}),
    id: decides === undefined ? randomId('evt') : decisionIdFor(decides),
    facilityId: context.facilityId,
    deviceId: context.deviceId,
    deviceSeq: (seq += 1),
    actorId: context.actorId,
    occurredAt,
  }));
  const permission = await permissionProblems(db, events, who.actor, who.second);
  const problems = [
    ...permission,
    ...batchBalances(
      events,
      stored.map((b) => (b ? asBalance(b.toMutableJSON()) : undefined)),
    ).flatMap(({ event, balance }) => eventProblems(event, balance, context)),
  ];
  const blocking = problems.filter(
    (p) => p.severity === 'error' || (p.severity === 'warning' && !context.acceptWarnings),
  );
  if (blocking.length > 0) return { result: { ok: false, problems: blocking } };
  const projection = await planProjection(db, events);
  const plannedFrom = {
    balances: readRevisions(drafts, stored, projection.plannedFrom),
    deviceId: context.deviceId,
    firstSeq: last + 1,
  };
  const together = await writeLedgerJointly(db, events, projection.docs, plannedFrom).catch(
    (error: unknown) => {
      if (error instanceof LedgerMovedError) throw error;
      // One transaction: neither the events nor their balances were stored.
      throw new Error(
        `The stock event could not be saved, and nothing of it was stored: record it again. (${String(error)})`,
      );
    },
  );
  if (!together) await writeOneAfterTheOther(db, events, projection);
  return { result: { ok: true, events, balances: projection.docs }, lastSeq: seq };
}

/**
 * Every balance the write was judged and planned on, at the revision this window read. The checks
 * read each draft's balance before the plan read its lot: if RxDB's cache moved in between, the
 * two disagree and the write is planned again.
 */
function readRevisions(
  drafts: readonly EventDraft[],
  checked: readonly (RxDocument<BalanceDoc> | null)[],
  planned: ReadonlyMap<string, string | null>,
): Map<string, string | null> {
  const revisions = new Map(planned);
  drafts.forEach((d, at) => {
    const id = balanceId(d.locationId, d.itemId, d.lotCode);
    const revision = checked[at]?.revision ?? null;
    if (revisions.has(id) && revisions.get(id) !== revision)
      throw new LedgerMovedError(`balance ${id} changed between the checks and the plan`);
    revisions.set(id, revision);
  });
  return revisions;
}

type Problem = WriterProblem;

/** Stores without the ledger in one database (memory storage): events first, then balances. */
async function writeOneAfterTheOther(
  db: StockroomDatabase,
  events: StockEvent[],
  projection: BalanceProjection,
): Promise<void> {
  const inserted = await db.stock_events.bulkInsert(events);
  const refused = inserted.error[0];
  if (refused) {
    // Balances are never projected from events that were not stored; start-up refolds any saved ones.
    throw new Error(
      `Stock event ${refused.documentId} could not be saved (${refused.status}). Balances were left as they were; restart the app to reconcile them with the events that were saved, then record it again.`,
    );
  }
  await projection.write();
}

/**
 * Each event of one write judged against the balance as the events before it in the same write
 * leave it: a receipt straight into quarantine is a receive and a quarantine of the same units,
 * and the quarantine must see the units the receive brought.
 */
function batchBalances(
  events: readonly StockEvent[],
  stored: readonly (Balance | undefined)[],
): { event: StockEvent; balance: Balance | undefined }[] {
  const keyOf = (e: StockEvent) => balanceKey(e.locationId, e.itemId, normaliseLotCode(e.lotCode));
  // Every balance some event of the write reads, as stored (absent: read, and nothing held). A
  // transfer into a place a later event of the same write reads (into the quarantine cage, then
  // quarantined there) must reach that event.
  const read = new Map<string, Balance | undefined>();
  events.forEach((event, at) => {
    if (!read.has(keyOf(event))) read.set(keyOf(event), stored[at]);
  });
  const running = new Map<string, Balance>();
  return events.map((event) => {
    const key = keyOf(event);
    const balance = running.get(key) ?? read.get(key);
    const semantics = eventSemantics(event);
    if (semantics.ok) {
      for (const effect of semantics.effects) {
        // A balance no event of the write reads is not guessed at.
        if (!read.has(effect.key) && !running.has(effect.key)) continue;
        const before = running.get(effect.key) ??
          read.get(effect.key) ?? {
            locationId: effect.locationId,
            itemId: effect.itemId,
            lotCode: effect.lotCode,
            onHand: 0,
            quarantined: 0,
            lastEventId: event.id,
            lastOccurredAt: event.occurredAt,
          };
        running.set(effect.key, {
          ...before,
          onHand: before.onHand + effect.onHand,
          quarantined: before.quarantined + effect.quarantined,
        });
      }
    }
    return { event, balance };
  });
}

function eventProblems(
  event: StockEvent,
  balance: ReturnType<typeof asBalance> | undefined,
  context: WriterContext,
): Problem[] {
  const schema = documentValidator('stock_events').validate(event);
  if (!schema.ok)
    return schema.errors.map((e) => ({
      code: 'invalid-event',
      message: e.message,
      severity: 'error' as const,
    }));
  return [
    ...validateStockEvent(event, {
      ...(balance ? { balance } : {}),
      ledgerRead: true,
      today: context.today,
      ...(context.isRecalled ? { isRecalled: context.isRecalled } : {}),
    }).map(({ code, message, severity }) => ({ code, message, severity })),
  ];
}

const APPROVER_WITHOUT_STEP_UP =
  'A second person is recorded only when they scan their badge and enter their PIN here. Ask them to confirm it.';

const LEDGER_MOVED =
  'Another Stockroom Edge window on this PC changed this stock at the same moment, and this window could not catch up with it. Nothing was stored: record it again. If this keeps happening, close the other windows or restart the app.';

const refusal = (code: string, message: string): RecordResult => ({
  ok: false,
  problems: [{ code, message, severity: 'error' }],
});

/**
 * The permission model (shared/permissions) for each event: the actor's role, a verified second
 * person where the quantities need one (stamped as `approvedBy`), and segregation of duties (who
 * quarantined a lot does not dispose of it).
 */
async function permissionProblems(
  db: StockroomDatabase,
  events: StockEvent[],
  actor: Person,
  second: Person | undefined,
): Promise<WriterProblem[]> {
  const problems: WriterProblem[] = [];
  for (const [index, event] of events.entries()) {
    const chain =
      event.type === 'reversal' ? await reversedChain(db, event, events.slice(0, index)) : [];
    const { act, needsSecond } = stockEventAct(event, { reversedChain: chain });
    const problem = reversalOfPendingProblem(event, chain[0]);
    if (problem) {
      problems.push({ ...problem, severity: 'error' });
      continue;
    }
    if (act === 'stock.count-approval') {
      const decided = await countDecisionProblems(db, event);
      if (decided.problem) {
        problems.push({ ...decided.problem, severity: 'error' });
        continue;
      }
    }
    const earlier =
      event.type === 'dispose' && event.recallNoticeId
        ? await quarantinedBy(db, event, event.recallNoticeId)
        : act === 'stock.count-approval'
          ? await countedBy(db, event)
          : [];
    const decision = authorize(act, {
      actor,
      ...(second ? { second } : {}),
      needsSecond,
      earlier,
    });
    if (!decision.ok) problems.push({ ...decision.error, severity: 'error' });
    else if (needsSecond && second) event.approvedBy = second.id;
  }
  return problems;
}

/** The pending count a decision names must be here and undecided, and the decision must match it. */
async function countDecisionProblems(
  db: StockroomDatabase,
  decision: StockEvent,
): Promise<{ problem?: { code: string; message: string } }> {
  const pendingId = pendingIdOfDecision(decision.id) ?? '';
  const [pending, earlier] = await Promise.all([
    db.stock_events.findOne(pendingId).exec(),
    db.stock_events.findOne(decision.id).exec(),
  ]);
  const problem = decisionProblem(decision, pending?.toMutableJSON(), earlier !== null);
  return problem ? { problem } : {};
}

/** Whoever counted may not decide their own count. */
async function countedBy(db: StockroomDatabase, decision: StockEvent) {
  const pending = await db.stock_events.findOne(pendingIdOfDecision(decision.id) ?? '').exec();
  return pending ? [{ act: 'stock.count' as Act, by: pending.actorId }] : [];
}

/** Who quarantined this lot here for the same recall: they may not also dispose of it. */
async function quarantinedBy(
  db: StockroomDatabase,
  event: StockEvent,
  recallNoticeId: string,
): Promise<{ act: Act; by: string }[]> {
  const quarantines = await db.stock_events
    .find({
      selector: {
        type: 'quarantine',
        itemId: event.itemId,
        lotCode: event.lotCode,
        locationId: event.locationId,
        recallNoticeId,
      },
    })
    .exec();
  return quarantines.map((q) => ({ act: 'stock.quarantine', by: q.actorId }));
}

/**
 * Start-up catch-up: if the window closed after writing events but before saving the checkpoint,
 * the balances may or may not already hold those events (they are saved in between). The lots they
 * touch are folded again from their whole history, so the answer is the same either way. Normally
 * there are none, so start-up reads no ledger.
 */
export async function catchUpBalances(db: StockroomDatabase, deviceId: string): Promise<number> {
  return withLedgerLock(async () => {
    const checkpoint = await db.getLocal<{ deviceSeq: number }>(BALANCE_CHECKPOINT);
    const from = checkpoint?.get('deviceSeq') ?? 0;
    const missed = await db.stock_events
      .find({
        selector: { deviceId, deviceSeq: { $gt: from } },
        sort: [{ deviceId: 'asc' }, { deviceSeq: 'asc' }],
      })
      .exec();
    if (missed.length === 0) return 0;
    await refoldLots(
      db,
      missed.map((d) => ({ itemId: d.itemId, lotCode: d.lotCode })),
    );
    await db.upsertLocal(BALANCE_CHECKPOINT, { deviceSeq: missed.at(-1)?.deviceSeq ?? from });
    return missed.length;
  });
}
