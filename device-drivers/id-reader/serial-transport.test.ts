// The transport over serialport's mock binding; the real binding on a pty pair is in
// test/integration/id-reader.test.ts.

import { rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { SerialTransport, type SerialPortFactory } from './serial-transport';

const PATH = '/dev/ttyMOCK0';
let made: SerialPortMock[] = [];

/** A mock port whose DTR/RTS ioctl fails, as on a pty or a bare USB bridge. */
const mockPort: SerialPortFactory = (options) => {
  const port = new SerialPortMock(options);
  port.set = (_options, callback) => callback?.(new Error('Inappropriate ioctl for device, cannot set'));
  made.push(port);
  return port;
};

afterEach(() => {
  SerialPortMock.binding.reset();
  made = [];
});

describe('SerialTransport', () => {
  it('an absent port is a result, not an exception', async () => {
    const transport = new SerialTransport({ path: PATH, baudRate: 115200 }, { createPort: mockPort, watchIntervalMs: 0 });
    expect(await transport.open()).toMatchObject({ ok: false });
    expect(await transport.write(Uint8Array.of(1))).toEqual({ ok: false, reason: 'port not open' });
  });

  it('opens despite a refused DTR/RTS, writes, and passes data on', async () => {
    SerialPortMock.binding.createPort(PATH, { record: true });
    const transport = new SerialTransport({ path: PATH, baudRate: 115200 }, { createPort: mockPort, watchIntervalMs: 0 });
    expect(await transport.open()).toEqual({ ok: true });
    expect(transport.isOpen).toBe(true);
    const received: Uint8Array[] = [];
    transport.events.on('data', (chunk) => received.push(chunk));
    expect(await transport.write(Uint8Array.of(0xaa, 0x01))).toEqual({ ok: true });
    made[0]!.port!.emitData(Buffer.from([0x96, 0x69]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toEqual([Uint8Array.of(0x96, 0x69)]);
    expect([...made[0]!.port!.recording]).toEqual([0xaa, 0x01]);
  });

  it('reports an unplug, and a close of its own as not one', async () => {
    SerialPortMock.binding.createPort(PATH);
    const transport = new SerialTransport({ path: PATH, baudRate: 115200 }, { createPort: mockPort, watchIntervalMs: 0 });
    const closes: boolean[] = [];
    transport.events.on('closed', ({ unplugged }) => closes.push(unplugged));
    await transport.open();
    // What serialport does itself when a read fails because the device went away.
    await new Promise((resolve) => made[0]!.close(resolve, new Error('disconnected')));
    expect(transport.isOpen).toBe(false);
    await transport.open();
    await transport.close();
    expect(closes).toEqual([true, false]);
  });

  it('treats its device node vanishing as an unplug, and closes the port (serialport can miss a hang-up)', async () => {
    const node = join(await mkdtemp(join(tmpdir(), 'tty-')), 'ttyUSB0');
    await writeFile(node, '');
    SerialPortMock.binding.createPort(node);
    const transport = new SerialTransport({ path: node, baudRate: 115200 }, { createPort: mockPort, watchIntervalMs: 10 });
    const closes: boolean[] = [];
    transport.events.on('closed', ({ unplugged }) => closes.push(unplugged));
    await transport.open();
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(closes).toEqual([]);
    await rm(node);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(closes).toEqual([true]);
    expect(transport.isOpen).toBe(false);
    expect(made[0]!.isOpen).toBe(false);
  });
});
