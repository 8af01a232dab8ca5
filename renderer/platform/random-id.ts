/** A random identifier from the platform's cryptographic generator, safe for RxDB ids. */
export function randomId(prefix: string, bytes = 12): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  const hex = Array.from(buffer, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${prefix}-${hex}`;
}
