import type { StockroomDatabase } from './collections';

/** The highest sequence number this device has used; 0 before its first event. */
export async function lastDeviceSeq(db: StockroomDatabase, deviceId: string): Promise<number> {
  const last = await db.stock_events
    .findOne({ selector: { deviceId }, sort: [{ deviceId: 'desc' }, { deviceSeq: 'desc' }] })
    .exec();
  return last?.deviceSeq ?? 0;
}
