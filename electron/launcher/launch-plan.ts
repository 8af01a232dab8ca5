import type { InstallOutcome } from './electron-runtime';
import type { DesktopUnavailable } from './launch-messages';

/** Where `npm start` goes: the desktop binary, or web mode and why. */
export type LaunchPlan =
  { mode: 'desktop'; binary: string } | { mode: 'web'; reason: DesktopUnavailable };

export interface LaunchPlanDeps {
  version: string;
  /** The mirror's host, for the message. */
  host: string;
  findBinary(): string | null;
  /** Whether the download host answers at all, within a short timeout. */
  canReachHost(): Promise<boolean>;
  /** Runs the electron package's download step; `download` says whether a real download may run. */
  install(download: boolean): Promise<InstallOutcome>;
  onDownloadStart(): void;
  isRootOnLinux: boolean;
}

/**
 * Decides without ever blocking long where no route exists: the host probe is short, and when it
 * fails the download step still runs briefly, because a cached archive installs offline.
 */
export async function planLaunch(deps: LaunchPlanDeps): Promise<LaunchPlan> {
  let binary = deps.findBinary();
  if (!binary) {
    const reachable = await deps.canReachHost();
    if (reachable) deps.onDownloadStart();
    const installed = await deps.install(reachable);
    binary = installed.ok ? deps.findBinary() : null;
    if (!binary) {
      const kind = reachable ? 'download-failed' : 'no-route';
      return { mode: 'web', reason: { kind, version: deps.version, host: deps.host } };
    }
  }
  if (deps.isRootOnLinux) return { mode: 'web', reason: { kind: 'running-as-root' } };
  return { mode: 'desktop', binary };
}
