import { describe, expect, it } from 'vitest';
import { SimulatedCodeScanner } from '../../device-drivers/code-scanner/simulated-code-scanner';
import { verifyMaintenanceCode } from '../maintenance/maintenance-code';
import { verifyPin } from '../maintenance/pin-hash';
import { createDevelopmentMaintenance, maintenanceCodeVariants, type MaintenanceCodeVariant } from './development-maintenance';
import { handleSimulatedDevice } from './simulated-device-api';

const kioskId = 'kiosk-dev-0001';
const maintenance = createDevelopmentMaintenance(kioskId);

const expected: Record<MaintenanceCodeVariant, ReturnType<typeof verifyMaintenanceCode>['ok']> = {
  valid: true,
  expired: false,
  otherKiosk: false,
  badSignature: false,
  tooLongLived: false,
};

describe('development maintenance access', () => {
  it('one staff member, dev-staff, whose PIN 2468 matches the hash the key holds', async () => {
    expect(maintenance.staff).toEqual({ staffId: 'dev-staff', pin: '2468' });
    expect(Object.keys(maintenance.key.staff)).toEqual(['dev-staff']);
    expect(await verifyPin('2468', maintenance.key.staff['dev-staff']!)).toBe(true);
    expect(await verifyPin('2469', maintenance.key.staff['dev-staff']!)).toBe(false);
  });

  it('mints each variant so the kiosk accepts it or refuses it for that very reason', () => {
    const now = new Date();
    for (const variant of maintenanceCodeVariants) {
      const result = verifyMaintenanceCode(maintenance.mintCode(variant, now), { key: maintenance.key, kioskId, now });
      expect(result.ok, variant).toBe(expected[variant]);
      if (!result.ok) expect(result.error).toBe(variant);
      else expect(result.value.staffId).toBe('dev-staff');
    }
  });

  it('a new start makes a new key: codes of the last one are refused', () => {
    const next = createDevelopmentMaintenance(kioskId);
    const result = verifyMaintenanceCode(maintenance.mintCode('valid'), { key: next.key, kioskId, now: new Date() });
    expect(result).toEqual({ ok: false, error: 'badSignature' });
  });
});

describe("the dev panel's maintenanceCode action", () => {
  it('scans the minted code through the simulated scanner', async () => {
    const scanner = new SimulatedCodeScanner();
    await scanner.enable();
    const reads: string[] = [];
    scanner.events.on('read', (read) => reads.push(read.data));
    for (const variant of maintenanceCodeVariants) {
      expect(handleSimulatedDevice({ scanner }, 'scanner', { action: 'maintenanceCode', variant }, maintenance)).toEqual({
        status: 200,
        body: { ok: true },
      });
    }
    expect(reads).toHaveLength(maintenanceCodeVariants.length);
    const results = reads.map((code) => verifyMaintenanceCode(code, { key: maintenance.key, kioskId, now: new Date() }));
    expect(results.map((r) => (r.ok ? 'valid' : r.error))).toEqual([...maintenanceCodeVariants]);
  });

  it('refuses an unknown variant, and answers 404 where the configuration names the real key', async () => {
    const scanner = new SimulatedCodeScanner();
    await scanner.enable();
    expect(handleSimulatedDevice({ scanner }, 'scanner', { action: 'maintenanceCode', variant: 'forged' }, maintenance).status).toBe(400);
    expect(handleSimulatedDevice({ scanner }, 'scanner', { action: 'maintenanceCode', variant: 'valid' }, null)).toEqual({
      status: 404,
      body: { error: 'no development maintenance key: the configuration names the maintenance key' },
    });
    // The plain scan still works.
    expect(handleSimulatedDevice({ scanner }, 'scanner', { action: 'scan', data: 'KQ1:x' }).status).toBe(200);
  });
});
