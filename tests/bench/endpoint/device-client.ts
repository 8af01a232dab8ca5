import type { StockEvent } from '../../../shared/model';

export interface BenchDevice {
  deviceId: string;
  facilityId: string;
  token: string;
}

export async function enrollDevice(url: string, code: string): Promise<BenchDevice> {
  const response = await fetch(`${url}/v1/devices/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${code}` },
    body: JSON.stringify({ deviceName: 'Bench PC' }),
  });
  if (response.status !== 201) throw new Error(`enroll answered ${response.status}`);
  return (await response.json()) as BenchDevice;
}

/** One push as RxDB's replication sends it; throws unless every event was taken without conflict. */
export async function pushEvents(url: string, device: BenchDevice, events: readonly StockEvent[]) {
  const response = await fetch(`${url}/v1/replication/stock_events/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(
      events.map((e) => ({
        assumedMasterState: null,
        newDocumentState: { ...e, _deleted: false },
      })),
    ),
  });
  const body = (await response.json()) as unknown;
  if (response.status !== 200 || !Array.isArray(body) || body.length > 0) {
    throw new Error(`push answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  }
}
