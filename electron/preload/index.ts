import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_BRIDGE_GLOBAL } from '../../shared/platform/desktop-bridge';
import { createDesktopBridge } from './bridge';

// A closure over ipcRenderer, not ipcRenderer itself: exposing it would hand the page every channel.
contextBridge.exposeInMainWorld(
  DESKTOP_BRIDGE_GLOBAL,
  createDesktopBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
