// The driver's timing and decisions against an in-memory line; the real serial transport and the byte-level
// emulator are in test/integration/receipt-printer.test.ts.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fail, type DeviceResult } from '../device-result';
import { ok } from '../result';
import { EventHub } from '../event-hub';
import type { ByteTransport, ByteTransportEvents } from '../serial-transport';
import { EscPosReceiptPrinter } from './escpos-receipt-printer';
import type { Receipt, ReceiptPrinterStatus } from './receipt-printer';

/** A line with a scripted printer behind it: `reply` answers each DLE EOT n. */
class FakeLine implements ByteTransport {
  private readonly hub = new EventHub<ByteTransportEvents>();
  readonly events = this.hub;
  isOpen = false;
  available = true;
  opens = 0;
  readonly writes: number[][] = [];
  reply: (n: number) => number[] = () => [0x12];

  async open(): Promise<DeviceResult<void>> {
    this.opens++;
    if (!this.available) return fail('noDevice', 'portUnavailable', 'no such port');
    this.isOpen = true;
    return ok(undefined);
  }
  async close(): Promise<void> {
    this.isOpen = false;
  }
  async write(bytes: Uint8Array): Promise<DeviceResult<void>> {
    if (!this.isOpen) return fail('noDevice', 'portClosed', 'closed');
    this.writes.push([...bytes]);
    if (bytes.length === 3 && bytes[0] === 0x10 && bytes[1] === 0x04) {
      const answer = this.reply(bytes[2]!);
      if (answer.length > 0) setTimeout(() => this.hub.emit('data', Uint8Array.from(answer)), 1);
    }
    return ok(undefined);
  }
  lose(): void {
    this.isOpen = false;
    this.available = false;
    this.hub.emit('closed', { unplugged: true, reason: 'lost' });
  }
  /** Writes that were not status queries: the print job and opening commands. */
  jobWrites(): number[][] {
    return this.writes.filter((w) => !(w.length === 3 && w[0] === 0x10 && w[1] === 0x04));
  }
}

const receipt: Receipt = {
  lines: [
    { kind: 'text', text: '测试' },
    { kind: 'qr', data: 'KQ1:TEST' },
  ],
};

function setup(options: { pollIntervalMs?: number; statusTimeoutMs?: number } = {}) {
  const line = new FakeLine();
  const printer = new EscPosReceiptPrinter({
    path: '/dev/null-printer',
    baudRate: 115200,
    transport: line,
    statusTimeoutMs: options.statusTimeoutMs ?? 30,
    pollIntervalMs: options.pollIntervalMs ?? 10_000,
    reopenDelayMs: { initial: 5, max: 20 },
    jobSettleMs: 1,
  });
  const changes: Array<Partial<ReceiptPrinterStatus>> = [];
  const thresholds: string[] = [];
  printer.events.on('statusChanged', (c) => changes.push(c));
  printer.events.on('paperThreshold', (t) => thresholds.push(t.paper));
  return { line, printer, changes, thresholds };
}

