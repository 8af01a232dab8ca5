import type { ApprovalPolicy, SupplyRequest } from '../model';

/**
 * What a policy version demands of one request: how many approval levels (0, 1 or 2) and why, in
 * words for the approver. Both ends call this one function: the PC when a supervisor acknowledges
 * offline, the centre when the ERP or the console does.
 */
export interface ApprovalRequirement {
  policyVersion: number;
  levels: 0 | 1 | 2;
  reasons: string[];
}

/** What the caller knows of the items: the item master's cost, and the location's par levels. */
export interface ApprovalFacts {
  unitCost: (itemId: string) => number | undefined;
  /** Whether the item has a par level at the requesting location (it is stocked there). */
  stockedAtLocation: (itemId: string) => boolean;
}

/**
 * Version 0 is what applies before a facility's first policy reaches the PC: nothing is waved
 * through unseen, so an unstocked or controlled item or a costly request always needs a person.
 */
export const DEFAULT_APPROVAL_POLICY: Readonly<
  Omit<ApprovalPolicy, 'facilityId' | 'createdAt' | 'createdBy' | 'version'> & { version: 0 }
> = {
  version: 0,
  valueAbove: 1000,
  quantityAbove: 500,
  nonStockNeedsApproval: true,
  controlledItemIds: [],
  secondLevelValueAbove: 10_000,
};

export type PolicyRules = Pick<
  ApprovalPolicy,
  | 'version'
  | 'valueAbove'
  | 'quantityAbove'
  | 'nonStockNeedsApproval'
  | 'controlledItemIds'
  | 'secondLevelValueAbove'
  | 'serviceLevels'
>;

/** Value of a request: unit cost × quantity; a line with no known cost counts as zero. */
export function requestValue(
  request: Pick<SupplyRequest, 'lines'>,
  facts: Pick<ApprovalFacts, 'unitCost'>,
): number {
  return request.lines.reduce((sum, l) => sum + (facts.unitCost(l.itemId) ?? 0) * l.quantity, 0);
}

export function approvalRequirement(
  request: Pick<SupplyRequest, 'lines'>,
  policy: PolicyRules,
  facts: ApprovalFacts,
): ApprovalRequirement {
  const reasons: string[] = [];
  const value = requestValue(request, facts);
  if (policy.valueAbove !== undefined && value > policy.valueAbove) {
    reasons.push(`worth ${formatMoney(value)}, above ${formatMoney(policy.valueAbove)}`);
  }
  const quantityAbove = policy.quantityAbove;
  if (quantityAbove !== undefined) {
    for (const line of request.lines.filter((l) => l.quantity > quantityAbove)) {
      reasons.push(`${line.quantity} × ${line.itemId}, more than ${quantityAbove} units`);
    }
  }
  if (policy.nonStockNeedsApproval) {
    for (const line of request.lines.filter((l) => !facts.stockedAtLocation(l.itemId))) {
      reasons.push(`${line.itemId} is not stocked at this location (no par level)`);
    }
  }
  const controlled = new Set(policy.controlledItemIds);
  for (const line of request.lines.filter((l) => controlled.has(l.itemId))) {
    reasons.push(`${line.itemId} is in a controlled category`);
  }
  const second = policy.secondLevelValueAbove !== undefined && value > policy.secondLevelValueAbove;
  if (second) {
    reasons.push(
      `worth more than ${formatMoney(policy.secondLevelValueAbove ?? 0)}: a second level approves too`,
    );
  }
  const levels = second ? 2 : reasons.length > 0 ? 1 : 0;
  return { policyVersion: policy.version, levels, reasons };
}

function formatMoney(value: number): string {
  return (Math.round(value * 100) / 100).toFixed(2);
}
