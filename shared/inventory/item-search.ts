import type { Item } from '../model';

/**
 * Finds items for a label that cannot be scanned: by name, catalogue number, GTIN (any of its
 * 8/12/13/14-digit forms) or HIBCC code. Every word of the query must appear; digits-only queries
 * also match a GTIN by its end, as people read the last digits off a worn label.
 */
export function searchItems(items: readonly Item[], query: string, limit = 20): Item[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const digits = /^\d{4,14}$/.test(query.trim()) ? query.trim() : undefined;
  const found: Item[] = [];
  for (const item of items) {
    const haystack = [item.name, item.catalogNumber ?? '', ...item.gtins, ...item.hibccCodes]
      .join(' ')
      .toLowerCase();
    const byWords = words.every((w) => haystack.includes(w));
    const byGtinEnd = digits !== undefined && item.gtins.some((g) => g.endsWith(digits));
    if (byWords || byGtinEnd) found.push(item);
    if (found.length >= limit) break;
  }
  return found;
}
