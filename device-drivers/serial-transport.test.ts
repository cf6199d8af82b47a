// The transport over serialport's mock binding; the real binding on pty pairs is in test/integration/
// (id-reader, receipt-printer and serial-scanner tests).

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { SerialTransport, type ByteTransportEvents, type SerialPortFactory } from './serial-transport';

const PATH = '/dev/ttyMOCK0';
let made: SerialPortMock[] = [];
let modemCalls: Array<{ dtr?: boolean; rts?: boolean }> = [];

/** A mock port whose DTR/RTS ioctl fails, as on a pty or a bare USB bridge. */
const mockPort: SerialPortFactory = (options) => {
  const port = new SerialPortMock(options);
  port.set = (setOptions, callback) => {
    modemCalls.push(setOptions);
    callback?.(new Error('Inappropriate ioctl for device, cannot set'));
  };
  made.push(port);
  return port;
};

/** Every `closed` event the transport sends. */
function recordCloses(transport: SerialTransport): Array<ByteTransportEvents['closed']> {
  const closes: Array<ByteTransportEvents['closed']> = [];
  transport.events.on('closed', (event) => closes.push(event));
  return closes;
}

const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  SerialPortMock.binding.reset();
  made = [];
  modemCalls = [];
});

describe('SerialTransport', () => {
  it('an absent port is a result, not an exception: noDevice when missing, hardwareError when refused', async () => {
    const transport = new SerialTransport({ path: PATH, baudRate: 115200 }, { createPort: mockPort, watchIntervalMs: 0 });
    expect(await transport.open()).toMatchObject({ ok: false });
    expect(await transport.write(Uint8Array.of(1))).toEqual({
      ok: false,
      error: { code: 'noDevice', errorCode: 'portClosed', description: 'serial port is not open' },
    });

    const failing =
      (message: string, code: string): SerialPortFactory =>
      (options) => {
        const port = mockPort(options);
        port.open = (callback) => callback(Object.assign(new Error(message), { code }));
        return port;
      };
    const missing = new SerialTransport(
      { path: PATH, baudRate: 115200 },
      { createPort: failing('ENOENT: no such file or directory', 'ENOENT'), watchIntervalMs: 0 },
    );
    expect(await missing.open()).toMatchObject({ ok: false, error: { code: 'noDevice', errorCode: 'portMissing' } });
    const refused = new SerialTransport(
      { path: PATH, baudRate: 115200 },
      { createPort: failing('EACCES: permission denied', 'EACCES'), watchIntervalMs: 0 },
    );
    expect(await refused.open()).toEqual({
      ok: false,
      error: { code: 'hardwareError', errorCode: 'portUnavailable', description: `cannot open ${PATH}: EACCES: permission denied` },
    });
  });

  it('opens despite a refused DTR/RTS, writes, and passes data on', async () => {
    SerialPortMock.binding.createPort(PATH, { record: true });
    const transport = new SerialTransport(
      { path: PATH, baudRate: 115200, modemLines: { dtr: true, rts: true } },
      { createPort: mockPort, watchIntervalMs: 0 },
    );
    expect(await transport.open()).toEqual({ ok: true, value: undefined });
    expect(transport.isOpen).toBe(true);
    expect(modemCalls).toEqual([{ dtr: true, rts: true }]);
    const received: Uint8Array[] = [];
    transport.events.on('data', (chunk) => received.push(chunk));
    expect(await transport.write(Uint8Array.of(0xaa, 0x01))).toEqual({ ok: true, value: undefined });
    made[0]!.port!.emitData(Buffer.from([0x96, 0x69]));
    await settle();
    expect(received).toEqual([Uint8Array.of(0x96, 0x69)]);
    expect([...made[0]!.port!.recording]).toEqual([0xaa, 0x01]);
  });

  it('leaves the modem lines alone unless asked, and opens one port for opens that overlap', async () => {
    SerialPortMock.binding.createPort(PATH);
    const transport = new SerialTransport({ path: PATH, baudRate: 9600 }, { createPort: mockPort, watchIntervalMs: 0 });
    const [first, second] = await Promise.all([transport.open(), transport.open()]);
    expect(first.ok && second.ok).toBe(true);
    expect(made).toHaveLength(1);
    expect(modemCalls).toEqual([]);
    await transport.close();
  });

  it('a write resolves only once drained, and fails instead of hanging when the port goes meanwhile', async () => {
    SerialPortMock.binding.createPort(PATH);
    const transport = new SerialTransport({ path: PATH, baudRate: 9600 }, { createPort: mockPort, watchIntervalMs: 0 });
    await transport.open();
    let drained: (() => void) | undefined;
    made[0]!.drain = (callback) => {
      drained = () => callback?.(null);
    };
    let done = false;
    const first = transport.write(Uint8Array.of(1)).then((result) => ((done = true), result));
    await settle();
    expect(done).toBe(false);
    drained!();
    expect(await first).toEqual({ ok: true, value: undefined });

    made[0]!.drain = () => undefined; // a drain that never ends: the device stopped taking bytes
    const stuck = transport.write(Uint8Array.of(2));
    await settle();
    await new Promise((resolve) => made[0]!.close(resolve, new Error('disconnected')));
    expect(await stuck).toEqual({
      ok: false,
      error: { code: 'noDevice', errorCode: 'writeFailed', description: 'port closed during write' },
    });
  });

  it('reports an unplug, and a close of its own as not one', async () => {
    SerialPortMock.binding.createPort(PATH);
    const transport = new SerialTransport({ path: PATH, baudRate: 115200 }, { createPort: mockPort, watchIntervalMs: 0 });
    const closes = recordCloses(transport);
    await transport.open();
    // What serialport does itself when a read fails because the device went away.
    await new Promise((resolve) => made[0]!.close(resolve, new Error('disconnected')));
    expect(transport.isOpen).toBe(false);
    await transport.open();
    await transport.close();
    await transport.close();
    expect(closes).toEqual([
      { unplugged: true, reason: 'port closed' },
      { unplugged: false, reason: 'closed' },
    ]);
  });

  it('takes an error on the open port for a loss, and closes the port', async () => {
    SerialPortMock.binding.createPort(PATH);
    const transport = new SerialTransport({ path: PATH, baudRate: 115200 }, { createPort: mockPort, watchIntervalMs: 0 });
    const closes = recordCloses(transport);
    await transport.open();
    made[0]!.emit('error', new Error('EIO'));
    await settle();
    expect(closes).toEqual([{ unplugged: true, reason: 'EIO' }]);
    expect(made[0]!.isOpen).toBe(false);
    made[0]!.emit('error', new Error('late')); // a dropped port's late error is ignored, not thrown
    expect(closes).toHaveLength(1);
  });

  it('treats its device node vanishing as an unplug, and closes the port (serialport can miss a hang-up)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tty-'));
    const node = join(dir, 'ttyUSB0');
    await writeFile(node, '');
    SerialPortMock.binding.createPort(node);
    const transport = new SerialTransport({ path: node, baudRate: 115200 }, { createPort: mockPort, watchIntervalMs: 10 });
    const closes = recordCloses(transport);
    await transport.open();
    await settle(40);
    expect(closes).toEqual([]);
    await rm(dir, { recursive: true });
    await settle(60);
    expect(closes).toEqual([{ unplugged: true, reason: 'device node vanished' }]);
    expect(transport.isOpen).toBe(false);
    expect(made[0]!.isOpen).toBe(false);
  });

  it('treats a new device node at the same path (a quick re-plug) as an unplug', async () => {
    SerialPortMock.binding.createPort(PATH);
    let identity = 'node-1';
    const transport = new SerialTransport(
      { path: PATH, baudRate: 9600 },
      { createPort: mockPort, watchIntervalMs: 10, identifyNode: async () => identity },
    );
    const closes = recordCloses(transport);
    await transport.open();
    identity = 'node-2';
    await settle(40);
    expect(closes).toEqual([{ unplugged: true, reason: 'device node replaced' }]);
    expect(made[0]!.isOpen).toBe(false);
  });
});
