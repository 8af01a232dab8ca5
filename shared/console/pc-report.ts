/**
 * What a stockroom PC tells the centre about itself on every replication call, so the console can
 * show each PC's app version and the documents it holds that have not reached the centre. Sent as
 * headers rather than in a body so that pulls, pushes and the live stream all carry it.
 */
export const PC_APP_VERSION_HEADER = 'x-stockroom-app-version';
export const PC_WAITING_HEADER = 'x-stockroom-waiting';

export interface PcReport {
  /** The app's version, e.g. `0.1.0` or `1.4.0-rc.2+build.7`. */
  appVersion: string | null;
  /** Documents written on the PC that the centre has not acknowledged yet. */
  waiting: number | null;
}

/** A version as semver writes it, bounded; anything else is ignored rather than stored. */
const VERSION = /^[0-9A-Za-z][0-9A-Za-z.+-]{0,39}$/;
const MAX_WAITING = 1_000_000_000;

/** The headers a PC sends; values it cannot vouch for are left out. */
export function pcReportHeaders(report: PcReport): Record<string, string> {
  const headers: Record<string, string> = {};
  if (report.appVersion !== null && VERSION.test(report.appVersion)) {
    headers[PC_APP_VERSION_HEADER] = report.appVersion;
  }
  if (report.waiting !== null && Number.isSafeInteger(report.waiting) && report.waiting >= 0) {
    headers[PC_WAITING_HEADER] = String(Math.min(report.waiting, MAX_WAITING));
  }
  return headers;
}

/**
 * Reads what a PC reported. The headers come from an enrolled but untrusted device: a value that
 * is malformed, too long or out of range is treated as not reported, never stored as given, and
 * never refuses the call it rode on (the replication matters more than the report).
 */
export function readPcReport(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): PcReport {
  const version = single(headers[PC_APP_VERSION_HEADER]);
  const waiting = single(headers[PC_WAITING_HEADER]);
  const count = waiting !== undefined && /^\d{1,10}$/.test(waiting) ? Number(waiting) : NaN;
  return {
    appVersion: version !== undefined && VERSION.test(version) ? version : null,
    waiting: Number.isSafeInteger(count) && count <= MAX_WAITING ? count : null,
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}
