import { DESKTOP_BRIDGE_VERSION, type DesktopBridge } from '../../shared/platform/desktop-bridge';
import { desktopPlatform } from './desktop-platform';
import type { Platform } from './platform';
import type { SealedSecrets } from './sealed-secrets';
import { webPlatform, type KeyValueStorage } from './web-platform';

declare global {
  interface Window {
    stockroom?: DesktopBridge;
  }
}

function isBridge(value: unknown): value is DesktopBridge {
  if (typeof value !== 'object' || value === null) return false;
  const bridge = value as Partial<DesktopBridge>;
  return (
    bridge.version === DESKTOP_BRIDGE_VERSION &&
    typeof bridge.getDatabaseKey === 'function' &&
    typeof bridge.getDeviceId === 'function'
  );
}

/** Decided once at start-up: the shell's bridge when it is there and speaks our version. */
export function choosePlatform(
  bridge: unknown,
  storage: KeyValueStorage,
  secrets?: SealedSecrets,
): Platform {
  return isBridge(bridge) ? desktopPlatform(bridge) : webPlatform(storage, secrets);
}
