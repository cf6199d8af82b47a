// The maintenance command line as a production kiosk runs it: compiled (dist/device-cli.mjs), plain node, against
// the receipt printer's byte-level emulator on a pty pair.

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReceiptPrinterEmulator } from '../emulators/receipt-printer-emulator';
import { repoRoot } from '../support/kiosk-process';

const run = promisify(execFile);
const compiledCli = join(repoRoot, 'dist', 'device-cli.mjs');
let emulator: ReceiptPrinterEmulator;

beforeAll(async () => {
  emulator = await ReceiptPrinterEmulator.start({ baudRate: 19200 });
});
afterAll(() => emulator?.stop());

describe('the compiled device command line', () => {
  it('reads the receipt printer’s status as JSON', async () => {
    emulator.paper = 'nearEnd';
    const { stdout } = await run(process.execPath, [compiledCli, 'receipt-printer', 'status', '--port', emulator.devicePath]);
    expect(JSON.parse(stdout)).toMatchObject({ status: { device: 'online', paper: 'low' }, realtime: { paperNearEnd: true } });
  });

  it('says in one sentence on stderr that a device is absent, and exits non-zero', async () => {
    const failed = await run(process.execPath, [compiledCli, 'receipt-printer', 'status', '--port', '/dev/no-such-printer']).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1, stdout: '' });
    expect(failed?.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed?.stderr).toContain('noDevice');
  });
});

describe('the compiled diagnostics command line', () => {
  it('runs on plain node and, with the embedded default and no agent, says every device is simulated and skips it', async () => {
    const workDir = await mkdtemp(join(tmpdir(), 'kiosk-compiled-diag-'));
    try {
      const { stdout } = await run(process.execPath, [join(repoRoot, 'dist', 'diag-cli.mjs'), '--url', 'http://127.0.0.1:1', '--json'], {
        cwd: workDir,
      });
      const report = JSON.parse(stdout) as { ranBy: string; passed: boolean; records: Array<{ outcome: string; details: unknown }> };
      expect(report).toMatchObject({ ranBy: 'shell', passed: true });
      expect(report.records).toHaveLength(5);
      for (const record of report.records) expect(record).toMatchObject({ outcome: 'skipped', details: { reason: 'simulated' } });
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });
});
