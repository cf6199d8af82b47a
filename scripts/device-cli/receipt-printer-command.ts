// `npm run device -- receipt-printer status|test-receipt --port PATH [--baud N]`: the real-time status (DLE EOT 1–4)
// decoded, or a short Chinese test slip with a QR code, cut. The slip holds no personal data.

import { parseArgs } from 'node:util';
import { EscPosReceiptPrinter } from '../../device-drivers/receipt-printer/escpos-receipt-printer';
import { TEST_QR_PAYLOAD, testReceipt } from '../../kiosk/diagnostics/test-receipt';
import { CliFailure, deviceFailure, printJson } from './cli-output';

const USAGE = 'usage: npm run device -- receipt-printer status | test-receipt --port PATH [--baud N] (default 19200)';
const DEFAULT_BAUD = 19200;

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
