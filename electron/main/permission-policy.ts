import type { Session } from 'electron';
import { isAppUrl } from './url-policy';

/**
 * The app asks for one thing: the camera, to read barcodes. Every other permission (microphone,
 * geolocation, notifications, USB, HID, serial, screen capture, clipboard reading…) is refused,
 * and the camera only for our own origin's top frame.
 */

export interface PermissionRequest {
  permission: string;
  /** The URL of the frame that asks. */
  requestingUrl: unknown;
  /** The URL of the window's top document. */
  topLevelUrl: unknown;
  isMainFrame: boolean;
  /** For 'media': which devices are asked for. */
  mediaTypes?: readonly unknown[];
}

export function isCameraOnly(mediaTypes: readonly unknown[] | undefined): boolean {
  return (
    Array.isArray(mediaTypes) && mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video')
  );
}

export function decidePermissionRequest(request: PermissionRequest): boolean {
  return (
    request.permission === 'media' &&
    request.isMainFrame &&
    isAppUrl(request.requestingUrl) &&
    isAppUrl(request.topLevelUrl) &&
    isCameraOnly(request.mediaTypes)
  );
}

export interface PermissionCheck {
  permission: string;
  requestingOrigin: unknown;
  topLevelUrl: unknown;
  isMainFrame: boolean;
  /** For 'media': 'video', 'audio' or 'unknown'. */
  mediaType?: unknown;
}

/** Synchronous checks (e.g. enumerating cameras) follow the same rule as requests. */
export function decidePermissionCheck(check: PermissionCheck): boolean {
  return (
    check.permission === 'media' &&
    check.mediaType === 'video' &&
    check.isMainFrame &&
    isAppUrl(check.requestingOrigin) &&
    isAppUrl(check.topLevelUrl)
  );
}

export interface PermissionPolicyDeps {
  /** macOS asks the user for camera access separately from Chromium; resolves with the answer. */
  askForCameraAccess?: () => Promise<boolean>;
  onRefused(permission: string, url: string): void;
}

export function applyPermissionPolicy(session: Session, deps: PermissionPolicyDeps): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    const granted = decidePermissionRequest({
      permission,
      requestingUrl: details.requestingUrl,
      topLevelUrl: contents?.getURL(),
      isMainFrame: details.isMainFrame,
      mediaTypes,
    });
    if (!granted) {
      deps.onRefused(permission, details.requestingUrl);
      callback(false);
      return;
    }
    if (!deps.askForCameraAccess) {
      callback(true);
      return;
    }
    deps.askForCameraAccess().then(callback, () => callback(false));
  });

  session.setPermissionCheckHandler((contents, permission, requestingOrigin, details) =>
    decidePermissionCheck({
      permission,
      requestingOrigin,
      topLevelUrl: contents?.getURL() ?? details.embeddingOrigin,
      isMainFrame: details.isMainFrame,
      mediaType: details.mediaType,
    }),
  );

  // WebUSB/HID/serial devices are never granted; screen capture needs a display-media handler,
  // which the app never installs, so getDisplayMedia is refused by Electron itself.
  session.setDevicePermissionHandler(() => false);
}
