import { safeStorage, shell } from 'electron';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createBridgeHandlers } from './bridge-handlers';
import { sendZplToPrinter } from './zpl-printer';
import { createDeviceIdentity } from './device-identity';
import type { EnrolledEndpointSetting } from './enrolled-endpoint-file';
import type { BridgeHandlers } from './ipc-guard';
import { privateFile } from './private-file';
import { createSecretStore } from './secret-store';

/**
 * The OS services behind the bridge, wired to Electron: secrets in `<userData>/secrets.json`
 * (encrypted by safeStorage), the device id in `<userData>/device.json`.
 */
export function createShellServices(
  userDataDir: string,
  enrolledEndpoint: EnrolledEndpointSetting,
  platform = process.platform,
): BridgeHandlers {
  const secrets = createSecretStore({
    safeStorage,
    platform,
    file: privateFile(path.join(userDataDir, 'secrets.json')),
    // Same shape as the web build's per-install key: 256 random bits.
    newDatabaseKey: () => `key-${randomBytes(32).toString('hex')}`,
  });
  const deviceId = createDeviceIdentity({
    file: privateFile(path.join(userDataDir, 'device.json')),
    newDeviceId: () => `desk-${randomBytes(12).toString('hex')}`,
  });
  return createBridgeHandlers({
    secrets,
    deviceId,
    safeStorage,
    platform,
    openExternal: (url) => shell.openExternal(url, { activate: true }),
    enrolledEndpoint,
    sendToLabelPrinter: (address, zpl) => sendZplToPrinter(address, zpl),
  });
}
