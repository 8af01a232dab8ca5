/** Who may do what on a stockroom PC. The server and the app both read this one table. */
export const ROLES = ['tech', 'nurse-manager', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'stock.receive',
  'stock.putaway',
  'stock.transfer',
  'stock.issue',
  'stock.return',
  'stock.count',
  'stock.adjust',
  'stock.adjust.approve',
  'item.capture-pending',
  'request.create',
  'request.submit',
  'request.urgent',
  'request.acknowledge',
  'request.approve',
  'request.approve.second',
  'request.fulfil',
  'request.receive',
  'request.substitute.decide',
  'recall.sweep',
  'recall.quarantine',
  'recall.dispose',
  'recall.close',
  'label.print',
  /** Confirm or dismiss a usage anomaly flag, with a note (indicators/anomaly-flags.ts). */
  'anomaly.decide',
  'printer.configure',
  'sync.configure',
  'users.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const TECH: readonly Permission[] = [
  'stock.receive',
  'stock.putaway',
  'stock.transfer',
  'stock.issue',
  'stock.return',
  'stock.count',
  'stock.adjust',
  'item.capture-pending',
  'request.create',
  'request.submit',
  'request.fulfil',
  'request.receive',
  'recall.sweep',
  'recall.quarantine',
  'label.print',
];

const NURSE_MANAGER: readonly Permission[] = [
  'stock.issue',
  'stock.return',
  'request.create',
  'request.submit',
  'request.urgent',
  // A ward confirms what reached it: closing a request's line is not receiving stock into the store.
  'request.receive',
  // Whether a substitute is clinically acceptable is the ward's judgement.
  'request.substitute.decide',
];

const SUPERVISOR: readonly Permission[] = [
  ...TECH,
  'request.urgent',
  'request.acknowledge',
  'request.approve',
  // The stockroom's own replenishment requests have no ward behind them.
  'request.substitute.decide',
  'stock.adjust.approve',
  'recall.dispose',
  'recall.close',
  // Whether unusual usage was trouble is the stockroom lead's call, never the person flagged.
  'anomaly.decide',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  tech: new Set(TECH),
  'nurse-manager': new Set(NURSE_MANAGER),
  supervisor: new Set(SUPERVISOR),
  admin: new Set(PERMISSIONS),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}
