// The ESC/POS driver on a real serial transport: serialport on one end of a socat pty pair, the byte-level
// printer emulator on the other. Needs socat; its absence fails the run (test/support/pty-pair.ts).

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeReceipt } from '../../device-drivers/receipt-printer/escpos-encoder';
import { EscPosReceiptPrinter } from '../../device-drivers/receipt-printer/escpos-receipt-printer';
import type { Receipt, ReceiptPrinterStatus } from '../../device-drivers/receipt-printer/receipt-printer';
import { CliFailure } from '../../scripts/device-cli/cli-output';
import { TEST_QR_PAYLOAD } from '../../kiosk/diagnostics/test-receipt';
import { runReceiptPrinterCommand } from '../../scripts/device-cli/receipt-printer-command';
import { ReceiptPrinterEmulator } from '../emulators/receipt-printer-emulator';

const BAUD = 19200;

/** A KQ1-like seal: 450 characters, all in QR's alphanumeric set. */
const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const KQ1_LIKE = 'KQ1:' + Array.from({ length: 446 }, (_, i) => BASE45[(i * 7 + 3) % BASE45.length]).join('');

const slip: Receipt = {
  lines: [
    { kind: 'text', text: '浙江政务服务 · 自助办理凭条', size: 'large', align: 'center' },
    { kind: 'text', text: '事项：无房产证明（个人）' },
    { kind: 'text', text: '办理时间：2026-11-23 10:15' },
    { kind: 'feed', lines: 1 },
    { kind: 'qr', data: KQ1_LIKE },
    { kind: 'text', text: '扫码核验 · 最多跑一次', align: 'center' },
    { kind: 'feed', lines: 2 },
  ],
};

/** The input as the printer should report it: defaults made explicit. */
const asPrinted = (receipt: Receipt) =>
  receipt.lines.map((line) =>
    line.kind === 'text' ? { kind: 'text', text: line.text, size: line.size ?? 'normal', align: line.align ?? 'left' } : line,
  );

let emulator: ReceiptPrinterEmulator;
let printer: EscPosReceiptPrinter;
let changes: Array<Partial<ReceiptPrinterStatus>>;
let thresholds: string[];

