import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  applyPermissionPolicy,
  decidePermissionCheck,
  decidePermissionRequest,
  isCameraOnly,
} from '../../electron/main/permission-policy';

const ours = 'app://bundle/index.html';
const camera = {
  permission: 'media',
  requestingUrl: ours,
  topLevelUrl: ours,
  isMainFrame: true,
  mediaTypes: ['video'],
};

describe('permission requests: the camera, only for our page', () => {
  it('grants the camera to our top frame', () => {
    expect(decidePermissionRequest(camera)).toBe(true);
  });

  it.each([
    ['the microphone', { mediaTypes: ['audio'] }],
    ['camera and microphone together', { mediaTypes: ['video', 'audio'] }],
    ['media with no device named', { mediaTypes: [] }],
    ['media with the device list missing', { mediaTypes: undefined }],
    ['an unknown device type', { mediaTypes: ['screen'] }],
    ['a sub-frame', { isMainFrame: false }],
    [
      'another origin',
      { requestingUrl: 'https://evil.example/', topLevelUrl: 'https://evil.example/' },
    ],
    [
      'a look-alike origin',
      { requestingUrl: 'app://bundle.evil/', topLevelUrl: 'app://bundle.evil/' },
    ],
    ['credentials in the origin', { requestingUrl: 'app://user@bundle/' }],
    ['our frame inside a foreign page', { topLevelUrl: 'https://evil.example/' }],
    ['a missing top-level URL', { topLevelUrl: undefined }],
    ['a file: page', { requestingUrl: 'file:///tmp/x.html', topLevelUrl: 'file:///tmp/x.html' }],
  ])('refuses %s', (_why, change) => {
    expect(decidePermissionRequest({ ...camera, ...change })).toBe(false);
  });

  it.each([
    'geolocation',
    'notifications',
    'clipboard-read',
    'display-capture',
    'hid',
    'usb',
    'serial',
    'midiSysex',
    'openExternal',
    'fullscreen',
    'pointerLock',
    'fileSystem',
    'unknown',
  ])('refuses %s even to our own page', (permission) => {
    expect(decidePermissionRequest({ ...camera, permission })).toBe(false);
  });

  it('accepts only a non-empty list of video devices', () => {
    expect(isCameraOnly(['video', 'video'])).toBe(true);
    expect(isCameraOnly(['video', 'audio'])).toBe(false);
    expect(isCameraOnly([])).toBe(false);
    expect(isCameraOnly(undefined)).toBe(false);
  });
});

describe('permission checks follow the same rule', () => {
  const check = {
    permission: 'media',
    requestingOrigin: 'app://bundle',
    topLevelUrl: ours,
    isMainFrame: true,
    mediaType: 'video',
  };

  it('answers yes only for video from our top frame', () => {
    expect(decidePermissionCheck(check)).toBe(true);
    expect(decidePermissionCheck({ ...check, mediaType: 'audio' })).toBe(false);
    expect(decidePermissionCheck({ ...check, mediaType: 'unknown' })).toBe(false);
    expect(decidePermissionCheck({ ...check, isMainFrame: false })).toBe(false);
    expect(decidePermissionCheck({ ...check, requestingOrigin: 'app://bundle:80' })).toBe(false);
    expect(decidePermissionCheck({ ...check, requestingOrigin: 'http://127.0.0.1:5173' })).toBe(
      false,
    );
    expect(decidePermissionCheck({ ...check, permission: 'geolocation' })).toBe(false);
  });
});

describe('applyPermissionPolicy wiring on a session', () => {
  type RequestHandler = (
    contents: { getURL(): string } | null,
    permission: string,
    callback: (granted: boolean) => void,
    details: Record<string, unknown>,
  ) => void;
  type CheckHandler = (
    contents: { getURL(): string } | null,
    permission: string,
    origin: string,
    details: Record<string, unknown>,
  ) => boolean;

  function session(askForCameraAccess?: () => Promise<boolean>) {
    const handlers: {
      request?: RequestHandler;
      check?: CheckHandler;
      device?: () => boolean;
    } = {};
    const refused: string[] = [];
    const fake = {
      setPermissionRequestHandler: (h: RequestHandler) => (handlers.request = h),
      setPermissionCheckHandler: (h: CheckHandler) => (handlers.check = h),
      setDevicePermissionHandler: (h: () => boolean) => (handlers.device = h),
    };
    applyPermissionPolicy(fake as unknown as Session, {
      onRefused: (permission, url) => refused.push(`${permission} ${url}`),
      ...(askForCameraAccess ? { askForCameraAccess } : {}),
    });
    const request = (permission: string, details: Record<string, unknown>, page = ours) =>
      new Promise<boolean>((resolve) =>
        handlers.request!({ getURL: () => page }, permission, resolve, details),
      );
    return { handlers, refused, request };
  }

  it('grants the camera and refuses the microphone through the real handler', async () => {
    const { request, refused } = session();
    const details = { requestingUrl: ours, isMainFrame: true };
    expect(await request('media', { ...details, mediaTypes: ['video'] })).toBe(true);
    expect(await request('media', { ...details, mediaTypes: ['audio'] })).toBe(false);
    expect(await request('geolocation', details)).toBe(false);
    expect(refused).toEqual([`media ${ours}`, `geolocation ${ours}`]);
  });

  it('passes the OS answer through where the OS asks the user (macOS)', async () => {
    const denied = session(async () => false);
    const details = { requestingUrl: ours, isMainFrame: true, mediaTypes: ['video'] };
    expect(await denied.request('media', details)).toBe(false);
    const failing = session(() => Promise.reject(new Error('no TCC')));
    expect(await failing.request('media', details)).toBe(false);
  });

  it('refuses the camera to a foreign page loaded in our window', async () => {
    const { request } = session();
    const details = { requestingUrl: ours, isMainFrame: true, mediaTypes: ['video'] };
    expect(await request('media', details, 'https://evil.example/')).toBe(false);
  });

  it('installs a check handler and refuses every device permission', () => {
    const { handlers } = session();
    const contents = { getURL: () => ours };
    expect(
      handlers.check!(contents, 'media', 'app://bundle', { isMainFrame: true, mediaType: 'video' }),
    ).toBe(true);
    expect(handlers.check!(contents, 'hid', 'app://bundle', { isMainFrame: true })).toBe(false);
    expect(handlers.device!()).toBe(false);
  });
});
