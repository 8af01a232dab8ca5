import type { Kysely } from 'kysely';
import {
  ageBand,
  countByBand,
  exceptionRefusal,
  isExceptionKind,
  type ConsoleRole,
  type ExceptionAct,
  type ExceptionItem,
  type ExceptionKind,
  type ExceptionList,
  type ExceptionSearch,
  type ExceptionStep,
} from '../../shared/console';
import type { AnomalyDecisionOutcome } from '../../shared/model';
import type { Database } from '../db/schema';
import { HttpError } from '../http/errors';
import {
  anomalyDecisionComment,
  centreDecision,
  insertDecision,
  lockFlag,
} from './anomaly-resolutions';
import { actorNames } from './actor-names';
import { currentConditions, type Condition } from './exception-sources';

/**
 * The queue: the conditions found now, each with what people did about it (state table), plus the
 * items people took whose condition has since gone (they keep their history). Filters by kind,
 * facility, state, then band; the band counts are taken before the band filter.
 */
export async function listExceptions(
  db: Kysely<Database>,
  search: ExceptionSearch,
  now: Date,
): Promise<ExceptionList> {
  const items = await allItems(db, now);
  const wanted = search.state ?? 'active';
  const filtered = items.filter(
    (i) =>
      (!search.kind || i.kind === search.kind) &&
      (!search.facilityId || i.facilityId === search.facilityId) &&
      (wanted === 'active' ? i.state !== 'resolved' : i.state === wanted),
  );
  const nowIso = now.toISOString();
  return {
    now: nowIso,
    bandCounts: countByBand(filtered, nowIso),
    items: filtered
      .filter((i) => !search.ageBand || i.ageBand === search.ageBand)
      .sort((a, b) => a.detectedAt.localeCompare(b.detectedAt) || a.id.localeCompare(b.id)),
  };
}

async function allItems(db: Kysely<Database>, now: Date): Promise<ExceptionItem[]> {
  const [conditions, states, steps] = await Promise.all([
    currentConditions(db, now),
    db.selectFrom('exceptions').selectAll().execute(),
    db.selectFrom('exception_steps').selectAll().orderBy('id').execute(),
  ]);
  const nameOf = await actorNames(db, [
    ...steps.map((s) => s.actor),
    ...states.flatMap((s) => (s.owner === null ? [] : [s.owner])),
  ]);
  const ownerName = (owner: string | null | undefined) => (owner ? nameOf(owner) : null);
  const history = new Map<string, ExceptionStep[]>();
  for (const s of steps) {
    const list = history.get(s.condition_id) ?? [];
    list.push({
      step: s.step,
      by: s.actor,
      byName: nameOf(s.actor),
      at: new Date(s.at).toISOString(),
      comment: s.comment,
    });
    history.set(s.condition_id, list);
  }
  const stateOf = new Map(states.map((s) => [s.condition_id, s]));
  const nowIso = now.toISOString();
  const current = new Set(conditions.map((c) => c.id));
  const items: ExceptionItem[] = conditions.map((c) => {
    const state = stateOf.get(c.id);
    return {
      ...c,
      ageBand: ageBand(c.detectedAt, nowIso),
      state: state?.state ?? 'open',
      owner: state?.owner ?? null,
      ownerName: ownerName(state?.owner),
      conditionCleared: false,
      history: history.get(c.id) ?? [],
    };
  });
  for (const s of states) {
    if (current.has(s.condition_id) || !isExceptionKind(s.kind)) continue;
    const detectedAt = s.detected_at.toISOString();
    items.push({
      id: s.condition_id,
      kind: s.kind,
      facilityId: s.facility_id,
      summary: s.summary,
      detectedAt,
      ageBand: ageBand(detectedAt, nowIso),
      state: s.state,
      owner: s.owner,
      ownerName: ownerName(s.owner),
      conditionCleared: true,
      history: history.get(s.condition_id) ?? [],
    });
  }
  return items;
}

