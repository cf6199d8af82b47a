// `npm run device -- <device> <command> [options]`: the maintenance engineer's first tool. One module per
// device kind under device-cli/; JSON on stdout, a plain message and a non-zero exit when the device fails.

import { runA4PrinterCommand } from './device-cli/a4-printer-command';
import { CliFailure, writeFailure } from './device-cli/cli-output';
import { runIdReaderCommand } from './device-cli/id-reader-command';
import { runReceiptPrinterCommand } from './device-cli/receipt-printer-command';
import { runScannerCommand } from './device-cli/scanner-command';

const DEVICES: Record<string, (args: string[]) => Promise<void>> = {
  'id-reader': runIdReaderCommand,
  scanner: runScannerCommand,
  'a4-printer': runA4PrinterCommand,
  'receipt-printer': runReceiptPrinterCommand,
};

const USAGE = `usage: npm run device -- <device> <command> [options]
  id-reader       read | status | reset-sam | sam-id    --port PATH [--baud N] [--reveal]
  scanner         listen                                 --hid VID:PID | --port PATH [--baud N] [--terminator CR|CRLF|LF|TAB]
                                                         [--encoding utf-8|gbk] [--count N] [--seconds N] [--reveal]
  a4-printer      status | test-page                     --url ipp://HOST:PORT/PATH
  receipt-printer status | test-receipt                  --port PATH [--baud N]`;

async function main(): Promise<void> {
  const [device, ...rest] = process.argv.slice(2);
  const run = device ? DEVICES[device] : undefined;
  if (!run) throw new CliFailure(USAGE, 2);
  await run(rest);
}

main().then(
  () => process.exit(0),
  (error: unknown) => process.exit(writeFailure(error)),
);
