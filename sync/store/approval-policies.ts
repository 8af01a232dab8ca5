import { sql, type Kysely, type Transaction } from 'kysely';
import {
  ApprovalPolicySchema,
  compileValidator,
  type ApprovalPolicy,
  type SupplyRequest,
} from '../../shared/model';
import {
  DEFAULT_APPROVAL_POLICY,
  approvalRequirement,
  type ApprovalRequirement,
  type PolicyRules,
} from '../../shared/replenishment';
import { cleanEntry } from '../../shared/replenishment/request-history';
import type { Database } from '../db/schema';

const isPolicy = compileValidator(ApprovalPolicySchema);

type Reader = Kysely<Database> | Transaction<Database>;

/** A facility's policy at `version`, or its latest; undefined when it has none yet. */
export async function storedPolicy(
  db: Reader,
  facilityId: string,
  version?: number,
): Promise<ApprovalPolicy | undefined> {
  let query = db
    .selectFrom('approval_policies')
    .select('policy')
    .where('facility_id', '=', facilityId);
  if (version !== undefined) query = query.where('version', '=', version);
  const row = await query.orderBy('version', 'desc').limit(1).executeTakeFirst();
  const checked = isPolicy.validate(row?.policy);
  return checked.ok ? checked.value : undefined;
}

export async function policyVersions(db: Reader, facilityId: string): Promise<ApprovalPolicy[]> {
  const rows = await db
    .selectFrom('approval_policies')
    .select('policy')
    .where('facility_id', '=', facilityId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => r.policy as unknown as ApprovalPolicy);
}

/**
 * Writes the next version of a facility's policy. The version is the stored latest + 1, taken
 * under a row lock on the facility so two admins saving at once get 1 and 2, never 1 twice.
 */
export async function addPolicyVersion(
  trx: Transaction<Database>,
  facilityId: string,
  rules: Omit<ApprovalPolicy, 'facilityId' | 'version' | 'createdAt' | 'createdBy'>,
  createdBy: string,
): Promise<ApprovalPolicy> {
  await trx
    .selectFrom('facilities')
    .select('id')
    .where('id', '=', facilityId)
    .forUpdate()
    .execute();
  const latest = await trx
    .selectFrom('approval_policies')
    .select(sql<number>`coalesce(max(version), 0)`.as('version'))
    .where('facility_id', '=', facilityId)
    .executeTakeFirstOrThrow();
  const policy: ApprovalPolicy = {
    ...rules,
    facilityId,
    version: Number(latest.version) + 1,
    createdAt: new Date().toISOString(),
    createdBy,
  };
  await trx
    .insertInto('approval_policies')
    .values({
      facility_id: facilityId,
      version: policy.version,
      policy: JSON.stringify(policy),
      created_by: createdBy,
    })
    .execute();
  return policy;
}

/**
 * What the facility's latest policy demands of a request, from the centre's item master and par
 * levels: the same function (shared approvalRequirement) the PC runs offline.
 */
export async function centreApprovalRequirement(
  trx: Transaction<Database>,
  request: SupplyRequest,
  /** The version to apply; absent, the facility's latest. */
  policy?: PolicyRules,
): Promise<ApprovalRequirement> {
  policy ??= (await storedPolicy(trx, request.facilityId)) ?? DEFAULT_APPROVAL_POLICY;
  const itemIds = request.lines.map((l) => l.itemId);
  const items = await trx
    .selectFrom('documents')
    .select(['id', sql<number | null>`(doc->>'unitCost')::float8`.as('unitCost')])
    .where('collection', '=', 'items')
    .where('id', 'in', itemIds)
    .execute();
  const pars = await trx
    .selectFrom('documents')
    .select(sql<string>`doc->>'itemId'`.as('itemId'))
    .where('collection', '=', 'par_levels')
    .where('deleted', '=', false)
    .where(sql<boolean>`doc->>'locationId' = ${request.locationId}`)
    .where(sql<boolean>`doc->>'facilityId' = ${request.facilityId}`)
    .execute();
  const cost = new Map(items.map((i) => [i.id, i.unitCost ?? undefined]));
  const stocked = new Set(pars.map((p) => p.itemId));
  return approvalRequirement(request, policy, {
    unitCost: (id) => cost.get(id),
    stockedAtLocation: (id) => stocked.has(id),
  });
}

/**
 * A PC's acknowledgement records how many approval levels its policy version demanded. The centre
 * evaluates that version itself, with its own item master and par levels: a PC that names a
 * version the centre never issued, or fewer levels than that version demands, is refused (an
 * older version than the latest is fine: it is what the PC held while offline).
 */
export async function acknowledgementProblem(
  trx: Transaction<Database>,
  before: SupplyRequest | undefined,
  pushed: SupplyRequest,
): Promise<{ code: string; message: string } | undefined> {
  const key = (e: SupplyRequest['history'][number]) => JSON.stringify(cleanEntry(e));
  const known = new Set((before?.history ?? []).map(key));
  const added = pushed.history.filter((e) => e.status === 'acknowledged' && !known.has(key(e)));
  for (const entry of added) {
    const version = entry.policyVersion ?? 0;
    const policy =
      version === 0 ? DEFAULT_APPROVAL_POLICY : await storedPolicy(trx, pushed.facilityId, version);
    if (!policy) {
      return {
        code: 'POLICY_VERSION_UNKNOWN',
        message: `Request ${pushed.id} was acknowledged under approval policy version ${version}, which this facility never had; nothing was stored.`,
      };
    }
    const demanded = await centreApprovalRequirement(trx, pushed, policy);
    if ((entry.levels ?? 1) < demanded.levels) {
      return {
        code: 'APPROVAL_LEVELS_UNDERSTATED',
        message: `Request ${pushed.id}: policy version ${version} demands ${demanded.levels} approval level(s) (${demanded.reasons.join('; ')}), but its acknowledgement records ${entry.levels ?? 1}; nothing was stored.`,
      };
    }
  }
  return undefined;
}
