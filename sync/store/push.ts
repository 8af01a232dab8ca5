import { COLLECTIONS, type CollectionName, type SupplyRequest } from '../../shared/model';
import type { DeviceActor } from '../auth/device-auth';
import type { SyncDatabase } from '../db/connect';
import { auditSignIns } from '../audit/sign-in-audit';
import { checkRequestStatusChange } from './request-status-rule';
import { requestStepWebhooks } from '../webhooks/request-steps';
import { substitutionWebhooks } from '../webhooks/request-substitutions';
import { sameContent, withDeleted, type Doc } from './canonical';
import {
  documentWebhook,
  upsertDocuments,
  type DocumentWrite,
  type StoredDocument,
} from './documents';
import { recordIntegrityAlarm } from './integrity-alarm';
import { DELIVERY_CLOSED_EVENT } from '../webhooks/event-types';
import { enqueueWebhooks, type WebhookMessage } from '../webhooks/outbox';
import type { CheckedRow } from './push-check';
import { checkPushPermissions, type PendingWrite } from './push-permissions';
import { PushRefusal } from './push-refusal';
import { readPushState } from './push-reads';
import { sequencedWrite, type SequencedTransaction } from './sequenced';
import { recordAuditNoticed, type AuditEntry } from '../audit/record';

export interface PushOutcome {
  conflicts: Doc[];
  written: number;
  acknowledged: number;
  alarms: number;
}

type Decision = 'write' | 'acknowledge' | 'conflict' | 'alarm';

/**
 * RxDB's rule, plus two acknowledgements that make re-sent batches harmless: a state equal to the
 * server's is accepted without a new write, and an immutable document is never rewritten.
 */
function decide(immutable: boolean, row: CheckedRow, stored: StoredDocument | undefined): Decision {
  if (!stored) return 'write';
  const current = withDeleted(stored.body, stored.deleted);
  if (sameContent(current, withDeleted(row.body, row.deleted))) return 'acknowledge';
  if (immutable) return 'alarm';
  if (!row.assumed) return 'conflict';
  const assumed = { _deleted: false, ...row.assumed };
  return sameContent(current, assumed) ? 'write' : 'conflict';
}

/**
 * Decides every row in order against the stored state (and the rows before it in the batch), then
 * writes all accepted rows at once: the decisions, seq order and webhooks are those of writing the
 * rows one by one, for a handful of statements per push instead of three per document.
 */
