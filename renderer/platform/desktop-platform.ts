import type { BridgeResult, DesktopBridge } from '../../shared/platform/desktop-bridge';
import { PlatformFailure, type Platform } from './platform';

async function value<T>(call: Promise<BridgeResult<T>>): Promise<T> {
  const result = await call;
  if (result.ok) return result.value;
  throw new PlatformFailure(result.error.code, result.error.message);
}

/** The desktop shell: the key lives in the OS's secure storage behind the preload bridge. */
export function desktopPlatform(bridge: DesktopBridge): Platform {
  return {
    kind: 'desktop',
    keyProtection: 'os-secure-storage',
    databaseKey: () => value(bridge.getDatabaseKey()),
    deviceId: () => value(bridge.getDeviceId()),
    deviceToken: () => value(bridge.getDeviceToken()),
    setDeviceToken: async (token) => {
      await value(bridge.setDeviceToken(token));
    },
    clearDeviceToken: async () => {
      await value(bridge.clearDeviceToken());
    },
    setEnrolledEndpoint: async (address) => {
      await value(bridge.setEnrolledEndpoint(address));
    },
    sendToLabelPrinter: async (address, zpl) => {
      await value(bridge.sendToLabelPrinter(address, zpl));
    },
  };
}
