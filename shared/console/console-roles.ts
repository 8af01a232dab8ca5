/**
 * The centre's people and what each may do in the console and the admin API. The endpoint's
 * admin routes and the console's screens read this one table: a button the console hides is a
 * route the endpoint refuses.
 */
export const CONSOLE_ROLES = ['admin', 'buyer', 'analyst'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

export const CONSOLE_ACTS = [
  /** See facilities, PCs, keys, the audit log: every role. */
  'console.view',
  'facilities.manage',
  /** Enrol and revoke stockroom PCs. */
  'devices.manage',
  'api-keys.manage',
  /** Register, pause, re-key and delete webhooks; replay dead letters. */
  'webhooks.manage',
  'console-users.manage',
  /** Take and resolve exceptions, act on recalls and requests: the buyers' daily work. */
  'exceptions.work',
] as const;
export type ConsoleAct = (typeof CONSOLE_ACTS)[number];

const ADMIN_ONLY: ReadonlySet<ConsoleAct> = new Set([
  'facilities.manage',
  'devices.manage',
  'api-keys.manage',
  'webhooks.manage',
  'console-users.manage',
]);

const ROLE_ACTS: Readonly<Record<ConsoleRole, ReadonlySet<ConsoleAct>>> = {
  admin: new Set(CONSOLE_ACTS),
  buyer: new Set(CONSOLE_ACTS.filter((act) => !ADMIN_ONLY.has(act))),
  // An analyst reads everything and changes nothing.
  analyst: new Set(['console.view']),
};

export function isConsoleRole(value: unknown): value is ConsoleRole {
  return typeof value === 'string' && (CONSOLE_ROLES as readonly string[]).includes(value);
}

export function consoleMay(role: ConsoleRole, act: ConsoleAct): boolean {
  return ROLE_ACTS[role].has(act);
}

/** The refusal a person sees, naming what their role lets them do. */
export function consoleRefusal(role: ConsoleRole, act: ConsoleAct): string | undefined {
  if (consoleMay(role, act)) return undefined;
  if (role === 'analyst')
    return 'An analyst can look at everything in the console but change nothing.';
  return `Only a console admin may do this (${act}); ask one of the centre's admins.`;
}