/**
 * Take ownership or resolve, as shared/console's rules allow, in one transaction holding the
 * item's row: two people taking the same item at once are ordered, the second sees the first's step.
 */
export async function actOnException(
  db: Kysely<Database>,
  input: {
    id: string;
    act: ExceptionAct;
    actor: string;
    actorName: string;
    role: ConsoleRole;
    comment?: string | undefined;
    outcome?: AnomalyDecisionOutcome | undefined;
  },
  now: Date,
): Promise<ExceptionItem> {
  let condition: Condition | undefined;
  const known = await db
    .selectFrom('exceptions')
    .select(['condition_id', 'kind', 'facility_id'])
    .where('condition_id', '=', input.id)
    .executeTakeFirst();
  if (!known) {
    condition = (await currentConditions(db, now)).find((c) => c.id === input.id);
    if (!condition) {
      throw new HttpError(
        404,
        'EXCEPTION_UNKNOWN',
        `There is no exception "${input.id}" (its condition may have cleared).`,
      );
    }
  }
  const kind = (known?.kind ?? condition?.kind) as ExceptionKind;
  const facilityId = known?.facility_id ?? condition?.facilityId ?? null;
  const isFlag = kind === 'usage-anomaly' && facilityId !== null;
  const comment = input.comment?.trim();
  const decision =
    isFlag && input.act === 'resolve' && input.outcome && comment
      ? await centreDecision(
          db,
          {
            flagId: input.id,
            facilityId,
            outcome: input.outcome,
            note: comment,
            actor: { username: input.actor, name: input.actorName },
          },
          now,
        )
      : undefined;
  await db.transaction().execute(async (trx) => {
    if (isFlag) await lockFlag(trx, input.id);
    if (condition) {
      await trx
        .insertInto('exceptions')
        .values({
          condition_id: condition.id,
          kind: condition.kind,
          facility_id: condition.facilityId,
          summary: condition.summary,
          detected_at: condition.detectedAt,
          state: 'owned',
          owner: null,
        })
        .onConflict((oc) => oc.column('condition_id').doNothing())
        .execute();
    }
    const row = await trx
      .selectFrom('exceptions')
      .selectAll()
      .where('condition_id', '=', input.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    // A row just made for the first step, with nobody on it yet, is still open.
    const state = row.owner === null && row.state === 'owned' ? 'open' : row.state;
    const refusal = exceptionRefusal({
      role: input.role,
      actor: input.actor,
      act: input.act,
      kind,
      state,
      owner: row.owner,
      comment: input.comment,
      outcome: input.outcome,
    });
    if (refusal) {
      const status =
        refusal.code === 'ROLE_NOT_PERMITTED'
          ? 403
          : refusal.code.startsWith('COMMENT') || refusal.code.startsWith('OUTCOME')
            ? 400
            : 409;
      const field = refusal.code.startsWith('OUTCOME') ? 'outcome' : 'comment';
      throw new HttpError(
        status,
        refusal.code,
        refusal.message,
        status === 400 ? [{ field, message: refusal.message }] : undefined,
      );
    }
    await trx
      .updateTable('exceptions')
      .set({
        state: input.act === 'take' ? 'owned' : 'resolved',
        owner: input.actor,
        updated_at: now,
      })
      .where('condition_id', '=', input.id)
      .execute();
    await trx
      .insertInto('exception_steps')
      .values({
        condition_id: input.id,
        step: input.act === 'take' ? 'taken' : 'resolved',
        actor: input.actor,
        at: now,
        comment: decision ? anomalyDecisionComment(decision) : comment || null,
      })
      .execute();
    if (decision && !(await insertDecision(trx, decision, now))) {
      throw new HttpError(
        409,
        'FLAG_ALREADY_DECIDED',
        'The stockroom decided this flag a moment ago; reload the queue to read its decision.',
      );
    }
  });
  const item = (await allItems(db, now)).find((i) => i.id === input.id);
  if (!item) throw new Error(`exception ${input.id} vanished after its step`);
  return item;
}
