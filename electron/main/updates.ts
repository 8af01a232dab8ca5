import { existsSync } from 'node:fs';
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
  if (!existsSync(path.join(resourcesPath, 'app-update.yml'))) {
    logger.info('updates: this build has no update feed configured; not checking');
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
