/**
 * What Enter in Quantity says when a screen cannot act yet: the first of its needs, in the order a
 * person fills the screen in, that is not met; undefined when everything is there.
 */
export function firstUnmet(
  needs: readonly (readonly [met: unknown, say: string])[],
): string | undefined {
  return needs.find(([met]) => !met)?.[1];
}
