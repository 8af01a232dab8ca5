/** A label held in view is decoded on every frame; it counts as a new scan only after this long. */
export const REPEAT_AFTER_MS = 3000;

/**
 * Says whether a decoded text is a new scan: a different text than the last one, or the same text
 * once REPEAT_AFTER_MS have passed since it was last reported.
 */
export function createRepeatFilter(
  now: () => number = () => performance.now(),
): (text: string) => boolean {
  let lastText = '';
  let lastAt = 0;
  return (text) => {
    if (text === lastText && now() - lastAt <= REPEAT_AFTER_MS) return false;
    lastText = text;
    lastAt = now();
    return true;
  };
}
