import { ADMIN_TOKEN_WORDS } from '../console/people-words';

/**
 * Who took a request step, in words for the ward. The centre records its people as
 * `console:<user>` (a buyer in the console) and `erp:<key name>:<user>` (the ERP's user); a PC's
 * people are user ids, named by the caller from its users (`nameOf`).
 */
export function stepAuthorWords(by: string, nameOf: (id: string) => string): string {
  const centre = /^console:(.+)$/.exec(by);
  // The administrator token is no person: the ward reads what acted, not its id.
  if (centre) return `${centre[1] === 'admin-token' ? ADMIN_TOKEN_WORDS : centre[1]} (centre)`;
  const erp = /^erp:[^:]+:(.+)$/.exec(by);
  if (erp) return `${erp[1]} (ERP)`;
  return nameOf(by);
}
