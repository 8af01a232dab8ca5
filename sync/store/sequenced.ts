import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { textArray } from './json';

/**
 * Why checkpoints are safe against out-of-order commits, with writers in parallel.
 *
 * Every document write takes its `seq` from one PostgreSQL sequence (`document_seq`, CACHE 1, so
 * the values it hands out increase with time across all sessions). Writers do not wait for each
 * other; instead readers never serve a seq that a transaction still in flight could make visible.
 *
 * Writer (`sequencedWrite`), in the transaction's first statement: draw `low = nextval(...)` and
 * take a transaction-level advisory lock keyed on `low` in this schema's namespace (the "low lock",
 * held until commit or rollback and visible to every session in `pg_locks`). Every seq the
 * transaction draws afterwards, in later statements, is > low. The key depends on the drawn value,
 * so the lock is taken after the draw; the draws for documents come after the statement returns.
 *
 * Reader (`readableSeqCeiling`), in one statement: first read S, the last value the sequence has
 * handed out, then (a correlated subquery, which PostgreSQL can only run once it has the row it
 * depends on) the lows of the low locks in `pg_locks`. The ceiling is H = min(S, lowest low - 1).
 * Then, in a LATER statement (a new snapshot under READ COMMITTED), the rows with seq <= H.
 *
 * Claim: every document seq s <= H belongs to a transaction that had ended before the reader
 * scanned `pg_locks`, so the later snapshot shows it if it committed, and it is gone for good if
 * it rolled back. Proof: s <= H <= S, and S was read at t_S, so s had been handed out by t_S
 * (CACHE 1: values grow with time). s was drawn by a writer T after T took its low lock (seqs are
 * drawn only by `nextSeq`, which needs a SequencedTransaction), with
 * low_T < s; so T held that lock from before t_S until it ended. The reader scans `pg_locks`
 * after t_S: if T were still in flight then, its lock would be listed, and H <= low_T - 1 < s,
 * contrary to s <= H. So T had ended, and PostgreSQL releases a transaction's locks only after it
 * is marked committed (or aborted) for new snapshots. Hence no seq <= H can appear later, and a
 * reader that moves its checkpoint to any served seq (all <= H) skips nothing. Writers that draw
 * their low after t_S have every seq > S >= H: they are simply for the next read. The order of
 * the two reads matters (pg_locks first could miss a writer that locks and draws in between), and
 * so does the order of the two statements (rows read in a snapshot older than the ceiling could
 * miss a writer that committed in between); the ceiling of a row query must never be computed in
 * the same statement nor in an older one.
 *
 * Parallel writers also lose what the single lock gave for free: two pushes of the same new id
 * would both find nothing, and the second's upsert would overwrite the first's version. So the
 * same first statement takes a transaction-level lock per document the transaction will read and
 * write (`documents`), in one sorted order (no deadlock between writers), BEFORE drawing `low` (a
 * writer waiting for another's document does not hold the ceiling down) and before the statement
 * that reads them (`findDocuments`, a later snapshot, sees the version the other committed).
 * PostgreSQL's lock table is shared and bounded (max_locks_per_transaction × max_connections,
 * 6,400 by default), so a write of more than MAX_DOCUMENT_LOCKS documents (an ERP file of 1,000)
 * takes one all-documents lock exclusive instead, and every smaller write takes that lock shared
 * first (it sorts before the document locks): large writes wait for, and hold off, all others.
 *
 * Key spaces (advisory locks are per database, and test files share one database by schema):
 * a low lock is the bigint key `ns * 2^40 + low`, ns a per-schema number (from the sequence's oid)
 * in [1, 2^23); in `pg_locks` that is classid = key >> 32, objid = the low 32 bits, objsubid = 1.
 * Document locks use the two-int4 form (objsubid = 2) under `DOCUMENT_LOCKS`, so neither can be
 * taken for the other. seq must stay below 2^40 (checked on every draw). Two schemas whose ns
 * coincide (oids 8,388,607 apart) would only see each other's writers: a lower H, never a skip.
 * The argument needs no atomic view of `pg_locks`: it is made writer by writer.
 *
 * On PGlite there is one connection and a transaction keeps it until it commits, so a reader never
 * runs beside an open writer: the same SQL finds no low lock and H = S.
 *
 * A pull that a writer in flight holds below S (`waitMs`) first waits, bounded, for the writers
 * whose low <= S: a live-stream notice can only name a commit that had happened before the pull
 * began, and without the wait the notice of the later commit goes to other listeners only. A
 * writer still open after the bound (a long import) leaves the pull below it: the PC then hears
 * of the rest at its next change notice or poll, never skipping anything.
 */
export const DOCUMENT_LOCKS = 0x53_54_4f_44; // 'STOD', the two-int4 form's first key
/** Taken (second key 0) shared by every small write and exclusive by a large one; sorts first. */
const ALL_DOCUMENTS = 0x53_54_4f_41; // 'STOA'
/** A PC pushes at most 100 documents at a time: those stay in parallel. */
export const MAX_DOCUMENT_LOCKS = 100;
const LOW_BITS = 2 ** 40;
const NAMESPACE = sql<number>`('document_seq'::regclass::oid::bigint % 8388607 + 1)`;

