// The HID driver's timing and hot-plug logic against a fake HID stack (node-hid itself is exercised in the QEMU
// integration test).

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hidPosReports, utf8, withAimId } from '../../test/emulators/hid-pos-report-builder';
import type { ScannedCode } from './code-scanner';
import { createHidCodeScanner } from './hid-code-scanner';
import type { HidConnection, HidDeviceInfo, HidOpenResult, HidTransport } from './hid-transport';

class FakeConnection implements HidConnection {
  closed = false;
  private report: ((report: Uint8Array) => void) | undefined;
  private lost: ((reason: string) => void) | undefined;
  onReport(listener: (report: Uint8Array) => void) {
    this.report = listener;
  }
  onLost(listener: (reason: string) => void) {
    this.lost = listener;
  }
  async close() {
    this.closed = true;
  }
  send(reports: Uint8Array[]) {
    for (const report of reports) this.report?.(report);
  }
  lose() {
    this.lost?.('read error');
  }
}

class FakeHid implements HidTransport {
  devices: HidDeviceInfo[] = [];
  openFailure: string | null = null;
  connections: FakeConnection[] = [];
  listCalls = 0;
  async list(vendorId: number, productId: number) {
    this.listCalls += 1;
    return this.devices.filter((device) => device.vendorId === vendorId && device.productId === productId);
  }
  async open(path: string): Promise<HidOpenResult> {
    if (this.openFailure) return { ok: false, error: this.openFailure };
    if (!this.devices.some((device) => device.path === path)) return { ok: false, error: 'ENOENT' };
    const connection = new FakeConnection();
    this.connections.push(connection);
    return { ok: true, value: connection };
  }
  get last(): FakeConnection {
    const connection = this.connections.at(-1);
    if (!connection) throw new Error('no connection');
    return connection;
  }
  plug(usagePage = 0x8c, path = '/dev/hidraw0') {
    this.devices.push({ path, vendorId: 0x0c2e, productId: 0x0b61, usagePage });
  }
}

