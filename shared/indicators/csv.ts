/**
 * A table as CSV (RFC 4180: CRLF lines, fields with a comma, quote or line break quoted, quotes
 * doubled). A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) is given a
 * leading apostrophe: a lot code or a note from a label must never become a formula.
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly (string | number)[])[]) {
  return [columns, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
