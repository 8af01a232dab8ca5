/**
 * Times as a person reads them: local date and time, and how long ago. Every instant the console
 * shows goes through here, never through an endpoint's sentence (those say UTC), so a row and a
 * refusal about the same moment read the same.
 */
export function formatTime(
  iso: string | null | undefined,
  options: { zone?: boolean } = {},
): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(options.zone ? { timeZoneName: 'short' } : {}),
  });
}

/**
 * An instant inside a sentence, with its zone ("Dec 7, 2026, 09:02 AM GMT+1"): the place where a
 * buyer compares it with a time from the ERP, a ward or a colleague's e-mail. Table columns leave
 * the zone out (every row is in the same one) and say it in the cell's title.
 */
export function formatInstant(iso: string | null | undefined): string {
  return formatTime(iso, { zone: true });
}

export function formatAge(iso: string | null | undefined, now: Date): string {
  if (!iso) return 'never';
  const ms = now.getTime() - Date.parse(iso);
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

export function When({ iso, now }: { iso: string | null | undefined; now: Date }) {
  if (!iso) return <span>never</span>;
  return (
    <time dateTime={iso} title={formatInstant(iso)}>
      {formatAge(iso, now)}
    </time>
  );
}
