// Boots the HID guest under QEMU (software emulation: KVM is not usable on these hosts) and returns the scenario's
// result line from the serial console.

import { spawn } from 'node:child_process';
import type { HidVm } from './build-hid-vm';

export interface HidVmRun {
  /** The JSON after `HIDVM-RESULT `, or null when the guest never printed one. */
  result: Record<string, unknown> | null;
  exitLine: string | null;
  /** Serial console output, for the failure message. */
  console: string;
  wallMs: number;
  /** Guest uptime when init started, seconds (kernel boot + initramfs unpack). */
  bootedAtS: number | null;
}

export function runHidVm(vm: HidVm, timeoutMs = 110_000): Promise<HidVmRun> {
  const started = performance.now();
  const qemu = spawn(
    'qemu-system-x86_64',
    [
      '-accel',
      'tcg',
      '-m',
      '512',
      '-smp',
      '1',
      '-nographic',
      '-no-reboot',
      '-nodefaults',
      '-serial',
      'stdio',
      '-kernel',
      vm.kernel,
      '-initrd',
      vm.initrd,
      '-append',
      'console=ttyS0 quiet panic=-1 rdinit=/init',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  // setEncoding keeps a UTF-8 character that is split between two reads whole.
  qemu.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  qemu.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      qemu.kill('SIGKILL');
      output += `\n[host] QEMU killed after ${timeoutMs} ms\n`;
    }, timeoutMs);
    qemu.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start qemu-system-x86_64 (apt-get install qemu-system-x86): ${error.message}`));
    });
    qemu.once('close', () => {
      clearTimeout(timer);
      const text = output.replaceAll('\r', '');
      const resultLine = /HIDVM-RESULT (.*)$/m.exec(text)?.[1];
      const booted = /HIDVM-BOOTED (\d+(?:\.\d+)?)/.exec(text)?.[1];
      resolve({
        result: resultLine ? (JSON.parse(resultLine) as Record<string, unknown>) : null,
        exitLine: /HIDVM-EXIT .*$/m.exec(text)?.[0] ?? null,
        console: text,
        wallMs: Math.round(performance.now() - started),
        bootedAtS: booted ? Number(booted) : null,
      });
    });
  });
}
