import type { Kysely } from 'kysely';
import { webhookFailureRates, type Period, type WebhookFailureRate } from '../../shared/indicators';
import type { Database } from '../db/schema';

/**
 * Webhook failure rate per subscription and event type, from the delivery queue joined to the
 * outbox for each message's event type and queueing time. Only messages queued in the period are
 * read. A subscription deleted with its deliveries leaves no trace here (endpoints.ts removes them).
 * `ownerKeyId` narrows to the subscriptions one API key registered: an ERP reads the health of its
 * own receivers, not the identifiers of another integration's.
 */
export async function networkWebhookFailures(
  db: Kysely<Database>,
  period: Period,
  ownerKeyId?: string,
): Promise<WebhookFailureRate[]> {
  let query = db
    .selectFrom('webhook_deliveries as w')
    .innerJoin('outbox as o', 'o.id', 'w.outbox_id')
    .innerJoin('webhook_endpoints as e', 'e.id', 'w.endpoint_id')
    .select(['w.endpoint_id', 'o.event_type', 'o.created_at', 'w.status', 'w.attempts'])
    .where('o.created_at', '>=', new Date(`${period.from}T00:00:00Z`))
    .where('o.created_at', '<', new Date(Date.parse(`${period.to}T00:00:00Z`) + 86_400_000));
  if (ownerKeyId !== undefined) query = query.where('e.owner_key_id', '=', ownerKeyId);
  const rows = await query.execute();
  return webhookFailureRates(
    rows.map((r) => ({
      endpointId: r.endpoint_id,
      eventType: r.event_type,
      queuedAt: r.created_at.toISOString(),
      status: r.status,
      attempts: r.attempts,
    })),
    period,
  );
}
