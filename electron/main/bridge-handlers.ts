import type { BridgeResult, DesktopError } from '../../shared/platform/desktop-bridge';
import type { EnrolledEndpointSetting } from './enrolled-endpoint-file';
import type { BridgeHandlers } from './ipc-guard';
import type { SecretStore } from './secret-store';
import { secureStorageStatus, type SafeStorageApi } from './secure-storage-status';
import { isAllowedExternalUrl } from './url-policy';

export const LINK_NOT_ALLOWED: DesktopError = {
  code: 'link-not-allowed',
  message:
    'This link leads to a site outside the list the desktop app may open, so it was not opened. If you need it, copy the address into your browser yourself.',
};

export interface BridgeHandlerDeps {
  secrets: SecretStore;
  deviceId(): Promise<string>;
  safeStorage: SafeStorageApi;
  platform: NodeJS.Platform;
  /** Electron's shell.openExternal. */
  openExternal(url: string): Promise<void>;
  /** The origin the pages' Content-Security-Policy lets them reach. */
  enrolledEndpoint: EnrolledEndpointSetting;
  /** Raw ZPL to a network label printer (zpl-printer.ts). */
  sendToLabelPrinter(address: string, zpl: string): Promise<BridgeResult<null>>;
}

const endpointRefused = (reason: string): DesktopError => ({
  code: 'ipc-refused',
  message: `The desktop app keeps only an https endpoint (plain http only on this PC): ${reason}. Enter the address IT gave you, starting with https://.`,
});

/** What each bridge method does once the IPC guard has let the call through. */
export function createBridgeHandlers(deps: BridgeHandlerDeps): BridgeHandlers {
  return {
    getDatabaseKey: () => deps.secrets.databaseKey(),
    getDeviceId: async () => ({ ok: true, value: await deps.deviceId() }),
    getDeviceToken: () => deps.secrets.get('device-token'),
    setDeviceToken: (token) => deps.secrets.set('device-token', token),
    clearDeviceToken: () => deps.secrets.remove('device-token'),
    getSecureStorageStatus: async () => ({
      ok: true,
      value: await secureStorageStatus(deps.safeStorage, deps.platform),
    }),
    openExternal: async (url) => {
      if (!isAllowedExternalUrl(url)) return { ok: false, error: LINK_NOT_ALLOWED };
      await deps.openExternal(url);
      return { ok: true, value: null };
    },
    setEnrolledEndpoint: async (address) => {
      if (address === null) {
        await deps.enrolledEndpoint.clear();
        return { ok: true, value: null };
      }
      const set = await deps.enrolledEndpoint.set(address);
      return set.ok ? { ok: true, value: null } : { ok: false, error: endpointRefused(set.reason) };
    },
    sendToLabelPrinter: (address, zpl) => deps.sendToLabelPrinter(address, zpl),
  };
}
