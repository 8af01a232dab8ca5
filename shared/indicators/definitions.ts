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
};
