import {
  advanceRecallCase,
  openRecallCase,
  type RecallStepInput,
} from '../../shared/recall/recall-case-flow';
import type { RecallCase } from '../../shared/model';
import { evidenceProblem } from '../../shared/recall/quarantine-evidence';
import type { StockroomDatabase } from './collections';
import { recordEvents, type EventDraft, type WriterContext } from './ledger-writer';
import { storedQuarantineEvidence } from './recall-evidence';
import { writerIdentities } from './writer-identity';

export type RecallWriteResult =
  { ok: true; value: RecallCase } | { ok: false; code: string; message: string };

/**
 * Writes recall-case steps as the local users say the signed-in person is: the role comes from
 * the users collection, never from a screen, and the case from the store, never from a screen's
 * copy, so its order and segregation of duties are judged on what is really recorded.
 */
export async function openRecallCaseAs(
  db: StockroomDatabase,
  context: Pick<WriterContext, 'facilityId' | 'actorId' | 'now'>,
  args: { id: string; noticeId: string; note?: string },
): Promise<RecallWriteResult> {
  const who = await writerIdentities(db, context.facilityId, context.actorId, undefined);
  if (!who.ok) return refusedBy(who.problems);
  const opened = openRecallCase({
    ...args,
    facilityId: context.facilityId,
    at: await noticeReachedHere(db, args.noticeId, context.now()),
    by: who.actor,
  });
  if (!opened.ok) return { ok: false, ...opened.error };
  await db.recall_cases.insert(opened.value);
  return opened;
}

/** Records the next step of a stored case and the stock events it implies, or says why not. */
export async function advanceRecallCaseAs(
  db: StockroomDatabase,
  context: WriterContext,
  caseId: string,
  input: Omit<RecallStepInput, 'by' | 'at'>,
  drafts: readonly EventDraft[],
): Promise<RecallWriteResult> {
  const who = await writerIdentities(db, context.facilityId, context.actorId, undefined);
  if (!who.ok) return refusedBy(who.problems);
  const stored = (await db.recall_cases.findOne(caseId).exec())?.toMutableJSON();
  if (!stored || stored.facilityId !== context.facilityId) {
    return {
      ok: false,
      code: 'RECALL_CASE_UNKNOWN',
      message: 'This recall case is not open on this PC. Open it first.',
    };
  }
  if (input.step === 'quarantined' || input.step === 'counted') {
    const evidence = await storedQuarantineEvidence(db, stored.noticeId, context.facilityId);
    const problem = evidence && evidenceProblem(input.step, evidence, input.units);
    if (problem) return { ok: false, ...problem };
    // The case records what the store shows is in quarantine, never a screen's figure.
    if (evidence && input.step === 'quarantined')
      input = { ...input, units: evidence.inQuarantineArea };
  }
  const next = advanceRecallCase(stored, {
    ...input,
    at: context.now().toISOString(),
    by: who.actor,
  });
  if (!next.ok) return { ok: false, ...next.error };
  if (drafts.length > 0) {
    const written = await recordEvents(db, context, drafts);
    if (!written.ok) return refusedBy(written.problems);
  }
  await db.recall_cases.upsert(next.value);
  return next;
}

/**
 * When the notice reached this PC: the time it was stored here, which is when the stockroom could
 * first have acted on it. The response the closing report measures starts there, not when someone
 * opened the case.
 */
async function noticeReachedHere(
  db: StockroomDatabase,
  noticeId: string,
  now: Date,
): Promise<string> {
  const stored = await db.recall_notices.findOne(noticeId).exec();
  const writtenAt = stored?.toJSON(true)._meta.lwt;
  return new Date(
    writtenAt !== undefined && writtenAt < now.getTime() ? writtenAt : now.getTime(),
  ).toISOString();
}

function refusedBy(problems: readonly { code: string; message: string }[]): RecallWriteResult {
  const first = problems[0];
  return {
    ok: false,
    code: first?.code ?? 'REFUSED',
    message: problems.map((p) => p.message).join(' '),
  };
}