async function waitFor(what: string, predicate: () => boolean, timeoutMs = 3_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

beforeEach(async () => {
  emulator = await ReceiptPrinterEmulator.start({ baudRate: BAUD });
  printer = new EscPosReceiptPrinter({
    path: emulator.devicePath,
    baudRate: BAUD,
    statusTimeoutMs: 400, // generous: a loaded CI machine must not read a slow reply as silence
    pollIntervalMs: 40,
    reopenDelayMs: { initial: 30, max: 200 },
    jobSettleMs: 30,
  });
  changes = [];
  thresholds = [];
  printer.events.on('statusChanged', (change) => changes.push(change));
  printer.events.on('paperThreshold', ({ paper }) => thresholds.push(paper));
});

afterEach(async () => {
  await printer.close();
  await emulator.stop();
});

describe('ESC/POS receipt printer on a pty', () => {
  it('prints a Chinese receipt with a KQ1-sized QR code, byte-exact, and cuts', async () => {
    await printer.open();
    expect(printer.status()).toEqual({ device: 'online', paper: 'full', media: 'unknown' });

    const result = await printer.print(slip);
    expect(result).toEqual({ ok: true, value: undefined });

    const [printed] = await emulator.waitForReceipts(1);
    expect(printed!.lines).toEqual(asPrinted(slip));
    expect(printed!.qrSettings).toEqual([{ model: 0x32, moduleSize: 4, errorCorrection: 'Q' }]);
    expect(printed!.cut).toBe('feedThenCut');
    expect(printed!.anomalies).toEqual([]);

    // Byte-exact: the job follows the driver's opening command (automatic status back off), nothing in between.
    const job = encodeReceipt(slip);
    if (!job.ok) throw new Error('encoding failed');
    expect(Uint8Array.from(emulator.printBytes)).toEqual(Uint8Array.from([0x1d, 0x61, 0x00, ...job.value]));
    // Status before and after the job: four queries each, on top of the opening read.
    expect(emulator.statusQueries).toBeGreaterThanOrEqual(12);
  });

  it('reads status through split replies and line noise', async () => {
    emulator.splitReplies = true;
    emulator.noise = true;
    emulator.paper = 'nearEnd';
    await printer.open();
    expect(printer.status()).toMatchObject({ device: 'online', paper: 'low' });
    expect(await printer.print(slip)).toMatchObject({ ok: true });
    expect((await emulator.waitForReceipts(1))[0]!.lines).toEqual(asPrinted(slip));
  });

  it('reports paper near its end as low, with a paperThreshold event, and still prints', async () => {
    await printer.open();
    emulator.paper = 'nearEnd';
    await waitFor('paper low', () => printer.status().paper === 'low');
    expect(thresholds).toEqual(['low']);
    expect(changes).toContainEqual({ paper: 'low' });
    expect(await printer.print(slip)).toMatchObject({ ok: true });
  });

  it('refuses to print with paper out, before sending a single byte of the job', async () => {
    emulator.paper = 'out';
    await printer.open();
    expect(printer.status()).toMatchObject({ device: 'online', paper: 'out' });
    expect(thresholds).toEqual(['out']);

    const result = await printer.print(slip);
    expect(result).toMatchObject({ ok: false, error: { code: 'deviceNotReady', errorCode: 'paperOut' } });
    expect(result.ok ? '' : result.error.description).toMatch(/paper out/);
    expect(emulator.commandLog).not.toContain('init');
    expect(emulator.receipts).toEqual([]);
  });

  it('refuses with the cover open, and prints once it is closed', async () => {
    emulator.coverOpen = true;
    await printer.open();
    expect(printer.status().device).toBe('userError');
    expect(await printer.print(slip)).toMatchObject({ ok: false, error: { code: 'userError', errorCode: 'coverOpen' } });
    expect(emulator.commandLog).not.toContain('init');

    emulator.coverOpen = false;
    await waitFor('cover closed', () => printer.status().device === 'online');
    expect(await printer.print(slip)).toMatchObject({ ok: true });
  });

  it('reports a cutter error after the job, and refuses the next one', async () => {
    await printer.open();
    emulator.failCutOnNextJob();
    const result = await printer.print(slip);
    expect(result).toMatchObject({ ok: false, error: { code: 'hardwareError', errorCode: 'cutterError' } });
    expect(printer.status().device).toBe('hardwareError');
    expect(emulator.receipts).toHaveLength(1);
    expect(emulator.receipts[0]!.cut).toBeNull();

    expect(await printer.print(slip)).toMatchObject({ ok: false, error: { errorCode: 'cutterError' } });
    expect(emulator.receipts).toHaveLength(1);
  });

  it('reports a job the printer took with no paper left, and never resends it', async () => {
    await printer.open();
    emulator.paperRunsOutOnNextJob();
    const result = await printer.print(slip);
    expect(result).toMatchObject({ ok: false, error: { code: 'hardwareError', errorCode: 'paperOutDuringJob' } });
    expect(result.ok ? '' : result.error.description).toMatch(/do not resend/);
    expect(printer.status().paper).toBe('out');
    expect(thresholds).toEqual(['out']);

    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(emulator.commandLog.filter((kind) => kind === 'init')).toHaveLength(1);
  });

  it('goes to noDevice when the printer falls silent, and back when it answers again', async () => {
    await printer.open();
    emulator.silent = true;
    await waitFor('noDevice', () => printer.status().device === 'noDevice');
    expect(printer.status()).toEqual({ device: 'noDevice', paper: 'unknown', media: 'unknown' });
    expect(await printer.print(slip)).toMatchObject({ ok: false, error: { code: 'noDevice', errorCode: 'noStatusReply' } });
    expect(emulator.commandLog).not.toContain('init');

    emulator.silent = false;
    await waitFor('online again', () => printer.status().device === 'online');
  });

  it('survives an unplug: noDevice, then reopens the port and prints', async () => {
    await printer.open();
    await emulator.unplug();
    await waitFor('noDevice', () => printer.status().device === 'noDevice');
    expect(await printer.print(slip)).toMatchObject({ ok: false, error: { code: 'noDevice' } });

    await emulator.plugIn();
    await waitFor('online again', () => printer.status().device === 'online');
    expect(changes.map((change) => change.device).filter(Boolean)).toEqual(['online', 'noDevice', 'online']);
    expect(await printer.print(slip)).toMatchObject({ ok: true });
    expect((await emulator.waitForReceipts(1))[0]!.lines).toEqual(asPrinted(slip));
  });
});

describe('npm run device -- receipt-printer', () => {
  async function run(args: string[]): Promise<unknown> {
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    try {
      await runReceiptPrinterCommand(args);
    } finally {
      spy.mockRestore();
    }
    return JSON.parse(out);
  }

  it('status: DLE EOT 1–4 decoded, as JSON', async () => {
    emulator.paper = 'nearEnd';
    expect(await run(['status', '--port', emulator.devicePath])).toMatchObject({
      baudRate: 19200,
      status: { device: 'online', paper: 'low' },
      realtime: { offline: false, coverOpen: false, cutterError: false, paperNearEnd: true, paperOut: false },
    });
  });

  it('test-receipt: a Chinese slip with a QR code, cut', async () => {
    expect(await run(['test-receipt', '--port', emulator.devicePath, '--baud', String(BAUD)])).toMatchObject({ outcome: 'printed' });
    const [printed] = await emulator.waitForReceipts(1);
    expect(printed!.lines).toContainEqual({ kind: 'qr', data: TEST_QR_PAYLOAD });
    expect(printed!.lines).toContainEqual(expect.objectContaining({ kind: 'text', text: '小票打印机测试' }));
    expect(printed!.cut).toBe('feedThenCut');
  });

  it('fails with a plain message when the printer is absent or refuses', async () => {
    await expect(runReceiptPrinterCommand(['status', '--port', '/dev/no-such-printer'])).rejects.toThrow(CliFailure);
    await expect(runReceiptPrinterCommand(['status', '--port', '/dev/no-such-printer'])).rejects.toThrow(/noDevice.*no-such-printer/);
    emulator.paper = 'out';
    await expect(runReceiptPrinterCommand(['test-receipt', '--port', emulator.devicePath])).rejects.toThrow(/paperOut/);
    await expect(runReceiptPrinterCommand(['print', '--port', emulator.devicePath])).rejects.toThrow(/usage/);
  });
});
