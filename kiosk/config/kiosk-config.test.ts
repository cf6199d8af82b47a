import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { realHardware } from '../../test/support/real-hardware-config';
import { hashPin } from '../maintenance/pin-hash';
import { ConfigError, loadConfig, parseConfig } from './kiosk-config';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('kiosk configuration', () => {
  it('says whether the A4 printer prints black only (stamps then print black), by default not', () => {
    expect(parseConfig(realHardware, 'test').devices.a4Printer).toEqual({ ...realHardware.devices.a4Printer, monochrome: false });
    const monochrome = {
      ...realHardware,
      devices: { ...realHardware.devices, a4Printer: { ...realHardware.devices.a4Printer, monochrome: true } },
    };
    expect(parseConfig(monochrome, 'test').devices.a4Printer).toMatchObject({ monochrome: true });
  });

  it('with no file named, runs simulated devices and the bundled gateway simulator', async () => {
    const { config, source } = await loadConfig(undefined, dir);
    expect(source).toBe('embedded default');
    expect(config.production).toBe(false);
    expect(config.devices.idReader.driver).toBe('simulated');
    expect(config.devices.a4Printer.driver).toBe('simulated');
    expect(config.gateway.mode).toBe('simulator');
    expect(config.dataDir).toBe(join(dir, '.kiosk-data'));
  });

  it("accepts the README's real-hardware example and resolves its paths beside the file", async () => {
    const file = join(dir, 'kiosk.json');
    await writeFile(file, JSON.stringify(realHardware));
    const { config } = await loadConfig(file);
    expect(config.devices.scanner).toEqual({ driver: 'hid', vendorId: '0c2e', productId: '10d3', encoding: 'utf-8' });
    expect(config.gateway.mode === 'remote' && config.gateway.caFile).toBe(join(dir, 'gateway-ca.pem'));
    expect(config.dataDir).toBe('/var/lib/kiosk');
  });

  it('names an optional textfile directory for node_exporter, resolved beside the file like every path', async () => {
    expect(parseConfig(realHardware, 'test').metrics).toEqual({ textfileDir: '/var/lib/prometheus/node-exporter' });
    const { metrics: _metrics, ...withoutMetrics } = realHardware;
    expect(parseConfig(withoutMetrics, 'test').metrics).toEqual({});
    const file = join(dir, 'kiosk.json');
    await writeFile(file, JSON.stringify({ ...realHardware, metrics: { textfileDir: 'textfile' } }));
    expect((await loadConfig(file)).config.metrics.textfileDir).toBe(join(dir, 'textfile'));
    expect(() => parseConfig({ ...realHardware, metrics: { textfileDirectory: '/tmp' } }, 'test')).toThrow(/metrics/);
  });

  it('template updates and the verifier page are optional; the trusted root resolves beside the file, and a verifier must be https', async () => {
    expect(parseConfig(realHardware, 'test')).toMatchObject({ templates: null, verifier: null });
    const file = join(dir, 'kiosk.json');
    const templates = { repositoryUrl: 'https://templates.example.gov.cn/kiosk/', trustedRootFile: 'tuf-root.json', ring: 1 };
    await writeFile(file, JSON.stringify({ ...realHardware, templates, verifier: { url: 'https://verify.example.gov.cn/kq1' } }));
    const { config } = await loadConfig(file);
    expect(config.templates).toEqual({ ...templates, trustedRootFile: join(dir, 'tuf-root.json'), pollMinutes: 15 });
    expect(config.verifier).toEqual({ url: 'https://verify.example.gov.cn/kq1' });
    expect(() => parseConfig({ ...realHardware, verifier: { url: 'http://verify.example.gov.cn/kq1' } }, 'test')).toThrow(/verifier\.url/);
    expect(() => parseConfig({ ...realHardware, templates: { ...templates, ring: 10 } }, 'test')).toThrow(/templates\.ring/);
  });

  it('a nightly restart window is optional, in Asia/Shanghai time, and a bad one is named', () => {
    expect(parseConfig(realHardware, 'test').restart).toBeNull();
    expect(parseConfig({ ...realHardware, restart: { window: '23:30-00:30' } }, 'test').restart).toEqual({
      window: { text: '23:30-00:30', startMinute: 1410, endMinute: 30 },
    });
    expect(() => parseConfig({ ...realHardware, restart: { window: '3-4' } }, 'test')).toThrow(/restart\.window/);
    expect(() => parseConfig({ ...realHardware, restart: { window: '03:00-03:00' } }, 'test')).toThrow(/restart\.window/);
  });

  it('a receipt printer is optional', () => {
    const { receiptPrinter: _none, ...devices } = realHardware.devices;
    expect(parseConfig({ ...realHardware, devices }, 'test').devices.receiptPrinter).toBeNull();
  });

  it('names the bad key', () => {
    const bad = { ...realHardware, devices: { ...realHardware.devices, idReader: { driver: 'serial', baudRate: 115200 } } };
    expect(() => parseConfig(bad, 'kiosk.json')).toThrow(/devices\.idReader\.path/);
    const badBaud = {
      ...realHardware,
      devices: { ...realHardware.devices, idReader: { driver: 'serial', path: '/dev/ttyUSB0', baudRate: 12345 } },
    };
    expect(() => parseConfig(badBaud, 'kiosk.json')).toThrow(/devices\.idReader\.baudRate/);
    expect(() => parseConfig({ ...realHardware, colour: 'blue' }, 'kiosk.json')).toThrow(/colour/);
    expect(() => parseConfig({ ...realHardware, gateway: { ...realHardware.gateway, url: 'http://plain' } }, 'kiosk.json')).toThrow(
      /gateway\.url/,
    );
  });

  it('service points: none by default in a file, sample ones in the embedded default, every bad one named', async () => {
    expect(parseConfig(realHardware, 'test').servicePoints).toEqual([]);
    expect((await loadConfig(undefined, dir)).config.servicePoints.length).toBeGreaterThan(0);
    const window = {
      kind: 'window',
      name: { zh: '市民之家综合窗口', en: 'Citizen Home windows' },
      place: { zh: '一楼', en: 'Ground floor' },
      hours: { zh: '周一至周五 9:00–17:00', en: 'Mon–Fri 9:00–17:00' },
    };
    expect(parseConfig({ ...realHardware, servicePoints: [window] }, 'test').servicePoints).toEqual([window]);
    const noEnglishHours = { ...window, hours: { zh: '24 小时' } };
    expect(() => parseConfig({ ...realHardware, servicePoints: [window, noEnglishHours] }, 'kiosk.json')).toThrow(
      /servicePoints\.1\.hours\.en/,
    );
  });

  it('maintenance access: the key file beside the configuration, staff ids to PIN hashes, a plain PIN refused', async () => {
    const pinHash = hashPin('482915', { ln: 10, r: 8, p: 1 });
    const file = join(dir, 'kiosk.json');
    await writeFile(
      file,
      JSON.stringify({ ...realHardware, maintenance: { publicKeyFile: 'maintenance.pem', staff: { 'staff-0042': pinHash } } }),
    );
    const { config } = await loadConfig(file);
    expect(config.maintenance).toEqual({ publicKeyFile: join(dir, 'maintenance.pem'), staff: { 'staff-0042': pinHash } });
    expect(parseConfig(realHardware, 'test').maintenance).toBeNull();
    expect(() =>
      parseConfig({ ...realHardware, maintenance: { publicKeyFile: 'k.pem', staff: { 'staff-0042': '482915' } } }, 'kiosk.json'),
    ).toThrow(/maintenance\.staff\.staff-0042: a PIN hash/);
  });

  it('a production kiosk refuses simulated devices and the gateway simulator', () => {
    const simulated = {
      ...realHardware,
      devices: { ...realHardware.devices, a4Printer: { driver: 'simulated' } },
      gateway: { mode: 'simulator' },
    };
    let message = '';
    try {
      parseConfig(simulated, 'kiosk.json');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/devices\.a4Printer\.driver: a production kiosk cannot use simulated devices/);
    expect(message).toMatch(/gateway\.mode: a production kiosk cannot use the gateway simulator/);
  });

  it('a named file that is missing or not JSON stops the start with the reason', async () => {
    await expect(loadConfig(join(dir, 'nope.json'))).rejects.toThrow(/does not exist/);
    const file = join(dir, 'broken.json');
    await writeFile(file, '{ "kioskId": ');
    await expect(loadConfig(file)).rejects.toThrow(ConfigError);
    await expect(loadConfig(file)).rejects.toThrow(/not valid JSON/);
  });

  it("keeps the citizen's right to at least ten extensions", () => {
    expect(() => parseConfig({ ...realHardware, session: { maxExtensions: 3 } }, 'kiosk.json')).toThrow(/session\.maxExtensions/);
  });
});
