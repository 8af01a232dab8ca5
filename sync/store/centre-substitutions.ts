import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Item, SupplyRequest } from '../../shared/model';
import {
  proposeSubstitutes,
  type ProposedSubstitute,
} from '../../shared/replenishment/substitution';
import type { Database } from '../db/schema';
import { changeCentreRequest } from './centre-request-step';
import { findDocuments } from './documents';

/**
 * The centre proposes substitutes on a request (a buyer in the console, the ERP through its key),
 * each an item of the item master that is not discontinued; the shared rules decide the rest
 * (substitution.ts). The ward decides on its PC, and the ERP hears both by webhook.
 */
export async function proposeCentreSubstitutes(
  db: Kysely<Database>,
  channel: string,
  request: FastifyRequest,
  requestId: string,
  proposals: readonly ProposedSubstitute[],
  who: { by: string; writtenBy: string; at: string },
): Promise<SupplyRequest> {
  return changeCentreRequest(
    db,
    channel,
    request,
    requestId,
    who.writtenBy,
    async (trx, before) => {
      const ids = [...new Set(proposals.map((p) => p.itemId))];
      const items = await findDocuments(trx, 'items', ids);
      for (const id of ids) {
        const item = items.get(id);
        const body = item?.body as Item | undefined;
        if (!item || item.deleted || !body) {
          return refusal(
            'SUBSTITUTE_ITEM_UNKNOWN',
            `${id} is not in the item master: add it first, or propose another item.`,
          );
        }
        if (body.status !== 'active') {
          return refusal(
            'SUBSTITUTE_ITEM_UNKNOWN',
            `${id} (${body.name}) is ${body.status}: propose an active item.`,
          );
        }
      }
      return proposeSubstitutes(before, proposals, { at: who.at, by: who.by });
    },
  );
}

function refusal(code: string, message: string) {
  return { ok: false as const, error: { code, message } };
}
