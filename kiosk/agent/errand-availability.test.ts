import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../errands/catalogue';
import type { GatewayClient } from '../gateway/gateway-client';
import { loadConfig } from '../config/kiosk-config';
import { createDevelopmentDevices } from '../development/development-devices';
import { createErrandAvailability } from './errand-availability';

async function rig(gatewayUp: () => boolean) {
  const { config } = await loadConfig(undefined, '/nonexistent-kiosk-dir');
  const { devices, simulated } = createDevelopmentDevices(config);
  const gateway: GatewayClient = {
    available: gatewayUp,
    fetchCertificates: () => Promise.reject(new Error('not used')),
    close: async () => {},
  };
  const notAuthorised = new Set<string>();
  return { simulated, notAuthorised, availability: createErrandAvailability(devices, gateway, notAuthorised) };
}

const errand = loadCatalogue()[0]!;

describe('errand availability on the home screen', () => {
  it('says "暂不可用" at once while the gateway circuit is open, and offers the errand again when it closes', async () => {
    let up = false;
    const { availability } = await rig(() => up);
    expect(availability(errand)).toMatchObject({ available: false, reason: { zh: expect.stringContaining('暂不可用') } });
    up = true;
    expect(availability(errand)).toEqual({ available: true });
  });

  it('says so when the reader is unplugged, or the printer is out of paper or toner', async () => {
    const { simulated, availability } = await rig(() => true);
    simulated.idReader!.unplug();
    expect(availability(errand).reason?.zh).toContain('读卡器');
    simulated.idReader!.plug();
    simulated.a4Printer!.setPaper('out');
    expect(availability(errand).reason?.zh).toContain('打印机');
    simulated.a4Printer!.setPaper('full');
    expect(availability(errand).available).toBe(true);
  });

  it('names every part that is down, for the one notice on home, and each once', async () => {
    const { simulated, availability } = await rig(() => false);
    simulated.a4Printer!.setPaper('out');
    const answer = availability(errand);
    expect(answer.available).toBe(false);
    expect(answer.kioskProblems?.map((p) => p.zh)).toEqual([
      expect.stringContaining('数据共享平台'),
      expect.stringContaining('打印机缺纸'),
    ]);
    expect(answer.kioskProblems?.every((p) => p.en.length > 0)).toBe(true);
  });

  it('hides an errand the gateway refused to this kiosk, and only that one', async () => {
    const { notAuthorised, availability } = await rig(() => true);
    notAuthorised.add(errand.issueCode);
    expect(availability(errand)).toMatchObject({ available: false, reason: { zh: expect.stringContaining('人工窗口') } });
    // The errand's own reason, not the kiosk's: it stays a tile of its own, out of the notice.
    expect(availability(errand).kioskProblems).toBeUndefined();
    expect(availability(loadCatalogue()[1]!).available).toBe(true);
  });
});
