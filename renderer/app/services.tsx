import { createContext, useContext } from 'react';
import type { Platform } from '../platform/platform';
import type { AppSync } from '../replication/app-sync';
import type { StockroomDatabase } from '../store/collections';

/** What every screen needs, made once at start-up and handed down by context. */
export interface AppServices {
  db: StockroomDatabase;
  platform: Platform;
  deviceId: string;
  facilityId: string;
  /** Replication with the centre; its status says "not connected" in demo mode. */
  sync?: AppSync;
}

export const ServicesContext = createContext<AppServices | undefined>(undefined);

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside the started app');
  return services;
}

/** The facility's calendar day, YYYY-MM-DD, by this PC's local clock. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
