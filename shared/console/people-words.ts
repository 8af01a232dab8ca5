/**
 * People as the console names them: by name, with the username or user id after it (two people
 * may share a name; the id tells them apart), and the administrator token, which is no person, in
 * words. The endpoint records the token as `admin-token` (audit), `console:admin-token` (request
 * steps and escalations) or `admin` (exception steps taken with no signed-in user).
 */
import { isolatedName } from './isolated-name';

const ADMIN_TOKEN_IDS = new Set(['admin-token', 'console:admin-token', 'admin']);

export const ADMIN_TOKEN_WORDS = 'the administrator token';

/** Whether `id` is how the endpoint recorded the administrator token (no console user by it). */
export function isAdminToken(id: string): boolean {
  return ADMIN_TOKEN_IDS.has(id);
}

/**
 * `id` in words: "Ada Admin (ada.admin)" when the centre knows a name, the bare id when it does
 * not (or the name is the id), and the token in words when no person by that id is known.
 */
export function personWords(id: string, name: string | undefined): string {
  if (name !== undefined && name !== '') {
    return name === id ? isolatedName(id) : `${isolatedName(name)} (${isolatedName(id)})`;
  }
  return isAdminToken(id) ? ADMIN_TOKEN_WORDS : isolatedName(id);
}

/** An audit line's actor in words: "admin: admin-token" reads as the administrator token. */
export function auditActorWords(actorType: string, actorId: string): string {
  if (actorType === 'admin' && isAdminToken(actorId)) return ADMIN_TOKEN_WORDS;
  return `${actorType}: ${isolatedName(actorId)}`;
}
