/**
 * How numbers read in explanations. Quantities are whole units almost always; when a caller
 * passes fractions we show at most two decimals rather than floating-point noise.
 */
export function formatQuantity(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

/** Statistics (mean, standard deviation) read best with one decimal. */
export function formatDecimal(value: number): string {
  return String(Number(value.toFixed(1)));
}

/** "item ITM-1 at LOC-A1", the place a par level is about, for messages. */
export function parLevelPlace(level: { itemId: string; locationId: string }): string {
  return `item ${level.itemId} at ${level.locationId}`;
}

export function formatDays(days: number): string {
  return days === 1 ? '1 day' : `${formatDecimal(days)} days`;
}
