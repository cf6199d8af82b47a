import { describe, expect, it } from 'vitest';
import { SimulatedCodeScanner } from '../../device-drivers/code-scanner/simulated-code-scanner';
import type { ScanKind } from '../session/scan-acceptance';
import { createScanRouter, scanKindOf, type RoutedScan } from './scan-router';

const appCode = 'ZLB1:' + 'a'.repeat(40);
const seal = 'KQ1:6BFOXN*TS0BI$ZD.P9UOL97O4-2HH77HRM3HSZ';
const sealUrl = 'https://verify.example.gov.cn/kq1#KQ1:6BFOXN*TS0BI$ZD';
const maintenanceCode = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJzdGFmZi0wMDEifQ.c2lnbmF0dXJl';

function rig(initial: readonly ScanKind[] = []) {
  const scanner = new SimulatedCodeScanner();
  let accepted = initial;
  const delivered: RoutedScan[] = [];
  const refused: number[] = [];
  const router = createScanRouter({
    scanner,
    accepted: () => accepted,
    deliver: (scan) => delivered.push(scan),
    refused: () => refused.push(refused.length),
  });
  return {
    scanner,
    router,
    delivered,
    refused,
    accept(kinds: readonly ScanKind[]) {
      accepted = kinds;
      return router.sync();
    },
  };
}

describe('scanKindOf: a code is named by its shape', () => {
  it.each([
    [appCode, 'appCode'],
    [seal, 'seal'],
    [sealUrl, 'seal'],
    [maintenanceCode, 'maintenance'],
    ['ZLB1:short', null],
    ['ZLB1:' + '码'.repeat(20), null],
    ['ZLB1:' + 'a'.repeat(2044), null],
    ['http://verify.example.gov.cn/kq1#KQ1:ABC', null],
    ['6901234567892', null],
    ['', null],
  ] as const)('%s → %s', (data, kind) => {
    expect(scanKindOf(data)).toBe(kind);
  });
});

describe('the scan router', () => {
  it('keeps the scanner off while the screen accepts nothing', async () => {
    const { scanner, router } = rig([]);
    await router.sync();
    expect(scanner.status().scanner).toBe('off');
    expect(scanner.scan(seal)).toBe(false);
    expect(router.enabled()).toBe(false);
  });

  it('switches it on for a screen that accepts a kind, hands on only that kind, counts the rest, and switches it off after', async () => {
    const { scanner, router, delivered, accept } = rig([]);
    await accept(['seal']);
    expect(scanner.status().scanner).toBe('on');
    scanner.scan(seal);
    scanner.scan(sealUrl);
    scanner.scan(appCode);
    scanner.scan('6901234567892');
    expect(delivered).toEqual([
      { kind: 'seal', data: seal },
      { kind: 'seal', data: sealUrl },
    ]);
    expect(router.ignored()).toEqual({ notAccepted: 1, unrecognised: 1, scannerOff: 0 });
    await accept([]);
    expect(scanner.status().scanner).toBe('off');
  });

  it('on the app-code screen hands on app codes only, and tells of each other read, never its text', async () => {
    const { scanner, delivered, refused, accept } = rig([]);
    await accept(['appCode']);
    scanner.scan(seal);
    scanner.scan('hello');
    scanner.scan(appCode);
    expect(delivered).toEqual([{ kind: 'appCode', data: appCode }]);
    expect(refused).toHaveLength(2);
    // Where the screen accepts nothing, nothing is told: the scanner is off.
    await accept([]);
    scanner.scan('hello');
    expect(refused).toHaveLength(2);
  });

  it('ends on whatever the last screen wants, however quickly screens change', async () => {
    const { scanner, accept } = rig([]);
    void accept(['appCode']);
    void accept([]);
    await accept(['appCode', 'seal']);
    expect(scanner.status().scanner).toBe('on');
  });

  it('switches an unplugged scanner on once it is plugged back', async () => {
    const { scanner, accept } = rig([]);
    scanner.unplug();
    await accept(['maintenance']);
    expect(scanner.status().scanner).toBe('off');
    scanner.plug();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(scanner.status().scanner).toBe('on');
  });

  it('drops a read that arrives after the screen stopped accepting codes', async () => {
    const { scanner, router, delivered, accept } = rig(['seal']);
    await router.sync();
    await accept([]);
    // A scanner that ignores "disable" still reports reads: the router drops them.
    (scanner.events as unknown as { emit: (name: string, value: unknown) => void }).emit('read', { symbology: ']Q1', data: seal });
    expect(delivered).toEqual([]);
    expect(router.ignored().scannerOff).toBe(1);
  });

  it('switches the scanner off when it stops', async () => {
    const { scanner, router } = rig(['seal']);
    await router.sync();
    await router.stop();
    expect(scanner.status().scanner).toBe('off');
  });

  it('captures the next read of any kind for the scan self-test, then switches back off', async () => {
    const { scanner, router, delivered } = rig([]);
    await router.sync();
    const captured = router.captureNext(AbortSignal.timeout(5_000));
    await new Promise((r) => setTimeout(r, 0));
    expect(scanner.status().scanner).toBe('on');
    expect(scanner.scan('6901234567892')).toBe(true);
    expect(await captured).toMatchObject({ data: '6901234567892' });
    await router.sync();
    expect(scanner.status().scanner).toBe('off');
    expect(delivered).toEqual([]);
  });

  it('gives up the capture at its deadline', async () => {
    const { scanner, router } = rig([]);
    const controller = new AbortController();
    const captured = router.captureNext(controller.signal);
    controller.abort();
    expect(await captured).toBeNull();
    await router.sync();
    expect(scanner.status().scanner).toBe('off');
  });
});
