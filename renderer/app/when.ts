const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A moment as the stockroom reads it, in this PC's time zone: the app's ISO date, then the 24-hour
 * time ("2026-12-06 20:59"). The browser's own locale format ("12/6/2026, 8:59:30 PM") mixed with
 * the ISO dates everywhere else, and a US order misleads in a hospital that writes days first.
 */
export function when(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
