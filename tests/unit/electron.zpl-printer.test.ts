import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendZplToPrinter } from '../../electron/main/zpl-printer';
import { argumentCheck } from '../../electron/main/ipc-arguments';
import { parsePrinterAddress } from '../../shared/labels';

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.destroy());
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A stand-in Zebra printer: a real TCP listener that keeps what it is sent. */
async function printer(behaviour: 'take' | 'silent' = 'take') {
  const received: string[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    if (behaviour === 'silent') return; // reads nothing and never closes: a jammed printer
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('end', () => {
      received.push(text);
      socket.end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { port, received };
}

describe('sending ZPL to a network label printer', () => {
  it('delivers every byte of the label to host:port', async () => {
    const zebra = await printer();
    const zpl = '^XA^PQ2^FO30,60^BCN,110,N,N,N,N^FD>;>8010950400005910117270929>610FC2409A^FS^XZ\n';
    const sent = await sendZplToPrinter(`127.0.0.1:${zebra.port}`, zpl);
    expect(sent).toEqual({ ok: true, value: null });
    await expect.poll(() => zebra.received).toEqual([zpl]);
  });

  it('says in words when nothing listens there', async () => {
    const zebra = await printer();
    await new Promise((r) => servers.pop()!.close(r));
    const sent = await sendZplToPrinter(`127.0.0.1:${zebra.port}`, '^XA^XZ');
    expect(sent.ok).toBe(false);
    if (!sent.ok) {
      expect(sent.error.code).toBe('printer-unreachable');
      expect(sent.error.message).toContain(`127.0.0.1:${zebra.port}`);
      expect(sent.error.message).toContain('download the ZPL');
    }
  });

  it('gives up on a printer that connects but never takes the label', async () => {
    const zebra = await printer('silent');
    const sent = await sendZplToPrinter(`127.0.0.1:${zebra.port}`, '^XA^FDX^FS^XZ', 300);
    expect(sent).toMatchObject({ ok: false, error: { code: 'printer-unreachable' } });
    if (!sent.ok) expect(sent.error.message).toContain('did not answer');
  });

  it('refuses an address that is more than a host and a port, before any connection', async () => {
    for (const address of ['http://10.0.0.5', 'zebra:99999', 'a b', 'user@host:9100', '']) {
      const sent = await sendZplToPrinter(address, '^XA^XZ');
      expect(sent, address).toMatchObject({ ok: false, error: { code: 'ipc-refused' } });
    }
  });
});

describe('printer addresses as an admin types them', () => {
  it.each([
    ['10.20.1.45', '10.20.1.45:9100'],
    ['zebra-dock.local:6101', 'zebra-dock.local:6101'],
    ['[fd00::45]:9100', '[fd00::45]:9100'],
    [' 10.20.1.45 ', '10.20.1.45:9100'],
  ])('%s is %s', (input, text) => {
    expect(parsePrinterAddress(input)).toMatchObject({ ok: true, text });
  });
});

describe('the bridge call is checked in the main process', () => {
  it('takes an address and printable ZPL only', () => {
    const check = argumentCheck('sendToLabelPrinter');
    expect(check.check(['10.0.0.5', '^XA^FDA^FS^XZ\n'])).toBe(true);
    expect(check.check(['10.0.0.5', '^XA\u0000^XZ'])).toBe(false);
    expect(check.check(['10.0.0.5'])).toBe(false);
    expect(check.check(['10.0.0.5', 'x'.repeat(16_385)])).toBe(false);
  });
});
