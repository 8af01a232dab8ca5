import { DEMO_LOTS } from '../../../renderer/seed/demo-catalogue';
import { demoLabel } from '../../../renderer/seed/demo-labels';

/** The browser's calendar day, which is the day the demo seed used for its expiries. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What a wedge scanner types for a seeded lot's label. */
export function labelOf(lotCode: string): string {
  const lot = DEMO_LOTS.find((l) => l.lotCode === lotCode);
  if (!lot) throw new Error(`no demo lot ${lotCode}`);
  return demoLabel(lot, today());
}
