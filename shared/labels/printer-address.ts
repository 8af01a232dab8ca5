/** Zebra printers take raw ZPL on TCP port 9100 unless IT has changed it. */
export const ZPL_DEFAULT_PORT = 9100;

export type PrinterAddressResult =
  { ok: true; host: string; port: number; text: string } | { ok: false; message: string };

const HOSTNAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/;

/**
 * A label printer's network address as an admin types it: `host`, `host:port` or `[v6]:port`.
 * Only a host and a port: no scheme, path or user, since the PC sends raw ZPL to a socket.
 */
export function parsePrinterAddress(input: string): PrinterAddressResult {
  const text = input.trim();
  const refuse = (why: string): PrinterAddressResult => ({
    ok: false,
    message: `"${text}" is not a printer address: ${why}. Enter the printer's name or IP address, with :port if it is not ${ZPL_DEFAULT_PORT} (for example 10.20.1.45 or zebra-dock.local:9100).`,
  });
  if (text === '') return refuse('it is empty');
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const plain = /^([^:[\]]+)(?::(\d+))?$/.exec(text);
  const host = bracketed?.[1] ?? plain?.[1];
  const portText = bracketed?.[2] ?? plain?.[2];
  if (host === undefined) return refuse('it has more than a host and a port');
  if (bracketed ? !IPV6.test(host) : !HOSTNAME.test(host)) return refuse('the host is not valid');
  const port = portText === undefined ? ZPL_DEFAULT_PORT : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return refuse('the port is not 1–65535');
  return { ok: true, host, port, text: bracketed ? `[${host}]:${port}` : `${host}:${port}` };
}
