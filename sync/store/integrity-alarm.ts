import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type { DeviceActor } from '../auth/device-auth';
import { INTEGRITY_ALARM_EVENT } from '../webhooks/event-types';
import type { WebhookMessage } from '../webhooks/outbox';
import { withDeleted } from './canonical';
import type { StoredDocument } from './documents';
import { jsonb } from './json';
import type { CheckedRow } from './push-check';

/**
 * Same id, different content for an insert-once document: the stored version stays, the received
 * one is kept beside it for people to look at, and the audit log says so; answers the webhook
 * message that announces it, for the caller to queue in order among the batch's other messages.
 */
export async function recordIntegrityAlarm(
  trx: Transaction<Database>,
  alarm: { collection: string; device: DeviceActor; stored: StoredDocument; received: CheckedRow },
): Promise<WebhookMessage> {
  const { collection, device, stored, received } = alarm;
  const receivedDoc = withDeleted(received.body, received.deleted);
  const row = await trx
    .insertInto('integrity_alarms')
    .values({
      collection,
      doc_id: stored.id,
      facility_id: device.facilityId,
      device_id: device.id,
      stored_doc: jsonb(withDeleted(stored.body, stored.deleted)),
      received_doc: jsonb(receivedDoc),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('audit_log')
    .values({
      actor_type: 'device',
      actor_id: device.id,
      ip: null,
      action: 'integrity-alarm',
      target: `${collection}/${stored.id}`,
      outcome: 'alarm',
      status: null,
      detail: jsonb({ alarmId: row.id, facilityId: device.facilityId }),
    })
    .execute();
  return {
    eventType: INTEGRITY_ALARM_EVENT,
    payload: {
      alarmId: row.id,
      collection,
      docId: stored.id,
      facilityId: device.facilityId,
      deviceId: device.id,
    },
  };
}
