import { normaliseLotCode } from '../model';

/**
 * "Similar lot" hints: a lot on the shelf that differs from a recalled lot only by letter case,
 * leading zeros or one character may be the recalled lot mistyped (by the notice, the label
 * scanner's keyboard mapping or a person). It is shown to a person to check, never treated as a
 * match: DOMAIN.md §2 forbids silent case folding and zero stripping.
 */
export type SimilarityKind = 'case' | 'leading-zeros' | 'one-character';

export interface SimilarLot {
  /** The recalled lot code, as the notice prints it. */
  noticeLotCode: string;
  kinds: SimilarityKind[];
}

export interface SimilarLotIndex {
  similarTo(lotCode: string): SimilarLot[];
}

const stripLeadingZeros = (s: string): string => s.replace(/^0+/, '');
const foldKey = (s: string): string => stripLeadingZeros(s.toUpperCase());

/** Every string made by deleting at most one character, the lot itself included. */
function deletions(s: string): string[] {
  const out = [s];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

/** True when one insertion, deletion or substitution turns `a` into `b` (or they are equal). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  const rest = short.length === long.length ? i + 1 : i;
  return short.slice(rest) === long.slice(i + 1);
}

function similarity(lot: string, recalled: string): SimilarityKind[] {
  const kinds: SimilarityKind[] = [];
  const upper = lot.toUpperCase() === recalled.toUpperCase();
  const zeros = stripLeadingZeros(lot) === stripLeadingZeros(recalled);
  if (upper) kinds.push('case');
  if (zeros) kinds.push('leading-zeros');
  if (!upper && !zeros && foldKey(lot) === foldKey(recalled)) kinds.push('case', 'leading-zeros');
  if (withinOneEdit(lot, recalled)) kinds.push('one-character');
  return kinds;
}

/**
 * Indexes the recalled lot codes so a hint costs a few map lookups per shelf lot, not one
 * comparison per recalled lot: one-edit neighbours share a one-deletion variant (symmetric
 * deletion), and case/zero variants share a folded key.
 */
export function similarLotIndex(recalledLotCodes: readonly string[]): SimilarLotIndex {
  const byFold = new Map<string, Set<string>>();
  const byDeletion = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, lot: string) => {
    const set = map.get(key);
    if (set) set.add(lot);
    else map.set(key, new Set([lot]));
  };
  for (const raw of recalledLotCodes) {
    const lot = normaliseLotCode(raw);
    if (lot === '') continue;
    add(byFold, foldKey(lot), lot);
    for (const variant of deletions(lot)) add(byDeletion, variant, lot);
  }

  return {
    similarTo(lotCode: string): SimilarLot[] {
      const lot = normaliseLotCode(lotCode);
      if (lot === '') return [];
      let candidates: Set<string> | undefined;
      const collect = (found: Set<string> | undefined) => {
        if (found) for (const recalled of found) (candidates ??= new Set()).add(recalled);
      };
      collect(byFold.get(foldKey(lot)));
      for (const variant of deletions(lot)) collect(byDeletion.get(variant));
      if (!candidates) return [];
      candidates.delete(lot);
      const hints: SimilarLot[] = [];
      for (const recalled of candidates) {
        const kinds = similarity(lot, recalled);
        if (kinds.length > 0) hints.push({ noticeLotCode: recalled, kinds });
      }
      return hints.sort((a, b) => (a.noticeLotCode < b.noticeLotCode ? -1 : 1));
    },
  };
}