function setUp() {
  const hid = new FakeHid();
  const scanner = createHidCodeScanner({
    vendorId: 0x0c2e,
    productId: 0x0b61,
    transport: hid,
    retryDelaysMs: [100, 1000],
    now: () => Date.now(),
  });
  const reads: ScannedCode[] = [];
  const changes: Array<Record<string, string>> = [];
  scanner.events.on('read', (code) => reads.push(code));
  scanner.events.on('statusChanged', (change) => changes.push({ ...change }));
  return { hid, scanner, reads, changes };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('HidCodeScanner', () => {
  it('finds the scanner when it is plugged in after open, and reads scans once enabled', async () => {
    const { hid, scanner, reads, changes } = setUp();
    await scanner.open();
    expect(scanner.status()).toEqual({ device: 'noDevice', scanner: 'off' });
    expect(await scanner.enable()).toEqual({
      ok: false,
      error: { code: 'noDevice', errorCode: 'unplugged', description: 'no HID device 0c2e:0b61' },
    });

    hid.plug();
    await vi.advanceTimersByTimeAsync(100);
    expect(scanner.status()).toEqual({ device: 'online', scanner: 'off' });
    hid.last.send(hidPosReports(withAimId(utf8('IGNORED-WHILE-OFF'))));
    expect(await scanner.enable()).toEqual({ ok: true, value: undefined });
    hid.last.send(hidPosReports(withAimId(utf8('KIOSK-0001'))));
    expect(reads).toEqual([{ symbology: ']Q1', data: 'KIOSK-0001' }]);
    expect(changes).toEqual([{ device: 'noDevice' }, { device: 'online' }, { scanner: 'on' }]);
    await scanner.close();
  });

  it('ends a scan that fills its last report by the 50 ms idle rule', async () => {
    const { hid, scanner, reads } = setUp();
    hid.plug();
    await scanner.open();
    await scanner.enable();
    hid.last.send(hidPosReports(utf8('9'.repeat(124))));
    await vi.advanceTimersByTimeAsync(49);
    expect(reads).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(reads).toEqual([{ symbology: 'unknown', data: '9'.repeat(124) }]);
    await scanner.close();
  });

  it('goes to noDevice when the device is lost, drops the half scan, and re-attaches with the scanner still on', async () => {
    const { hid, scanner, reads, changes } = setUp();
    hid.plug();
    await scanner.open();
    await scanner.enable();
    const first = hid.last;
    first.send(hidPosReports(utf8('H'.repeat(100))).slice(0, 1));
    hid.devices = [];
    first.lose();
    await vi.advanceTimersByTimeAsync(0);
    expect(first.closed).toBe(true);
    expect(scanner.status()).toEqual({ device: 'noDevice', scanner: 'off' });

    await vi.advanceTimersByTimeAsync(1100); // two attempts with nothing there
    hid.plug();
    await vi.advanceTimersByTimeAsync(1000);
    expect(scanner.status()).toEqual({ device: 'online', scanner: 'on' });
    hid.last.send(hidPosReports(utf8('BACK')));
    expect(reads).toEqual([{ symbology: 'unknown', data: 'BACK' }]);
    expect(changes.slice(-2)).toEqual([
      { device: 'noDevice', scanner: 'off' },
      { device: 'online', scanner: 'on' },
    ]);
    expect(scanner.diagnostics()).toEqual({ attaches: 2, detaches: 1, rejected: {}, lastProblem: null });
    await scanner.close();
  });

  it('reports a device it cannot open as a hardware error, with the reason, and keeps trying', async () => {
    const { hid, scanner } = setUp();
    hid.plug();
    hid.openFailure = 'EACCES: permission denied';
    await scanner.open();
    expect(scanner.status().device).toBe('hardwareError');
    expect(await scanner.enable()).toMatchObject({
      ok: false,
      error: { code: 'hardwareError', description: 'cannot open /dev/hidraw0: EACCES: permission denied' },
    });
    hid.openFailure = null;
    await vi.advanceTimersByTimeAsync(100);
    expect(scanner.status().device).toBe('online');
    await scanner.close();
  });

  it('opens the HID POS interface of a scanner that has several, and refuses one left in keyboard mode', async () => {
    const { hid, scanner } = setUp();
    hid.plug(0x01, '/dev/hidraw0');
    hid.plug(0x8c, '/dev/hidraw1');
    const open = vi.spyOn(hid, 'open');
    await scanner.open();
    expect(open).toHaveBeenCalledWith('/dev/hidraw1');
    await scanner.close();

    const keyboardOnly = setUp();
    keyboardOnly.hid.plug(0x01);
    await keyboardOnly.scanner.open();
    expect(keyboardOnly.scanner.status().device).toBe('hardwareError');
    expect(keyboardOnly.scanner.diagnostics().lastProblem).toMatch(/set the scanner to HID POS mode/);
    await keyboardOnly.scanner.close();
  });

  it('reset drops the half scan, reopens the device and leaves the scanner off', async () => {
    const { hid, scanner, reads } = setUp();
    hid.plug();
    await scanner.open();
    await scanner.enable();
    hid.last.send(hidPosReports(utf8('P'.repeat(100))).slice(0, 1));
    const before = hid.last;
    expect(await scanner.reset()).toEqual({ ok: true, value: undefined });
    expect(before.closed).toBe(true);
    expect(hid.connections).toHaveLength(2);
    expect(scanner.status()).toEqual({ device: 'online', scanner: 'off' });
    await scanner.enable();
    hid.last.send(hidPosReports(utf8('NEW')));
    await vi.advanceTimersByTimeAsync(100);
    expect(reads).toEqual([{ symbology: 'unknown', data: 'NEW' }]);
    await scanner.close();
  });

  it('counts refused scans by reason, never by content', async () => {
    const { hid, scanner, reads } = setUp();
    hid.plug();
    await scanner.open();
    await scanner.enable();
    hid.last.send(hidPosReports(Uint8Array.of(0xff, 0xfe)));
    expect(reads).toEqual([]);
    expect(scanner.diagnostics().rejected).toEqual({ undecodable: 1 });
    await scanner.close();
  });

  it('stops looking after close', async () => {
    const { hid, scanner } = setUp();
    await scanner.open();
    await scanner.close();
    const calls = hid.listCalls;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(hid.listCalls).toBe(calls);
    expect(scanner.status()).toEqual({ device: 'offline', scanner: 'off' });
  });
});
