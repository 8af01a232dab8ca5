import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { DEFAULT_WEDGE_SETTINGS, type WedgeSettings } from '../scanning/wedge-decoder';

/** This PC's own settings (not stock data): how its scanner types, when it locks, where it syncs. */
export interface DeviceSettings {
  wedge: WedgeSettings;
  lockAfterSeconds: number;
  /** Central endpoint URL; empty means none configured (demo facility on first run). */
  endpoint: string;
  /** Where this PC's stockroom work happens by default. */
  homeLocationId: string;
  /** The Zebra label printer on the network (host[:port]), set by an admin; '' for none. */
  labelPrinter: string;
  update(patch: Partial<Omit<DeviceSettings, 'update'>>): void;
}

export const useDeviceSettings = create<DeviceSettings>()(
  persist(
    (set) => ({
      wedge: DEFAULT_WEDGE_SETTINGS,
      lockAfterSeconds: 300,
      endpoint: '',
      homeLocationId: 'LOC-A1',
      labelPrinter: '',
      update: (patch) => set(patch),
    }),
    {
      name: 'stockroom.device-settings',
      // Settings saved by an older version lack newer wedge fields: defaults fill them in.
      merge: (saved, current) => {
        const stored = (saved ?? {}) as Partial<DeviceSettings>;
        return {
          ...current,
          ...stored,
          wedge: { ...DEFAULT_WEDGE_SETTINGS, ...stored.wedge },
        };
      },
    },
  ),
);
