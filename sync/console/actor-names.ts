import { sql, type Kysely } from 'kysely';
import { personWords } from '../../shared/console';
import type { Database } from '../db/schema';
import { documentNames } from '../store/document-names';
import { textArray } from '../store/json';

/**
 * Who acted, in words, for the actors the queue records: a console user by the display name the
 * centre holds beside the username, a stockroom person (a usage flag decided on a PC) by the name
 * in the centre's users, the administrator token in words. One query per kind of name, however
 * many actors are asked for.
 */
export async function actorNames(
  db: Kysely<Database>,
  actors: Iterable<string>,
): Promise<(actor: string) => string> {
  const ids = [...new Set(actors)];
  if (ids.length === 0) return (actor) => personWords(actor, undefined);
  const [consoleUsers, stockroom] = await Promise.all([
    db
      .selectFrom('console_users')
      .select(['username', 'display_name'])
      .where(sql<boolean>`username = any(${textArray(ids)})`)
      .execute(),
    documentNames(db, { users: ids }),
  ]);
  const names = new Map(consoleUsers.map((u) => [u.username, u.display_name]));
  return (actor) => personWords(actor, names.get(actor) ?? stockroom.users.get(actor));
}
