import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Why checkpoints are safe against out-of-order commits.
 *
 * Every document write takes its `seq` from one PostgreSQL sequence, and every transaction that
 * draws from it first takes one transaction-level advisory lock. A second writer waits at the lock
 * until the first has committed or rolled back, so seqs become visible strictly in the order they
 * were drawn: a reader that sees seq N has already been able to see every seq below N. Without the
 * lock, transaction A could draw 5, B draw 6 and commit first, a pull would answer "up to 6", and
 * A's 5 would be skipped for good when it committed a moment later.
 *
 * The price is that writes are serialised across the whole endpoint. A stockroom pushes in small
 * batches and a push transaction lasts milliseconds, which is far below what a hospital group
 * writes; the alternative (serving only below the lowest in-flight transaction id) keeps writers
 * parallel but needs pg_snapshot functions on every pull and is harder to prove.
 */
const SEQUENCE_LOCK = 0x53_54_4f_43; // 'STOC'

/** A transaction that holds the sequence lock: the only place `nextSeq` may be called. */
export type SequencedTransaction = Transaction<Database> & { readonly __sequenced: true };

export async function sequencedWrite<T>(
  db: Kysely<Database>,
  work: (trx: SequencedTransaction) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEQUENCE_LOCK})`.execute(trx);
    return work(trx as SequencedTransaction);
  });
}

export function nextSeq() {
  return sql<number>`nextval('document_seq')`;
}
