/**
 * What each indicator means, in the words shown to the reader on hover or tap. One place, so the
 * stockroom dashboard, the console and the API's documentation say the same thing.
 */
export const INDICATOR_IDS = [
  'count-accuracy',
  'expiring-value',
  'expiry-waste',
  'stockouts',
  'stockout-risk',
  'recall-response',
  'order-cycle-time',
  'urgent-acknowledgement',
  'fill-rate',
  'sync-lag',
  'webhook-failure-rate',
  'supplier-lead-time',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export interface IndicatorDefinition {
  title: string;
  /** One or two sentences: what is counted, over what, and how. */
  definition: string;
  unit: 'share' | 'units' | 'value' | 'hours' | 'minutes' | 'item-locations' | 'days';
}

export const INDICATORS: Readonly<Record<IndicatorId, IndicatorDefinition>> = {
  'count-accuracy': {
    title: 'Count accuracy',
    definition:
      'The share of counts in the period whose counted quantity was within the count tolerance (5 %) of the book. A count waiting for approval counts; its approval does not count again.',
    unit: 'share',
  },
  'expiring-value': {
    title: 'Expiring value',
    definition:
      'Units on hand, and their value at unit cost, whose lot expires within 30, 60 or 90 days from today. Each band includes the shorter ones. Lots already expired are shown apart.',
    unit: 'value',
  },
  'expiry-waste': {
    title: 'Wasted to expiry',
    definition:
      'Units, and their value at unit cost, thrown away because they expired: waste and downward adjustments recorded with the reason "expired", per calendar month (UTC).',
    unit: 'units',
  },
  stockouts: {
    title: 'Stockouts',
    definition:
      'Item-locations with nothing available (on hand less quarantined, all lots) at the end of a day while the item was issued from there in the 30 days to that day. Stockout days add up every such item-location and day of the period.',
    unit: 'item-locations',
  },
  'stockout-risk': {
    title: 'Stockout risk',
    definition:
      'Item-locations whose days of cover — what is available divided by the average daily usage of the last 30 days — are fewer than the lead time of their par level.',
    unit: 'item-locations',
  },
  'recall-response': {
    title: 'Recall response time',
    definition:
      'Hours from a recall notice reaching the facility to every matched unit in quarantine, and to the case closed; median and 90th percentile per recall class, over the cases received in the period.',
    unit: 'hours',
  },
  'order-cycle-time': {
    title: 'Order cycle time',
    definition:
      'Hours from a request being submitted to it being received; median and 90th percentile per priority, over the requests received in the period.',
    unit: 'hours',
  },
  'fill-rate': {
    title: 'Fill rate',
    definition:
      'Of the requests whose first delivery was received in the period: the share of requested lines that delivery brought complete (line fill rate), and the share of requested units it brought (unit fill rate). Later deliveries of the same request do not count.',
    unit: 'share',
  },
  'urgent-acknowledgement': {
    title: 'Time to acknowledge urgent requests',
    definition:
      'Minutes from an urgent request being submitted to someone acknowledging (or deciding) it, against the service level of its priority; a request still waiting past its target counts as late.',
    unit: 'minutes',
  },
  'sync-lag': {
    title: 'Sync lag',
    definition:
      'Per facility: hours since each of its PCs (revoked ones left out) last reached the centre with a successful push or pull, judged now; and hours from a stock event happening on a PC to the centre receiving it, over the events received in the period — median, 90th percentile and maximum, the maximum being the latest-arriving event. A PC clock running ahead counts as no delay.',
    unit: 'hours',
  },
  'webhook-failure-rate': {
    title: 'Webhook failure rate',
    definition:
      'Per subscription and event type: the share of delivery attempts that failed (no answer, or anything but 2xx), over the messages queued in the period. Every attempt of a message fails except the one that delivered it; a dead letter sent again starts its count anew.',
    unit: 'share',
  },
  'supplier-lead-time': {
    title: 'Supplier lead time',
    definition:
      "Per supplier: days from ordering to receipt — mean, standard deviation (sample) and 90th percentile — over the deliveries received in the period. The ERP sends no order or shipment time, so ordering is the 'ordered' step of the supply request the delivery fulfils, and receipt is the first receive booked against the delivery (else the request's first 'received' step); deliveries without a request are left out.",
    unit: 'days',
  },
};
