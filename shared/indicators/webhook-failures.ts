import { inPeriod, type Period } from './period';
import { share } from './stats';

export const DELIVERY_OUTCOMES = ['pending', 'in-flight', 'delivered', 'dead', 'gone'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** One webhook message to one subscription, as the delivery queue keeps it. */
export interface WebhookDeliveryRecord {
  endpointId: string;
  eventType: string;
  /** When the event was queued (the outbox's time): what places the delivery in a period. */
  queuedAt: string;
  status: DeliveryOutcome;
  attempts: number;
}

export interface WebhookFailureRate {
  endpointId: string;
  eventType: string;
  deliveries: number;
  attempts: number;
  failedAttempts: number;
  /** failedAttempts ÷ attempts; null while nothing was attempted. */
  failureRate: number | null;
}

/**
 * Every attempt failed except the one that delivered: the queue keeps a count per message, not a
 * row per attempt, and only a 2xx answer ends a message as delivered.
 */
export function failedAttemptsOf(d: Pick<WebhookDeliveryRecord, 'status' | 'attempts'>): number {
  return d.status === 'delivered' ? Math.max(0, d.attempts - 1) : d.attempts;
}

/**
 * Webhook failure rate per subscription and event type: failed delivery attempts ÷ attempts, over
 * the messages queued in the period, the worst first.
 */
export function webhookFailureRates(
  deliveries: Iterable<WebhookDeliveryRecord>,
  period: Period,
): WebhookFailureRate[] {
  const groups = new Map<string, WebhookFailureRate>();
  for (const d of deliveries) {
    if (!inPeriod(d.queuedAt, period)) continue;
    const key = JSON.stringify([d.endpointId, d.eventType]);
    const group = groups.get(key) ?? {
      endpointId: d.endpointId,
      eventType: d.eventType,
      deliveries: 0,
      attempts: 0,
      failedAttempts: 0,
      failureRate: null,
    };
    group.deliveries += 1;
    group.attempts += d.attempts;
    group.failedAttempts += failedAttemptsOf(d);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, failureRate: share(g.failedAttempts, g.attempts) }))
    .sort(
      (a, b) =>
        (b.failureRate ?? -1) - (a.failureRate ?? -1) ||
        a.endpointId.localeCompare(b.endpointId) ||
        a.eventType.localeCompare(b.eventType),
    );
}
