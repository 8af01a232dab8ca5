import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import electronUpdater from 'electron-updater';
import type { Logger } from 'electron-updater';

const EVERY_FOUR_HOURS = 4 * 60 * 60 * 1000;

/**
 * Checks for updates in packaged builds that carry an update feed (app-update.yml, written by
 * electron-builder when the release configuration names one). Stockroom PCs are often offline: a
 * failed check is logged and retried later, never shown as an error.
 */
export function startUpdateChecks(logger: Logger, resourcesPath: string): void {
  const feedFile = path.join(resourcesPath, 'app-update.yml');
  if (!existsSync(feedFile)) {
    logger.info('updates: this build has no update feed configured; not checking');
    return;
  }
  const refused = updateFeedRefusal(readFileSync(feedFile, 'utf8'));
  if (refused !== null) {
    logger.error(`updates: ${refused}; not checking`);
    return;
  }
  // electron-updater is CommonJS: its named exports are reached through the default import.
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = logger;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('error', (error) => logger.warn(`updates: check failed: ${String(error)}`));
  const check = () =>
    autoUpdater
      .checkForUpdatesAndNotify()
      .catch((error: unknown) => logger.warn(`updates: check failed: ${String(error)}`));
  void check();
  setInterval(check, EVERY_FOUR_HOURS).unref();
}

/**
 * Why an update feed (app-update.yml) is refused, or null. An update is code the PC will run, so
 * it comes over https only: over plain http anyone on the hospital network could serve one.
 */
export function updateFeedRefusal(appUpdateYml: string): string | null {
  const urls = [...appUpdateYml.matchAll(/^\s*url:\s*['"]?([^'"\s]+)['"]?\s*$/gm)].map(
    (m) => m[1] ?? '',
  );
  if (urls.length === 0) return 'the update feed names no url';
  for (const url of urls) {
    let protocol: string;
    try {
      protocol = new URL(url).protocol;
    } catch {
      return `the update feed url ${url} is not a URL`;
    }
    if (protocol !== 'https:') return `the update feed url ${url} is not https`;
  }
  return null;
}
