// The serial scanner driver on a real serialport, against the scanner emulator over a socat pty pair: codes split
// across writes and paced at the baud, noise, silence, a pulled cable, and the maintenance command.

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScannedCode } from '../../device-drivers/code-scanner/code-scanner';
import { createSerialCodeScanner, type SerialCodeScannerOptions } from '../../device-drivers/code-scanner/serial-code-scanner';
import { CliFailure } from '../../scripts/device-cli/cli-output';
import { runScannerCommand } from '../../scripts/device-cli/scanner-command';
import { startSerialScannerEmulator } from '../emulators/serial-scanner-emulator';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(
  emulatorOptions: Parameters<typeof startSerialScannerEmulator>[0] = {},
  driverOptions: Partial<SerialCodeScannerOptions> = {},
) {
  const emulator = await startSerialScannerEmulator(emulatorOptions);
  cleanups.push(() => emulator.close());
  const scanner = createSerialCodeScanner({
    path: emulator.devicePath,
    baudRate: 9600,
    terminator: emulatorOptions.terminator ?? 'CR',
    encoding: emulatorOptions.encoding ?? 'utf-8',
    // Generous against the gaps below: socat is a process of its own and can be starved on a loaded CI machine.
    interByteTimeoutMs: 250,
    retryDelaysMs: [20, 50, 100],
    ...driverOptions,
  });
  cleanups.push(() => scanner.close());
  const reads: ScannedCode[] = [];
  const changes: Array<Record<string, string>> = [];
  scanner.events.on('read', (code) => reads.push(code));
  scanner.events.on('statusChanged', (change) => changes.push({ ...change }));
  await scanner.open();
  expect(scanner.status()).toEqual({ device: 'online', scanner: 'off' });
  expect(await scanner.enable()).toEqual({ ok: true, value: undefined });
  return { emulator, scanner, reads, changes };
}

