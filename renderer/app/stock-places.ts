import type { Location } from '../../shared/model';

/**
 * The kinds of location that hold stockroom stock (a department consumes it; it does not hold it):
 * where a lot can be counted, adjusted or moved between. Order does not matter to LocationSelect.
 */
export const STOCK_PLACES: readonly Location['kind'][] = [
  'shelf',
  'dock',
  'quarantine',
  'stockroom',
];
