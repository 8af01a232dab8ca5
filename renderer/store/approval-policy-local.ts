import { ApprovalPolicySchema, compileValidator, type ApprovalPolicy } from '../../shared/model';
import {
  DEFAULT_APPROVAL_POLICY,
  approvalRequirement,
  type ApprovalRequirement,
  type PolicyRules,
} from '../../shared/replenishment';
import type { StockroomDatabase } from './collections';

/** The RxDB local document holding the facility's latest approval policy, fetched at sync. */
export const APPROVAL_POLICY_DOC = 'approval_policy';

const isPolicy = compileValidator(ApprovalPolicySchema);

type LocalDocs = Pick<StockroomDatabase, 'getLocal' | 'upsertLocal'>;

/** What the local document holds, checked: a damaged or missing one means the built-in policy. */
export function policyFromLocal(stored: unknown): PolicyRules {
  const checked = isPolicy.validate(stored);
  return checked.ok ? checked.value : DEFAULT_APPROVAL_POLICY;
}

/** The policy this PC applies: the latest it has fetched, or version 0 before the first fetch. */
export async function localApprovalPolicy(db: LocalDocs): Promise<PolicyRules> {
  const doc = await db.getLocal<ApprovalPolicy>(APPROVAL_POLICY_DOC);
  return policyFromLocal(doc?.toJSON().data);
}

/**
 * Keeps a policy fetched from the centre, unless this PC already holds a later version (a slow
 * answer must not put an older policy back).
 */
export async function keepApprovalPolicy(db: LocalDocs, policy: ApprovalPolicy): Promise<boolean> {
  if (!isPolicy.validate(policy).ok) return false;
  const held = await localApprovalPolicy(db);
  if (held.version >= policy.version) return false;
  await db.upsertLocal(APPROVAL_POLICY_DOC, policy);
  return true;
}

/** What the local policy demands of a request, from the local item master and par levels. */
export async function localApprovalRequirement(
  db: StockroomDatabase,
  request: { lines: { itemId: string; quantity: number }[]; locationId: string },
): Promise<ApprovalRequirement> {
  const policy = await localApprovalPolicy(db);
  const itemIds = request.lines.map((l) => l.itemId);
  const items = await db.items.findByIds(itemIds).exec();
  const pars = await db.par_levels.find({ selector: { locationId: request.locationId } }).exec();
  const stocked = new Set(pars.map((p) => p.itemId));
  return approvalRequirement(request, policy, {
    unitCost: (id) => items.get(id)?.unitCost,
    stockedAtLocation: (id) => stocked.has(id),
  });
}
