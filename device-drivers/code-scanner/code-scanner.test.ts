import { describe, expect, it } from 'vitest';
import { scannerUsable, type CodeScannerStatus } from './code-scanner';
import { SimulatedCodeScanner } from './simulated-code-scanner';

describe('scannerUsable', () => {
  it.each<[CodeScannerStatus, boolean]>([
    [{ device: 'online', scanner: 'off' }, true],
    [{ device: 'online', scanner: 'on' }, true],
    [{ device: 'starting', scanner: 'off' }, false],
    [{ device: 'noDevice', scanner: 'off' }, false],
    [{ device: 'hardwareError', scanner: 'off' }, false],
    [{ device: 'offline', scanner: 'off' }, false],
  ])('%j → %s', (status, usable) => {
    expect(scannerUsable(status)).toBe(usable);
  });

  it('follows a scanner that is enabled, then unplugged: a scanner that is away is off', async () => {
    const scanner = new SimulatedCodeScanner();
    await scanner.enable();
    expect(scanner.status()).toEqual({ device: 'online', scanner: 'on' });
    scanner.unplug();
    expect(scanner.status()).toEqual({ device: 'noDevice', scanner: 'off' });
    expect(scannerUsable(scanner.status())).toBe(false);
  });
});
