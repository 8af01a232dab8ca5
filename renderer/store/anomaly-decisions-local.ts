import { AnomalyDecisionSchema, compileValidator, type AnomalyDecision } from '../../shared/model';
import { checkAnomalyDecision, checkMember } from '../../shared/permissions';
import type { StockroomDatabase } from './collections';

/**
 * Decisions on usage anomaly flags, kept on this PC in one RxDB local document (every collection
 * slot is taken: renderer/store/collections.ts) and sent to the centre by
 * renderer/replication/anomaly-decision-sync.ts. `waiting`: made here, not yet accepted;
 * `held`: the centre holds it (made here or on another PC of the facility); `refused`: the centre
 * refused it, with its words, and the flag is open again.
 */
export const ANOMALY_DECISIONS_DOC = 'anomaly-decisions';
/** Decisions on flags older than this many days leave the document: no flag shows them any more. */
const KEEP_DAYS = 60;

export interface HeldDecision {
  decision: AnomalyDecision;
  state: 'waiting' | 'held' | 'refused';
  message?: string;
}

type LocalDocs = Pick<StockroomDatabase, 'getLocal' | 'upsertLocal'>;
const isDecision = compileValidator(AnomalyDecisionSchema);

export function heldDecisionsOf(data: unknown): HeldDecision[] {
  const entries = (data as { entries?: unknown } | undefined)?.entries;
  return Array.isArray(entries)
    ? (entries as HeldDecision[]).filter((e) => isDecision.check(e?.decision))
    : [];
}

export async function readAnomalyDecisions(db: LocalDocs): Promise<HeldDecision[]> {
  const doc = await db.getLocal(ANOMALY_DECISIONS_DOC);
  return heldDecisionsOf(doc?.toJSON().data);
}

// One writer at a time in this window, so two quick changes do not overwrite each other.
let queue: Promise<unknown> = Promise.resolve();

/** Applies `change` to the held decisions and writes them back, dropping the long-past ones. */
export function changeAnomalyDecisions(
  db: LocalDocs,
  change: (entries: HeldDecision[]) => HeldDecision[],
): Promise<HeldDecision[]> {
  const run = queue.then(async () => {
    const changed = change(await readAnomalyDecisions(db));
    const newest = changed.reduce((d, e) => (e.decision.date > d ? e.decision.date : d), '');
    const cutoff = newest
      ? new Date(Date.parse(newest) - KEEP_DAYS * 86_400_000).toISOString().slice(0, 10)
      : '';
    const kept = changed.filter((e) => e.decision.date >= cutoff);
    await db.upsertLocal(ANOMALY_DECISIONS_DOC, { entries: kept });
    return kept;
  });
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Keeps a person's decision, after the same check the centre makes (shared/permissions): the
 * person as this PC's users know them, the note, the flag's id. Resolves to a refusal in words, or
 * undefined when kept. A flag already decided (here or by another PC that synced) is not decided
 * twice.
 */
export async function decideAnomaly(
  db: StockroomDatabase,
  where: { facilityId: string; deviceId: string },
  decision: AnomalyDecision,
): Promise<string | undefined> {
  const shape = isDecision.validate(decision);
  if (!shape.ok) {
    const note = shape.errors.find((e) => e.field === 'note');
    return note
      ? 'Write a note saying why you confirm or dismiss this flag: a decision without one cannot be kept.'
      : (shape.errors[0]?.message ?? 'This decision is not complete.');
  }
  const user = await db.users.findOne(decision.decidedBy).exec();
  const check = checkAnomalyDecision(decision, where, (id) =>
    checkMember(id, user?.toMutableJSON(), where.facilityId),
  );
  if (!check.ok) return check.error.message;
  let already: HeldDecision | undefined;
  await changeAnomalyDecisions(db, (entries) => {
    already = entries.find((e) => e.decision.id === decision.id && e.state !== 'refused');
    if (already) return entries;
    return [
      ...entries.filter((e) => e.decision.id !== decision.id),
      { decision, state: 'waiting' },
    ];
  });
  return already
    ? `This flag was already ${already.decision.decision} by ${already.decision.decidedBy}.`
    : undefined;
}