export async function applyPush(
  database: SyncDatabase,
  collection: CollectionName,
  device: DeviceActor,
  rows: readonly CheckedRow[],
  options: {
    /**
     * The audit line of an accepted push, written in its transaction: it commits with the write it
     * records, and a push costs one commit, not two.
     */
    auditLine?: (outcome: PushOutcome) => AuditEntry;
  } = {},
): Promise<PushOutcome> {
  const immutable = COLLECTIONS[collection].immutable;
  const writtenBy = `device:${device.id}`;
  const ids = rows.map((r) => r.id);
  return sequencedWrite(
    database.db,
    async (trx) => {
      const { outcome, audited } = await decideAndWrite(trx);
      if (options.auditLine && !audited) await recordAuditNoticed(trx, options.auditLine(outcome));
      return outcome;
    },
    { collection, ids },
  );

  /** The outcome, and whether its audit line went with the upsert (one round trip fewer). */
  async function decideAndWrite(
    trx: SequencedTransaction,
  ): Promise<{ outcome: PushOutcome; audited: boolean }> {
    const state = await readPushState(trx, collection, rows);
    const { stored } = state;
    const outcome: PushOutcome = { conflicts: [], written: 0, acknowledged: 0, alarms: 0 };
    const writes: DocumentWrite[] = [];
    const checks: PendingWrite[] = [];
    // Per row that makes a webhook, in row order: a write or an alarm.
    const announced: ('write' | { stored: StoredDocument; received: CheckedRow })[] = [];
    for (const row of rows) {
      const current = stored.get(row.id);
      if (current && !current.facilities?.includes(device.facilityId)) {
        // An id taken by another facility: neither overwrite it nor show it; refuse the batch.
        throw new PushRefusal(
          row.id,
          'FACILITY_MISMATCH',
          `Document "${row.id}" belongs to another facility; nothing was stored.`,
        );
      }
      const decision = decide(immutable, row, current);
      if (decision === 'write') {
        if (row.deleted) throw deletionRefused(collection, row.id);
        if (collection === 'supply_requests') checkRequestStatusChange(current?.body, row.body);
        checks.push({ body: row.body, stored: current });
        writes.push({
          collection,
          body: row.body,
          deleted: row.deleted,
          writtenBy,
          ...(newlyClosed(collection, current, row) ? { eventType: DELIVERY_CLOSED_EVENT } : {}),
        });
        announced.push('write');
        stored.set(row.id, {
          id: row.id,
          body: row.body,
          deleted: row.deleted,
          facilities: [device.facilityId],
        });
        outcome.written += 1;
      } else if (decision === 'acknowledge') {
        outcome.acknowledged += 1;
      } else if (current) {
        if (decision === 'alarm') {
          announced.push({ stored: current, received: row });
          outcome.alarms += 1;
        }
        outcome.conflicts.push(withDeleted(current.body, current.deleted));
      }
    }
    // Who wrote it, with what role, along which steps: in this transaction, against the users and
    // history held here, so a role changed by the ERP meanwhile is seen.
    await checkPushPermissions(trx, collection, device, checks, state);
    // Each step and substitution decision a request gained reaches the ERP as its own message,
    // beside the document's.
    const steps =
      collection === 'supply_requests'
        ? checks.flatMap(({ body, stored }) => {
            const before = stored?.body as SupplyRequest | undefined;
            const after = body as unknown as SupplyRequest;
            return [...requestStepWebhooks(before, after), ...substitutionWebhooks(before, after)];
          })
        : [];
    // Nothing is written before every row is decided: a refusal above leaves the batch unstored.
    // The live streams' notice goes with the upsert, which runs only when something is written.
    if (collection === 'sign_in_events') await auditSignIns(trx, device, writes);
    const change = { collection, facilities: [device.facilityId] };
    const notice = { channel: database.channel, change };
    if (announced.every((entry) => entry === 'write')) {
      // No alarm to announce among the writes: their messages go with the upsert.
      // The outcome is final here: every row is decided and checked.
      const audit = writes.length > 0 ? options.auditLine?.(outcome) : undefined;
      await upsertDocuments(trx, writes, { notice, announce: true, ...(audit ? { audit } : {}) });
      await enqueueWebhooks(trx, steps);
      return { outcome, audited: audit !== undefined };
    }
    const sequenced = (await upsertDocuments(trx, writes, { notice })).values();
    const messages: WebhookMessage[] = [];
    for (const entry of announced) {
      if (entry === 'write') {
        const next = sequenced.next();
        if (next.done) throw new Error('fewer stored writes than decided');
        messages.push(documentWebhook(next.value));
      } else {
        messages.push(await recordIntegrityAlarm(trx, { collection, device, ...entry }));
      }
    }
    await enqueueWebhooks(trx, [...messages, ...steps]);
    return { outcome, audited: false };
  }
}

/**
 * A stockroom never deletes a record it shares with the centre: an event is reversed, a request
 * cancelled with a reason, a delivery closed, each by a named person the permission model checks.
 * The app deletes none, so a deleted state can only come from a tampered PC, and stored it would
 * skip those checks (an event by nobody in another PC's name, a centre's delivery rewritten). A
 * deletion the centre itself made, sent back unchanged, is acknowledged before this is reached.
 */
function deletionRefused(collection: CollectionName, id: string): PushRefusal {
  return new PushRefusal(
    id,
    'DELETE_NOT_PERMITTED',
    `${COLLECTIONS[collection].title} cannot be deleted from a stockroom PC ("${id}"): reverse, cancel or close it instead. Nothing was stored.`,
  );
}

/** A delivery whose closing arrives with this write: the ERP hears `delivery.closed`. */
function newlyClosed(
  collection: CollectionName,
  stored: StoredDocument | undefined,
  row: CheckedRow,
): boolean {
  return (
    collection === 'deliveries' &&
    !row.deleted &&
    row.body['closure'] !== undefined &&
    (stored?.body['closure'] === undefined || stored.deleted)
  );
}
