import {
  RECALL_CASE_STEPS,
  REQUEST_STATUSES,
  ROLES,
  STOCK_EVENT_TYPES,
  can,
  type Permission,
  type RecallCaseStep,
  type RequestStatus,
  type Role,
  type StockEventType,
} from '../model';

/**
 * Every act a person can take on stock or a workflow, named once. Both ends ask about these names:
 * the PC's writers before they write, the centre's push before it stores.
 */
export type Act =
  | `stock.${StockEventType}`
  | `recall.${RecallCaseStep}`
  | `request.${RequestStatus}`
  | 'request.urgent'
  /** The second approval level that a policy demands above its higher threshold. */
  | 'request.approved-second'
  /** Accepting or refusing a substitute the centre proposed (replenishment/substitution.ts). */
  | 'request.substitution'
  /** Approving or sending back a count that awaits approval (inventory/count-review.ts). */
  | 'stock.count-approval'
  /** Closing an expected delivery with its discrepancy summary (inventory/delivery-closure.ts). */
  | 'delivery.close'
  /** Printing a replacement GS1 label for a unit (shared/labels). */
  | 'label.print'
  /** Confirming or dismissing a usage anomaly flag (indicators/anomaly-flags.ts). */
  | 'anomaly.decide';

/** When a second person must confirm an act. */
export type SecondPersonWhen =
  /** The stock change differs from what the ledger said by more than the count tolerance. */
  'beyond-count-tolerance';

export interface ActRule {
  /** The permission (shared/model/roles) a person needs; undefined: only the centre (ERP) may. */
  permission: Permission | undefined;
  /** Plain words for messages: "receive stock". */
  words: string;
  /** A second person confirms it, with this permission, and never the person who took the act. */
  secondPerson?: { permission: Permission; when: SecondPersonWhen };
  /**
   * Segregation of duties: whoever took one of these acts on the same subject (the same recall
   * case, lot or request) may not take this one.
   */
  notBy?: readonly Act[];
}

const STOCK: Readonly<Record<StockEventType, ActRule>> = {
  receive: { permission: 'stock.receive', words: 'receive stock' },
  transfer: { permission: 'stock.transfer', words: 'move stock between places' },
  issue: { permission: 'stock.issue', words: 'issue stock' },
  return: { permission: 'stock.return', words: 'take back returned stock' },
  waste: { permission: 'stock.adjust', words: 'record waste' },
  count: {
    permission: 'stock.count',
    words: 'count stock',
    secondPerson: { permission: 'stock.adjust.approve', when: 'beyond-count-tolerance' },
  },
  adjust: {
    permission: 'stock.adjust',
    words: 'adjust stock',
    secondPerson: { permission: 'stock.adjust.approve', when: 'beyond-count-tolerance' },
  },
  quarantine: { permission: 'recall.quarantine', words: 'quarantine stock' },
  release: { permission: 'stock.adjust.approve', words: 'release quarantined stock' },
  dispose: {
    permission: 'recall.dispose',
    words: 'dispose of quarantined stock',
    notBy: ['stock.quarantine'],
  },
  // What a reversal cancels decides its act and whether it needs the second person (reversal-act.ts).
  reversal: {
    permission: 'stock.adjust',
    words: 'reverse a recorded movement',
    secondPerson: { permission: 'stock.adjust.approve', when: 'beyond-count-tolerance' },
  },
};

const RECALL: Readonly<Record<RecallCaseStep, ActRule>> = {
  received: { permission: 'recall.sweep', words: 'record the notice as received' },
  matched: { permission: 'recall.sweep', words: 'record the stock match' },
  located: { permission: 'recall.sweep', words: 'record where the stock is' },
  quarantined: { permission: 'recall.quarantine', words: 'quarantine recalled stock' },
  counted: { permission: 'recall.quarantine', words: 'record the count' },
  acknowledged: { permission: 'recall.sweep', words: 'acknowledge the notice to the source' },
  disposed: {
    permission: 'recall.dispose',
    words: 'dispose of recalled stock',
    notBy: ['recall.quarantined'],
  },
  closed: { permission: 'recall.close', words: 'close the recall', notBy: ['recall.quarantined'] },
};

const REQUEST: Readonly<Record<RequestStatus, ActRule>> = {
  draft: { permission: 'request.create', words: 'start a supply request' },
  submitted: { permission: 'request.submit', words: 'submit a supply request' },
  acknowledged: { permission: 'request.acknowledge', words: 'acknowledge a supply request' },
  approved: {
    permission: 'request.approve',
    words: 'approve a supply request',
    notBy: ['request.draft', 'request.submitted'],
  },
  rejected: { permission: 'request.approve', words: 'reject a supply request' },
  ordered: { permission: undefined, words: 'mark a supply request ordered' },
  picking: { permission: 'request.fulfil', words: 'pick a supply request' },
  shipped: { permission: 'request.fulfil', words: 'ship a supply request' },
  received: { permission: 'request.receive', words: 'receive a supply request' },
  cancelled: { permission: 'request.submit', words: 'cancel a supply request' },
};

export const ACT_RULES: Readonly<Record<Act, ActRule>> = {
  ...(Object.fromEntries(STOCK_EVENT_TYPES.map((t) => [`stock.${t}`, STOCK[t]])) as Record<
    `stock.${StockEventType}`,
    ActRule
  >),
  ...(Object.fromEntries(RECALL_CASE_STEPS.map((s) => [`recall.${s}`, RECALL[s]])) as Record<
    `recall.${RecallCaseStep}`,
    ActRule
  >),
  ...(Object.fromEntries(REQUEST_STATUSES.map((s) => [`request.${s}`, REQUEST[s]])) as Record<
    `request.${RequestStatus}`,
    ActRule
  >),
  'request.urgent': { permission: 'request.urgent', words: 'raise an urgent request' },
  'request.approved-second': {
    permission: 'request.approve.second',
    words: 'give a supply request its second approval',
    notBy: ['request.draft', 'request.submitted', 'request.approved'],
  },
  'request.substitution': {
    permission: 'request.substitute.decide',
    words: 'accept or refuse a substitute',
  },
  'stock.count-approval': {
    permission: 'stock.adjust.approve',
    words: 'approve or send back a count',
    notBy: ['stock.count'],
  },
  'delivery.close': { permission: 'stock.receive', words: 'close a delivery' },
  'label.print': { permission: 'label.print', words: 'print a replacement label' },
  'anomaly.decide': {
    permission: 'anomaly.decide',
    words: 'confirm or dismiss a usage anomaly flag',
  },
};

export const ACTS = Object.keys(ACT_RULES) as Act[];

/** The roles that may take an act; empty when only the centre may. */
export function rolesFor(act: Act): Role[] {
  const { permission } = ACT_RULES[act];
  return permission === undefined ? [] : ROLES.filter((role) => can(role, permission));
}

/** The roles that may be the second person of an act; empty when it needs none. */
export function secondPersonRolesFor(act: Act): Role[] {
  const second = ACT_RULES[act].secondPerson;
  return second ? ROLES.filter((role) => can(role, second.permission)) : [];
}

export const stockAct = (type: StockEventType): Act => `stock.${type}`;
export const recallAct = (step: RecallCaseStep): Act => `recall.${step}`;
export const requestAct = (status: RequestStatus): Act => `request.${status}`;
