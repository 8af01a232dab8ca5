import { Socket } from 'node:net';
import { parsePrinterAddress } from '../../shared/labels/printer-address';
import type { BridgeResult } from '../../shared/platform/desktop-bridge';

/** A printer that has not taken the label by then is reported, not waited for. */
export const PRINTER_TIMEOUT_MS = 5000;

/**
 * Sends raw ZPL to a network label printer (TCP, port 9100 by default) and answers once the
 * printer has read it all and closed the connection, or with words for the tech.
 */
export function sendZplToPrinter(
  address: string,
  zpl: string,
  timeoutMs = PRINTER_TIMEOUT_MS,
): Promise<BridgeResult<null>> {
  const target = parsePrinterAddress(address);
  if (!target.ok) {
    return Promise.resolve({ ok: false, error: { code: 'ipc-refused', message: target.message } });
  }
  return new Promise((resolve) => {
    const socket = new Socket();
    let settled = false;
    const finish = (result: BridgeResult<null>) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(result);
    };
    const unreachable = (why: string) =>
      finish({
        ok: false,
        error: {
          code: 'printer-unreachable',
          message: `The label printer at ${target.text} ${why}. Check that it is on, loaded and on the network, or download the ZPL and print it another way.`,
        },
      });
    socket.setTimeout(timeoutMs, () => unreachable(`did not answer within ${timeoutMs / 1000} s`));
    socket.once('error', () => unreachable('could not be reached'));
    // Raw port 9100 closes its side once it has read the job to our end: that, not the bytes
    // leaving this PC, is what says the printer took the label.
    socket.once('close', (hadError) => {
      if (!hadError) finish({ ok: true, value: null });
    });
    socket.on('data', () => {}); // status bytes some printers send back; reading lets 'close' come
    socket.connect(target.port, target.host, () => socket.end(zpl, 'utf8'));
  });
}
