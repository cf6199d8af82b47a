// `npm run device -- receipt-printer status|test-receipt --port PATH [--baud N]`: the real-time status (DLE EOT 1–4)
// decoded, or a short Chinese test slip with a QR code, cut. The slip holds no personal data.

import { parseArgs } from 'node:util';
import type { Receipt } from '../../device-drivers/receipt-printer/receipt-printer';
import { EscPosReceiptPrinter } from '../../device-drivers/receipt-printer/escpos-receipt-printer';
import { shanghaiClockTime, shanghaiIsoDate } from '../../print-templates/shanghai-date';
import { CliFailure, deviceFailure, printJson } from './cli-output';

const USAGE = 'usage: npm run device -- receipt-printer status | test-receipt --port PATH [--baud N] (default 19200)';
const DEFAULT_BAUD = 19200;
/** What a scanner should read from the test slip's QR code: alphanumeric, like a KQ1 seal, but not one. */
export const TEST_QR_PAYLOAD = 'ZJZW-RECEIPT-PRINTER-TEST';

export async function runReceiptPrinterCommand(args: string[]): Promise<void> {
  const { command, port, baudRate } = parseOptions(args);
  // One status read or one slip, then out: no background polling for a command line.
  const printer = new EscPosReceiptPrinter({ path: port, baudRate, pollIntervalMs: 3_600_000 });
  await printer.open();
  try {
    if (command === 'status') {
      const realtime = await printer.readRealtimeStatus();
      if (!realtime.ok) throw deviceFailure(`receipt printer on ${port}: status`, realtime.error);
      printJson({ port, baudRate, status: printer.status(), realtime: realtime.value });
      return;
    }
    const startedAt = new Date();
    const printed = await printer.print(testReceipt(startedAt));
    if (!printed.ok) throw deviceFailure(`receipt printer on ${port}: test receipt`, printed.error);
    // A diagnostics record: what, when, outcome.
    printJson({
      test: 'receipt',
      port,
      baudRate,
      at: startedAt.toISOString(),
      outcome: 'printed',
      qr: TEST_QR_PAYLOAD,
      status: printer.status(),
    });
  } finally {
    await printer.close();
  }
}

function parseOptions(args: string[]): { command: 'status' | 'test-receipt'; port: string; baudRate: number } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { port: { type: 'string' }, baud: { type: 'string' } },
    });
  } catch (error) {
    throw new CliFailure(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
  }
  const [command, ...extra] = parsed.positionals;
  if ((command !== 'status' && command !== 'test-receipt') || extra.length > 0) throw new CliFailure(USAGE, 2);
  const port = parsed.values.port;
  if (!port) throw new CliFailure(`--port is required\n${USAGE}`, 2);
  const baudRate = parsed.values.baud === undefined ? DEFAULT_BAUD : Number(parsed.values.baud);
  if (!Number.isInteger(baudRate) || baudRate <= 0) throw new CliFailure(`--baud must be a positive whole number\n${USAGE}`, 2);
  return { command, port, baudRate };
}

/** Shanghai time whatever the machine's zone: "2026-11-23 10:15". */
function shanghaiDateTime(at: Date): string {
  return `${shanghaiIsoDate(at)} ${shanghaiClockTime(at)}`;
}

export function testReceipt(at: Date): Receipt {
  return {
    lines: [
      { kind: 'text', text: '浙江政务服务 自助终端', size: 'large', align: 'center' },
      { kind: 'text', text: '小票打印机测试', align: 'center' },
      { kind: 'feed', lines: 1 },
      { kind: 'text', text: `时间：${shanghaiDateTime(at)}` },
      { kind: 'text', text: '中文：最多跑一次 · 一件事 · 一次告知' },
      { kind: 'text', text: 'ASCII: 0123456789 ABCDEFG abcdefg' },
      { kind: 'qr', data: TEST_QR_PAYLOAD },
      { kind: 'text', text: `扫码应读出：${TEST_QR_PAYLOAD}`, align: 'center' },
      { kind: 'feed', lines: 2 },
    ],
  };
}
