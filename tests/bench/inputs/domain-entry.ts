/** The shared/ functions figure 4 times, bundled by Vite as the app ships them (see vite-bundle.ts). */
export {
  planReplenishment,
  orderMultiplesFrom,
} from '../../../shared/replenishment/replenishment-plan';
export { onOrderFrom } from '../../../shared/replenishment/on-order';
export { availableFrom, locationItemKey } from '../../../shared/replenishment/stock-key';
export { summariseAvailability, noRecalls } from '../../../shared/inventory/availability';
export { foldLedger } from '../../../shared/inventory/ledger-fold';
export { matchStock } from '../../../shared/recall/stock-match';
export { flagIssuedLots } from '../../../shared/recall/issued-lot-flags';
