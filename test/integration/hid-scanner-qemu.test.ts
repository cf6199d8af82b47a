// The HID POS driver on real node-hid, against virtual scanners made through /dev/uhid inside a QEMU guest that
// boots Debian's kernel (this host's kernel has no uhid). Needs qemu-system-x86, busybox-static, cpio, gcc and
// apt access to linux-image-amd64; anything missing fails the test with what to install.

import { beforeAll, describe, expect, it } from 'vitest';
import { buildHidVm, type HidVm } from '../hid-vm/build-hid-vm';
import { runHidVm, type HidVmRun } from '../hid-vm/run-hid-vm';

describe('HID POS scanner through node-hid in a QEMU guest', () => {
  let vm: HidVm;
  let run: HidVmRun;

  beforeAll(async () => {
    vm = await buildHidVm();
    run = await runHidVm(vm);
    // Measured figures, for the CI log (the scans are synthetic test data).
    console.info(
      `hid-vm: kernel ${vm.kernelPackage} ready in ${vm.timingsMs.kernel} ms, initramfs ${vm.timingsMs.initrd} ms, ` +
        `QEMU boot + test ${run.wallMs} ms (init started at ${run.bootedAtS} s guest time)`,
    );
  }, 180_000);

  it('boots, runs the scenario and powers off', () => {
    expect(run.result, `no result line; console:\n${run.console.slice(-4000)}`).not.toBeNull();
    expect(run.result?.ok, `guest failed: ${String(run.result?.error)}\nconsole:\n${run.console.slice(-4000)}`).toBe(true);
    expect(run.exitLine).toMatch(/^HIDVM-EXIT 0 /);
  });

  it('decodes single-report, multi-report, UTF-8 Chinese and idle-ended scans', () => {
    const reads = run.result?.reads;
    expect(reads).toEqual([
      { symbology: ']Q1', data: 'KIOSK-TEST-0001' },
      { symbology: ']Q1', data: 'HTTPS://ZWFW.ZJ.GOV.CN/KIOSK/TEST?' + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.repeat(3) + '-END' },
      { symbology: ']Q1', data: '浙江省杭州市西湖区办事码'.repeat(2) + '-TEST' },
      { symbology: 'unknown', data: 'F'.repeat(62) },
      { symbology: ']C0', data: 'AFTER-REPLUG-0002' },
    ]);
  });

  it('decodes a GBK scanner', () => {
    expect(run.result?.gbkReads).toEqual([{ symbology: ']Q1', data: '浙江政务服务网（一件事）' }]);
  });

  it('refuses bytes that are not valid in the configured encoding', () => {
    expect(run.result?.diagnostics).toMatchObject({ rejected: { undecodable: 1 } });
  });

  it('finds a scanner plugged in after open, notices the unplug and re-attaches by itself', () => {
    expect(run.result?.statusBeforePlug).toEqual({ device: 'noDevice', scanner: 'off' });
    expect(run.result?.enableWhileAbsent).toMatchObject({ ok: false, error: { code: 'noDevice' } });
    expect(run.result?.statusUnplugged).toEqual({ device: 'noDevice', scanner: 'off' });
    expect(run.result?.statusReplugged).toEqual({ device: 'online', scanner: 'on' });
    expect(run.result?.statusChanges).toEqual([
      { device: 'noDevice' },
      { device: 'online' },
      { scanner: 'on' },
      { device: 'noDevice', scanner: 'off' },
      { device: 'online', scanner: 'on' },
      { device: 'offline', scanner: 'off' },
    ]);
    expect(run.result?.diagnostics).toMatchObject({ attaches: 2, detaches: 1, lastProblem: null });
  });
});