async function until(done: () => boolean, what: string | (() => string), timeoutMs = 3000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('serial code scanner on a pty pair', () => {
  it('reads a code with its AIM id, terminated by CR', async () => {
    const { emulator, reads } = await setUp();
    await emulator.scan('KIOSK-TEST-0001', { aimId: ']Q1' });
    await until(() => reads.length === 1, 'a read');
    expect(reads).toEqual([{ symbology: ']Q1', data: 'KIOSK-TEST-0001' }]);
  });

  it('joins a code written in pieces, with a UTF-8 character cut between them', async () => {
    const { emulator, reads } = await setUp({ terminator: 'CRLF' });
    // ']Q1' + '浙' is 6 bytes: pieces of 4 and 3 cut 浙 after its first byte; the CRLF is split as well.
    await emulator.scan('浙江省政务服务', { aimId: ']Q1', pieces: [4, 3, 10, 5], gapMs: 25 });
    await emulator.scan('SECOND', { pieces: [6, 1], gapMs: 25 });
    await until(() => reads.length === 2, 'two reads');
    expect(reads).toEqual([
      { symbology: ']Q1', data: '浙江省政务服务' },
      { symbology: 'unknown', data: 'SECOND' },
    ]);
  });

  it('reads a long code paced byte by byte at 9600 baud', async () => {
    const { emulator, reads } = await setUp();
    const code = 'HTTPS://ZWFW.ZJ.GOV.CN/QR/' + '0123456789ABCDEF'.repeat(8);
    const started = performance.now();
    await emulator.scan(code, { aimId: ']Q1', paceBaud: 9600 });
    await until(() => reads.length === 1, 'the paced code');
    // 157 bytes at ~1.04 ms each: the pacing is real, and no gap within it ended the code early.
    expect(performance.now() - started).toBeGreaterThan(150);
    expect(reads).toEqual([{ symbology: ']Q1', data: code }]);
  });

  it('decodes a scanner set to GBK, terminated by TAB', async () => {
    const { emulator, reads, scanner } = await setUp({ terminator: 'TAB', encoding: 'gbk' });
    await emulator.scan('浙江政务服务网（一件事）', { aimId: ']Q1', pieces: [5], gapMs: 10 });
    await until(
      () => reads.length === 1,
      () => `the GBK code (${JSON.stringify(scanner.diagnostics())})`,
    );
    expect(reads, JSON.stringify(scanner.diagnostics())).toEqual([{ symbology: ']Q1', data: '浙江政务服务网（一件事）' }]);
  });

  it('does not cut a code in two when the event loop stalls past the inter-byte timeout', async () => {
    const { emulator, scanner, reads } = await setUp();
    await emulator.write(new TextEncoder().encode(']Q1HEAD-'));
    await emulator.silence(50); // the driver has the head, and its 250 ms timer is running
    await emulator.write(new TextEncoder().encode('TAIL\r')); // the tail waits in the pty while…
    const blockedUntil = performance.now() + 400; // …the agent is busy (a cold PDF render, say)
    while (performance.now() < blockedUntil);
    await until(
      () => reads.length === 1,
      () => `the whole code (${JSON.stringify(scanner.diagnostics())})`,
    );
    expect(reads).toEqual([{ symbology: ']Q1', data: 'HEAD-TAIL' }]);
    expect(scanner.diagnostics().rejected).toEqual({});
  });

  it('throws away line noise that goes silent, then reads the next code whole', async () => {
    const { emulator, scanner, reads } = await setUp();
    await emulator.noise(17);
    await emulator.silence(400);
    await emulator.scan('AFTER-NOISE', { aimId: ']C0' });
    await until(() => reads.length === 1, 'the code after noise');
    expect(reads).toEqual([{ symbology: ']C0', data: 'AFTER-NOISE' }]);
    expect(scanner.diagnostics().rejected).toEqual({ incompleteFrame: 1 });
  });

  it('refuses bytes that are not valid UTF-8 instead of guessing characters', async () => {
    const { emulator, scanner, reads } = await setUp();
    await emulator.write(Uint8Array.of(0x41, 0xff, 0xfe, 0x42, 0x0d));
    await emulator.scan('GOOD');
    await until(() => reads.length === 1, 'the good code');
    expect(reads).toEqual([{ symbology: 'unknown', data: 'GOOD' }]);
    expect(scanner.diagnostics().rejected).toEqual({ undecodable: 1 });
  });

  it('says nothing while disabled', async () => {
    const { emulator, scanner, reads } = await setUp();
    await scanner.disable();
    await emulator.scan('IGNORED');
    await emulator.silence(300);
    expect(reads).toEqual([]);
    await scanner.enable();
    await emulator.scan('HEARD');
    await until(() => reads.length === 1, 'a read after enable');
    expect(reads).toEqual([{ symbology: 'unknown', data: 'HEARD' }]);
  });

  it('reports the pulled cable, reopens the port by itself when it is back, and reads again', async () => {
    const { emulator, scanner, reads, changes } = await setUp();
    // Half a code, then the cable goes: the half must not glue itself to the next code.
    await emulator.scan('HALF-A-CO', { terminator: null });
    await emulator.disconnect();
    await until(
      () => scanner.status().device === 'noDevice',
      () => `noDevice (${JSON.stringify({ changes, diagnostics: scanner.diagnostics() })})`,
    );
    expect(scanner.status()).toEqual({ device: 'noDevice', scanner: 'off' });

    await emulator.reconnect();
    await until(() => scanner.status().device === 'online', 'online again');
    expect(scanner.status()).toEqual({ device: 'online', scanner: 'on' });
    await emulator.scan('AFTER-REPLUG');
    await until(() => reads.length === 1, 'a read after replug');
    expect(reads).toEqual([{ symbology: 'unknown', data: 'AFTER-REPLUG' }]);
    expect(changes).toEqual([
      { device: 'online' },
      { scanner: 'on' },
      { device: 'noDevice', scanner: 'off' },
      { device: 'online', scanner: 'on' },
    ]);
    expect(scanner.diagnostics()).toMatchObject({ attaches: 2, detaches: 1, lastProblem: null });
  });

  it('finds a port that appears after open', async () => {
    const emulator = await startSerialScannerEmulator();
    cleanups.push(() => emulator.close());
    await emulator.disconnect();
    const scanner = createSerialCodeScanner({ path: emulator.devicePath, retryDelaysMs: [20] });
    cleanups.push(() => scanner.close());
    await scanner.open();
    expect(scanner.status().device).toBe('noDevice');
    expect(await scanner.enable()).toMatchObject({ ok: false, error: { code: 'noDevice' } });
    await emulator.reconnect();
    await until(() => scanner.status().device === 'online', 'online');
  });
});

describe('npm run device -- scanner listen', () => {
  function captureStdout(): string[] {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    });
    return lines;
  }

  it('prints each scan as a JSON line and stops after --count, hiding the content unless --reveal', async () => {
    const emulator = await startSerialScannerEmulator({ terminator: 'LF' });
    cleanups.push(() => emulator.close());
    const lines = captureStdout();
    const listening = runScannerCommand(['listen', '--port', emulator.devicePath, '--terminator', 'LF', '--count', '2', '--reveal']);
    await until(() => lines.some((line) => line.includes('"listening"')), 'the command to listen');
    await emulator.scan('浙江-ONE', { aimId: ']Q1' });
    await emulator.scan('TWO');
    await listening;
    const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.filter((event) => event.event === 'scan')).toEqual([
      { event: 'scan', symbology: ']Q1', characters: 6, data: '浙江-ONE' },
      { event: 'scan', symbology: 'unknown', characters: 3, data: 'TWO' },
    ]);
    expect(events.at(-1)).toMatchObject({ event: 'stopped', scans: 2 });

    const hidden = captureStdout();
    const second = runScannerCommand(['listen', '--port', emulator.devicePath, '--terminator', 'LF', '--count', '1']);
    await until(() => hidden.some((line) => line.includes('"listening"')), 'the command to listen');
    await emulator.scan('SECRET-CODE');
    await second;
    expect(hidden.join('\n')).not.toContain('SECRET');
    expect(hidden.map((line) => JSON.parse(line) as unknown)).toContainEqual({ event: 'scan', symbology: 'unknown', characters: 11 });
  });

  it('stops after --seconds', async () => {
    const emulator = await startSerialScannerEmulator();
    cleanups.push(() => emulator.close());
    const lines = captureStdout();
    const started = performance.now();
    await runScannerCommand(['listen', '--port', emulator.devicePath, '--seconds', '0.3']);
    expect(performance.now() - started).toBeGreaterThan(250);
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ event: 'stopped', scans: 0 });
  });

  it('fails with a plain message when the scanner is absent', async () => {
    await expect(runScannerCommand(['listen', '--port', '/dev/no-such-scanner'])).rejects.toThrow(
      /serial scanner on \/dev\/no-such-scanner not available \(noDevice\)/,
    );
    await expect(runScannerCommand(['listen', '--hid', 'f055:0bad'])).rejects.toThrow(/HID scanner f055:0bad not available \(noDevice\)/);
    const failure = await runScannerCommand(['listen', '--hid', 'f055:0bad']).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CliFailure);
    expect((failure as CliFailure).exitCode).toBe(1);
  });

  it('refuses bad arguments with the usage', async () => {
    await expect(runScannerCommand(['listen'])).rejects.toMatchObject({ exitCode: 2 });
    await expect(runScannerCommand(['listen', '--hid', 'nothex'])).rejects.toMatchObject({ exitCode: 2 });
    await expect(runScannerCommand(['listen', '--port', '/dev/x', '--terminator', 'NUL'])).rejects.toMatchObject({ exitCode: 2 });
    await expect(runScannerCommand(['listen', '--port', '/dev/x', '--encoding', 'latin1'])).rejects.toMatchObject({ exitCode: 2 });
    await expect(runScannerCommand(['watch', '--port', '/dev/x'])).rejects.toMatchObject({ exitCode: 2 });
  });
});
