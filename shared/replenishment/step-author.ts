/**
 * Who took a request step, in words for the ward. The centre records its people as
 * `console:<user>` (a buyer in the console) and `erp:<key name>:<user>` (the ERP's user); a PC's
 * people are user ids, named by the caller from its users (`nameOf`).
 */
export function stepAuthorWords(by: string, nameOf: (id: string) => string): string {
  const centre = /^console:(.+)$/.exec(by);
  if (centre) return `${centre[1]} (centre)`;
  const erp = /^erp:[^:]+:(.+)$/.exec(by);
  if (erp) return `${erp[1]} (ERP)`;
  return nameOf(by);
}
