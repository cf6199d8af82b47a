// The serial driver's framing, timing and reconnection against serialport's mock binding (the real serialport on
// a pty pair is in test/integration/serial-scanner.test.ts).

import { SerialPortMock } from 'serialport';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScannedCode } from './code-scanner';
import { createSerialCodeScanner, type OpenSerialPort, type SerialPortLike } from './serial-code-scanner';

const PATH = '/dev/ttyMOCK0';

function setUp() {
  const ports: SerialPortMock[] = [];
  const openPort: OpenSerialPort = ({ path, baudRate }) => {
    const port = new SerialPortMock({ path, baudRate, autoOpen: false });
    ports.push(port);
    return port;
  };
  const scanner = createSerialCodeScanner({
    path: PATH,
    terminator: 'CR',
    encoding: 'utf-8',
    interByteTimeoutMs: 100,
    retryDelaysMs: [50],
    openPort,
    presence: null,
    now: () => Date.now(),
  });
  const reads: ScannedCode[] = [];
  scanner.events.on('read', (code) => reads.push(code));
  const last = () => {
    const port = ports.at(-1);
    if (!port?.port) throw new Error('no open port');
    return port;
  };
  /** Bytes from the scanner, delivered through the mock binding's read loop. */
  const receive = async (text: string | Uint8Array) => {
    last().port?.emitData(Buffer.from(text));
    await vi.advanceTimersByTimeAsync(0);
  };
  return { scanner, reads, ports, last, receive };
}

beforeEach(() => {
  vi.useFakeTimers();
  SerialPortMock.binding.reset();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('SerialCodeScanner', () => {
  it('reads codes cut on the terminator, only while enabled', async () => {
    SerialPortMock.binding.createPort(PATH);
    const { scanner, reads, receive } = setUp();
    await scanner.open();
    expect(scanner.status()).toEqual({ device: 'online', scanner: 'off' });
    await receive('BEFORE\r');
    await scanner.enable();
    await receive(']Q1KIOSK');
    await receive('-0001\rNEXT\r');
    expect(reads).toEqual([
      { symbology: ']Q1', data: 'KIOSK-0001' },
      { symbology: 'unknown', data: 'NEXT' },
    ]);
    await scanner.close();
  });

  it('throws away a piece left without a terminator past the inter-byte timeout', async () => {
    SerialPortMock.binding.createPort(PATH);
    const { scanner, reads, receive } = setUp();
    await scanner.open();
    await scanner.enable();
    await receive('GARBAGE');
    await vi.advanceTimersByTimeAsync(100);
    expect(scanner.diagnostics().rejected).toEqual({ incompleteFrame: 1 });
    await receive('CLEAN\r');
    expect(reads).toEqual([{ symbology: 'unknown', data: 'CLEAN' }]);
    await scanner.close();
  });

  it('reports a disconnected port as noDevice and reopens it', async () => {
    SerialPortMock.binding.createPort(PATH);
    const { scanner, reads, last, receive } = setUp();
    const changes: Array<Record<string, string>> = [];
    scanner.events.on('statusChanged', (change) => changes.push({ ...change }));
    await scanner.open();
    await scanner.enable();
    // What serialport does on a read error: closes the stream with a disconnect error.
    last().close(undefined, Object.assign(new Error('EIO'), { disconnected: true }));
    await vi.advanceTimersByTimeAsync(0);
    expect(scanner.status()).toEqual({ device: 'noDevice', scanner: 'off' });
    await vi.advanceTimersByTimeAsync(50);
    expect(scanner.status()).toEqual({ device: 'online', scanner: 'on' });
    await receive('AGAIN\r');
    expect(reads).toEqual([{ symbology: 'unknown', data: 'AGAIN' }]);
    expect(changes).toEqual([
      { device: 'online' },
      { scanner: 'on' },
      { device: 'noDevice', scanner: 'off' },
      { device: 'online', scanner: 'on' },
    ]);
    await scanner.close();
  });

  it('tells a missing port (noDevice) from one it may not open (hardwareError)', async () => {
    const failing =
      (message: string, code: string): OpenSerialPort =>
      () => {
        const port: SerialPortLike = new SerialPortMock({ path: PATH, baudRate: 9600, autoOpen: false });
        port.open = (callback) => callback(Object.assign(new Error(message), { code }));
        return port;
      };
    const missing = createSerialCodeScanner({
      path: PATH,
      openPort: failing(`ENOENT: no such file or directory, open '${PATH}'`, 'ENOENT'),
      presence: null,
    });
    await missing.open();
    expect(missing.status().device).toBe('noDevice');
    expect(await missing.enable()).toMatchObject({ ok: false, error: { code: 'noDevice', errorCode: 'portMissing' } });
    await missing.close();

    const denied = createSerialCodeScanner({ path: PATH, openPort: failing('EACCES: permission denied', 'EACCES'), presence: null });
    await denied.open();
    expect(denied.status().device).toBe('hardwareError');
    expect(denied.diagnostics().lastProblem).toBe(`cannot open ${PATH}: EACCES: permission denied`);
    await denied.close();
  });

  it('notices a device node that vanished or was replaced even when the port says nothing', async () => {
    SerialPortMock.binding.createPort(PATH);
    let identity: string | null = 'node-1';
    const ports: SerialPortMock[] = [];
    const scanner = createSerialCodeScanner({
      path: PATH,
      retryDelaysMs: [50],
      presence: { intervalMs: 200, identify: async () => identity },
      openPort: ({ path, baudRate }) => {
        const port = new SerialPortMock({ path, baudRate, autoOpen: false });
        ports.push(port);
        return port;
      },
    });
    await scanner.open();
    expect(scanner.status().device).toBe('online');
    identity = 'node-2'; // unplugged and plugged back between two checks: a new node at the same path
    await vi.advanceTimersByTimeAsync(200);
    expect(scanner.diagnostics()).toMatchObject({ detaches: 1, lastProblem: 'port lost: device node replaced' });
    await vi.advanceTimersByTimeAsync(50);
    expect(scanner.status().device).toBe('online');
    expect(ports).toHaveLength(2);
    await scanner.close();
  });
});
