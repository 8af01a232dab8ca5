import {
  app,
  BrowserWindow,
  ipcMain,
  protocol,
  screen,
  session,
  shell,
  systemPreferences,
} from 'electron';
import log from 'electron-log/main';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { loadEnrolledEndpoint } from './enrolled-endpoint-file';
import { registerBridgeHandlers } from './ipc-guard';
import { guardWebContents } from './navigation-guard';
import { applyPermissionPolicy } from './permission-policy';
import { privateFile } from './private-file';
import { createShellServices } from './shell-services';
import { startUpdateChecks } from './updates';
import { APP_ENTRY_URL, APP_SCHEME, isAllowedExternalUrl } from './url-policy';
import { mainWindowOptions } from './window-options';
import { keepWindowState, loadWindowState } from './window-state-file';

/** Wiring only: every decision lives in the policy modules beside this file. */

const here = path.dirname(fileURLToPath(import.meta.url));
const bundleRoot = path.join(here, '../renderer');
const preloadPath = path.join(here, '../preload/index.cjs');

// Tests and developers may point the profile elsewhere; a packaged app always uses its own.
const userDataOverride = process.env['STOCKROOM_USER_DATA_DIR'];
if (userDataOverride && !app.isPackaged) app.setPath('userData', userDataOverride);

log.transports.file.level = 'info';
log.errorHandler.startCatching({ showDialog: false });

// Before `ready`: the scheme's privileges cannot be granted later.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

async function openMainWindow(): Promise<void> {
  const stateFile = privateFile(path.join(app.getPath('userData'), 'window-state.json'));
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const state = await loadWindowState(stateFile, displays);
  const window = new BrowserWindow(
    mainWindowOptions({ preloadPath, bounds: state.bounds, devTools: !app.isPackaged }),
  );
  mainWindow = window;
  if (state.maximized) window.maximize();
  keepWindowState(window, stateFile, (error) => log.warn('window state not saved', error));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  await window.loadURL(APP_ENTRY_URL);
}

function start(): void {
  app.on('second-instance', () => {
    // One app per PC: a second launch brings the open window forward instead.
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, {
      openExternal: (url) => {
        if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      },
      onRefused: (what, url) => log.warn(`refused ${what}: ${url.slice(0, 200)}`),
    }),
  );

  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(async () => {
      const enrolled = await loadEnrolledEndpoint(
        path.join(app.getPath('userData'), 'enrolled-endpoint.json'),
      );
      protocol.handle(
        APP_SCHEME,
        createAppProtocolHandler({ bundleRoot, enrolledOrigin: () => enrolled.origin() }),
      );
      applyPermissionPolicy(session.defaultSession, {
        onRefused: (permission, url) => log.warn(`refused permission ${permission}: ${url}`),
        ...(process.platform === 'darwin'
          ? { askForCameraAccess: () => systemPreferences.askForMediaAccess('camera') }
          : {}),
      });
      registerBridgeHandlers(ipcMain, createShellServices(app.getPath('userData'), enrolled), {
        isOurWindow: (sender) =>
          mainWindow !== null &&
          !mainWindow.isDestroyed() &&
          (sender as { id?: unknown }).id === mainWindow.webContents.id,
        onRefused: (channel, reason) => log.warn(`refused IPC ${channel}: ${reason}`),
        onFailed: (channel, error) => log.error(`IPC ${channel} failed`, error),
      });
      await openMainWindow();
      if (app.isPackaged) startUpdateChecks(log, process.resourcesPath);
      log.info(`Stockroom Edge ${app.getVersion()} started`);
    })
    .catch((error: unknown) => {
      log.error('start-up failed', error);
      app.exit(1);
    });
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
