/**
 * Badge colours that keep white text at 4.5:1 or better on small type (axe's threshold); Mantine's
 * shade-9 orange and green fall just short of it.
 */
export const TONE = {
  ok: '#1e6b30',
  warn: '#9a3b00',
  bad: '#b02525',
  neutral: '#495057',
  info: '#1864ab',
} as const;
