import { sql, type RawBuilder } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

export interface ChangeNotice {
  collection: string;
  /** Facilities that can see the change; null when every facility can (global collections). */
  facilities: string[] | null;
}

/**
 * NOTIFY inside the writing transaction: PostgreSQL delivers it only on commit, to every process
 * listening on the database (and PGlite to its own listeners), so a live stream never announces a
 * change a pull cannot see yet.
 */
export async function notifyChange(
  trx: Transaction<Database>,
  channel: string,
  notice: ChangeNotice,
): Promise<void> {
  await sql`select ${notifyCall(channel, notice)}`.execute(trx);
}

/** The `pg_notify` call itself, for a statement that sends the notice along with its writes. */
export function notifyCall(channel: string, notice: ChangeNotice): RawBuilder<unknown> {
  return sql`pg_notify(${channel}, ${JSON.stringify(notice)})`;
}

export function parseNotice(payload: string): ChangeNotice | null {
  try {
    const value = JSON.parse(payload) as Partial<ChangeNotice>;
    if (typeof value.collection !== 'string') return null;
    return {
      collection: value.collection,
      facilities: Array.isArray(value.facilities) ? value.facilities : null,
    };
  } catch {
    return null;
  }
}

/** The notice the console's live stream listens for, besides every collection's own. */
export const CONSOLE_NOTICE: ChangeNotice = { collection: 'console', facilities: null };

/**
 * Tells every endpoint process's console stream that something it shows changed (an audited write,
 * a dead letter). The channel is the one openDatabase listens on, named from the current schema,
 * so a caller needs no handle on the database object.
 */
export async function notifyConsole(db: Kysely<Database>): Promise<void> {
  await sql`select ${consoleNoticeCall()}`.execute(db);
}

/** The `pg_notify` call of `notifyConsole`, for a statement that sends it along with its write. */
export function consoleNoticeCall(): RawBuilder<unknown> {
  return sql`pg_notify('sync_changes_' || current_schema(), ${JSON.stringify(CONSOLE_NOTICE)})`;
}
