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
  | 'request.urgent';

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
  reversal: { permission: 'stock.adjust', words: 'reverse a recorded movement' },
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
  approved: { permission: undefined, words: 'approve a supply request' },
  rejected: { permission: undefined, words: 'reject a supply request' },
  ordered: { permission: undefined, words: 'mark a supply request ordered' },
  shipped: { permission: undefined, words: 'mark a supply request shipped' },
  received: { permission: 'stock.receive', words: 'receive a supply request' },
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