/** A transaction that holds its low lock: the only place `nextSeq` may be called. */
export type SequencedTransaction = Transaction<Database> & { readonly __sequenced: true };

/** The documents a sequenced write will read and write, locked before it reads them. */
export interface SequencedDocuments {
  collection: string;
  ids: readonly string[];
}

/** What a document's lock is keyed on: `hashtext` of it is the two-int4 form's second key. */
export function documentLockName(collection: string, id: string): string {
  return `${collection}\u001f${id}`;
}

export async function sequencedWrite<T>(
  db: Kysely<Database>,
  work: (trx: SequencedTransaction) => Promise<T>,
  documents?: SequencedDocuments,
): Promise<T> {
  const names = [...new Set(documents?.ids ?? [])].map((id) =>
    documentLockName(documents?.collection ?? '', id),
  );
  // A large write takes the all-documents lock alone, exclusive; a small one takes it shared, then
  // its documents' locks: the lock table stays bounded (at most MAX_DOCUMENT_LOCKS + 1 each).
  const large = names.length > MAX_DOCUMENT_LOCKS;
  return db.transaction().execute(async (trx) => {
    // One round trip: the document locks (sorted, all taken before the aggregate answers), then
    // low (drawn from the aggregate's one row, so after them), then the low lock (keyed on low).
    const { rows } = await sql<{ low: number }>`
      with drawn as materialized (
        select nextval('document_seq') as low, ${NAMESPACE} as ns
        from (
          select count(
            case when shared then pg_advisory_xact_lock_shared(a, b) else pg_advisory_xact_lock(a, b) end
          ) as n
          from (
            select ${ALL_DOCUMENTS}::int as a, 0 as b, ${!large}::boolean as shared
            union all
            select distinct ${DOCUMENT_LOCKS}::int, hashtext(name), false
            from unnest(${textArray(large ? [] : names)}) as name
            order by a, b
          ) as keys
        ) as locked
      )
      select low, pg_advisory_xact_lock(ns * ${LOW_BITS}::bigint + low) from drawn`.execute(trx);
    const low = Number(rows[0]?.low);
    if (!(low < LOW_BITS))
      throw new Error(`document_seq reached ${low}: beyond the low lock's 2^40`);
    return work(trx as SequencedTransaction);
  });
}

export function nextSeq() {
  return sql<number>`nextval('document_seq')`;
}

interface CeilingRow {
  drawn: number | string;
  lows: (number | string)[] | null;
}

async function ceilingState(db: Kysely<Database>): Promise<{ drawn: number; lows: number[] }> {
  // The sequence first (the outer row), the locks after (a subquery correlated on that row).
  const { rows } = await sql<CeilingRow>`
    select s.drawn, (
      select array_agg(((l.classid::bigint << 32) | l.objid::bigint) - s.ns * ${LOW_BITS}::bigint)
      from pg_locks as l
      where l.locktype = 'advisory' and l.objsubid = 1 and l.mode = 'ExclusiveLock'
        and l.database = (select oid from pg_database where datname = current_database())
        and (l.classid::bigint >> 8) = s.ns
    ) as lows
    from (
      select case when is_called then last_value else 0 end as drawn, ${NAMESPACE} as ns
      from document_seq
    ) as s`.execute(db);
  const row = rows[0];
  return { drawn: Number(row?.drawn ?? 0), lows: (row?.lows ?? []).map(Number) };
}

function ceilingOf({ drawn, lows }: { drawn: number; lows: number[] }): number {
  return lows.reduce((h, low) => Math.min(h, low - 1), drawn);
}

/**
 * The highest seq a reader may serve now: every seq at or below it that will ever be visible
 * already is (see the proof above). Read rows with `seq <= ceiling` in a LATER statement, never in
 * the same one or inside a REPEATABLE READ transaction begun before it. With `waitMs`, first waits
 * (at most that long) for the writers in flight that hold it below the last drawn seq.
 */
export async function readableSeqCeiling(
  db: Kysely<Database>,
  options: { waitMs?: number } = {},
): Promise<number> {
  const state = await ceilingState(db);
  const ceiling = ceilingOf(state);
  if (ceiling >= state.drawn || !options.waitMs) return ceiling;
  const waitFor = state.lows.filter((low) => low <= state.drawn).sort((a, b) => a - b);
  try {
    await db.transaction().execute(async (trx) => {
      await sql`select set_config('lock_timeout', ${`${Math.ceil(options.waitMs ?? 0)}ms`}, true)`.execute(
        trx,
      );
      // Shared, so readers never wait for each other; the writers' locks are exclusive.
      await sql`
        select pg_advisory_xact_lock_shared(${NAMESPACE} * ${LOW_BITS}::bigint + low)
        from unnest(cast(${`{${waitFor.join(',')}}`} as bigint[])) as low order by low`.execute(
        trx,
      );
    });
  } catch (error) {
    // lock_not_available: a writer is still in flight after the wait; serve below it.
    if ((error as { code?: string }).code !== '55P03') throw error;
  }
  return ceilingOf(await ceilingState(db));
}