const until = async (predicate: () => boolean, ms = 1_000) => {
  const deadline = performance.now() + ms;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

describe('EscPosReceiptPrinter', () => {
  it('opens, turns automatic status back off, reads DLE EOT 1–4 and reports online', async () => {
    const { line, printer, changes } = setup();
    await printer.open();
    expect(line.writes.slice(0, 5)).toEqual([
      [0x1d, 0x61, 0x00],
      [0x10, 0x04, 1],
      [0x10, 0x04, 2],
      [0x10, 0x04, 3],
      [0x10, 0x04, 4],
    ]);
    expect(printer.status()).toEqual({ device: 'online', paper: 'full', media: 'unknown' });
    // media starts and stays unknown: ESC/POS has no presenter sensor.
    expect(changes).toEqual([{ device: 'online', paper: 'full' }]);
    await printer.close();
  });

  it('checks status before and after the job, and sends the job once', async () => {
    const { line, printer } = setup();
    await printer.open();
    line.writes.length = 0;
    expect(await printer.print(receipt)).toEqual({ ok: true, value: undefined });
    const kinds = line.writes.map((w) => (w[0] === 0x10 ? `q${w[2]}` : 'job'));
    expect(kinds).toEqual(['q1', 'q2', 'q3', 'q4', 'job', 'q1', 'q2', 'q3', 'q4']);
    await printer.close();
  });

  it('refuses invalid content without touching the printer', async () => {
    const { line, printer } = setup();
    await printer.open();
    const before = line.writes.length;
    expect(await printer.print({ lines: [{ kind: 'text', text: 'a\u001bb' }] })).toMatchObject({
      ok: false,
      error: { code: 'invalidData' },
    });
    expect(line.writes.length).toBe(before);
    await printer.close();
  });

  it('refuses with paper out before sending the job, and announces the threshold once', async () => {
    const { line, printer, thresholds } = setup();
    line.reply = (n) => [n === 4 ? 0x7e : n === 1 ? 0x1a : n === 2 ? 0x32 : 0x12];
    await printer.open();
    expect(await printer.print(receipt)).toMatchObject({ ok: false, error: { code: 'deviceNotReady', errorCode: 'paperOut' } });
    expect(line.jobWrites()).toEqual([[0x1d, 0x61, 0x00]]);
    expect(thresholds).toEqual(['out']);
    await printer.close();
  });

  it('emits only the fields that changed', async () => {
    const { line, printer, changes, thresholds } = setup({ pollIntervalMs: 5 });
    await printer.open();
    line.reply = (n) => [n === 4 ? 0x1e : 0x12];
    await until(() => printer.status().paper === 'low');
    expect(changes.at(-1)).toEqual({ paper: 'low' });
    expect(thresholds).toEqual(['low']);
    await printer.close();
  });

  it('reports a job with no status after it as an unknown outcome, and does not resend', async () => {
    const { line, printer } = setup();
    await printer.open();
    let jobSent = false;
    line.reply = () => (jobSent ? [] : [0x12]);
    const write = line.write.bind(line);
    line.write = async (bytes) => {
      if (bytes.length > 3) jobSent = true;
      return write(bytes);
    };
    const result = await printer.print(receipt);
    expect(result).toMatchObject({ ok: false, error: { code: 'noDevice', errorCode: 'outcomeUnknown' } });
    expect(printer.status().device).toBe('noDevice');
    expect(line.jobWrites().filter((w) => w.length > 3)).toHaveLength(1);
    await printer.close();
  });

  it('rejects a second job while one is printing', async () => {
    const { printer } = setup();
    await printer.open();
    const [first, second] = await Promise.all([printer.print(receipt), printer.print(receipt)]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'deviceNotReady', errorCode: 'busy' } });
    await printer.close();
  });

  it('is noDevice when the port cannot be opened, and keeps trying with backoff', async () => {
    const { line, printer } = setup();
    line.available = false;
    await printer.open();
    expect(printer.status().device).toBe('noDevice');
    expect(await printer.print(receipt)).toMatchObject({ ok: false, error: { code: 'noDevice' } });
    await until(() => line.opens >= 3);
    line.available = true;
    await until(() => printer.status().device === 'online');
    await printer.close();
  });

  it('goes to noDevice when the port is lost and reopens it', async () => {
    const { line, printer, changes } = setup();
    await printer.open();
    line.lose();
    expect(printer.status().device).toBe('noDevice');
    await until(() => line.opens >= 2);
    line.available = true;
    await until(() => printer.status().device === 'online');
    expect(changes.map((c) => c.device)).toEqual(['online', 'noDevice', 'online']);
    await printer.close();
  });

  it('stops reopening once closed', async () => {
    const { line, printer } = setup();
    line.available = false;
    await printer.open();
    await printer.close();
    const opens = line.opens;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(line.opens).toBe(opens);
  });

  it('answers any reply stream with a status or an error, within its timeout', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 4 }), { minLength: 4, maxLength: 12 }),
        async (replies) => {
          const { line, printer } = setup({ statusTimeoutMs: 10 });
          let i = 0;
          line.reply = () => replies[i++ % replies.length] ?? [];
          await printer.open();
          const started = performance.now();
          const result = await printer.readRealtimeStatus();
          // Four queries, each bounded by the 10 ms status timeout.
          expect(performance.now() - started).toBeLessThan(4 * 10 + 100);
          if (!result.ok) expect(['noDevice', 'invalidData']).toContain(result.error.code);
          await printer.close();
        },
      ),
      { numRuns: 25 },
    );
  });
});
