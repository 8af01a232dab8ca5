import type { PcReport } from '../../shared/console';

/** Contact is recorded at most this often per device: a burst of pulls costs one write. */
export const CONTACT_RESOLUTION_MS = 5_000;

interface KnownContact {
  last_contact_at: Date | null;
  app_version: string | null;
  documents_waiting: number | null;
  reported_at: Date | null;
}

export interface ContactUpdate {
  last_contact_at: Date;
  app_version?: string;
  documents_waiting?: number;
  reported_at?: Date;
}

/**
 * What to write of a device's call: nothing when the last contact is recent and the report says
 * nothing new. A new version, or the PC's queue reaching zero, is written at once, so the console
 * never shows a PC as holding documents it has already sent; other changes of the count wait for
 * the resolution like contact does.
 */
export function contactUpdate(
  known: KnownContact,
  report: PcReport,
  now: Date,
): ContactUpdate | null {
  const stale = (at: Date | null) => !at || at.getTime() < now.getTime() - CONTACT_RESOLUTION_MS;
  const newVersion = report.appVersion !== null && report.appVersion !== known.app_version;
  const newCount = report.waiting !== null && report.waiting !== known.documents_waiting;
  const urgent = newVersion || (newCount && report.waiting === 0);
  const reportDue = urgent || (newCount && stale(known.reported_at));
  if (!reportDue && !stale(known.last_contact_at)) return null;
  const update: ContactUpdate = { last_contact_at: now };
  if (reportDue) {
    if (report.appVersion !== null) update.app_version = report.appVersion;
    if (report.waiting !== null) update.documents_waiting = report.waiting;
    update.reported_at = now;
  }
  return update;
}
