// `npm run device -- scanner listen --hid VID:PID | --port PATH …`: opens a real scanner and prints every scan as a
// JSON line, so an engineer can check the scanner, its cable and its settings without the kiosk.
//
// Scans can hold personal data (a citizen's code), so the content is printed only with --reveal; by default a line
// says which symbology and how long, which is enough to tell that the scanner reads and decodes.

import { parseArgs } from 'node:util';
import { scannerUsable, type CodeScanner, type CodeScannerStatus, type ScannedCode } from '../../device-drivers/code-scanner/code-scanner';
import { createHidCodeScanner } from '../../device-drivers/code-scanner/hid-code-scanner';
import { SCAN_ENCODINGS, type ScanEncoding } from '../../device-drivers/code-scanner/scanned-code-decoder';
import type { DiagnosableScanner } from '../../device-drivers/code-scanner/scanner-diagnostics';
import { createSerialCodeScanner } from '../../device-drivers/code-scanner/serial-code-scanner';
import { SERIAL_TERMINATORS, type SerialTerminator } from '../../device-drivers/code-scanner/serial-line-framer';
import { CliFailure } from './cli-output';

const USAGE = `usage: npm run device -- scanner listen (--hid VID:PID | --port PATH [--baud 9600] [--terminator CR|CRLF|LF|TAB])
                                       [--encoding utf-8|gbk] [--count N] [--seconds N] [--reveal]
  --hid VID:PID   a HID POS scanner by USB vendor and product id, in hex (e.g. 0c2e:0b61)
  --port PATH     a serial or USB CDC scanner (e.g. /dev/ttyACM0)
  --count N       stop after N codes;  --seconds N  stop after N seconds (default: until Ctrl-C)
  --reveal        print the scanned content (it may be a citizen's personal data)`;

export async function runScannerCommand(args: string[]): Promise<void> {
  const options = parseScannerArgs(args);
  const scanner = createScanner(options);
  await scanner.open();
  try {
    const status = scanner.status();
    if (!scannerUsable(status)) throw absent(options, scanner, status);
    const enabled = await scanner.enable();
    if (!enabled.ok) throw absent(options, scanner, scanner.status());
    writeLine({ event: 'listening', status: scanner.status() });
    await listen(scanner, options);
  } finally {
    await scanner.close();
  }
}

interface ListenOptions {
  source:
    { kind: 'hid'; vendorId: number; productId: number } | { kind: 'serial'; path: string; baudRate: number; terminator: SerialTerminator };
  encoding: ScanEncoding;
  count: number | null;
  seconds: number | null;
  reveal: boolean;
}

function parseScannerArgs(args: string[]): ListenOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        hid: { type: 'string' },
        port: { type: 'string' },
        baud: { type: 'string', default: '9600' },
        terminator: { type: 'string', default: 'CR' },
        encoding: { type: 'string', default: 'utf-8' },
        count: { type: 'string' },
        seconds: { type: 'string' },
        reveal: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new CliFailure(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1 || positionals[0] !== 'listen') throw new CliFailure(USAGE, 2);
  if ((values.hid === undefined) === (values.port === undefined)) throw new CliFailure(`give either --hid or --port\n${USAGE}`, 2);

  const encoding = values.encoding as ScanEncoding;
  if (!SCAN_ENCODINGS.includes(encoding)) throw new CliFailure(`--encoding must be one of ${SCAN_ENCODINGS.join(', ')}`, 2);
  const common = {
    encoding,
    count: positiveNumber('--count', values.count),
    seconds: positiveNumber('--seconds', values.seconds),
    reveal: values.reveal,
  };

  if (values.hid !== undefined) {
    const match = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(values.hid);
    if (!match?.[1] || !match[2]) throw new CliFailure(`--hid takes VID:PID in hex, like 0c2e:0b61`, 2);
    return { ...common, source: { kind: 'hid', vendorId: parseInt(match[1], 16), productId: parseInt(match[2], 16) } };
  }
  const terminator = values.terminator.toUpperCase() as SerialTerminator;
  if (!(terminator in SERIAL_TERMINATORS))
    throw new CliFailure(`--terminator must be one of ${Object.keys(SERIAL_TERMINATORS).join(', ')}`, 2);
  const baudRate = positiveNumber('--baud', values.baud);
  if (baudRate === null || !Number.isInteger(baudRate)) throw new CliFailure('--baud takes a whole number, like 9600', 2);
  return { ...common, source: { kind: 'serial', path: values.port as string, baudRate, terminator } };
}

function positiveNumber(flag: string, value: string | undefined): number | null {
  if (value === undefined) return null;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new CliFailure(`${flag} takes a positive number`, 2);
  return number;
}

function createScanner(options: ListenOptions): CodeScanner & DiagnosableScanner {
  const { source, encoding } = options;
  if (source.kind === 'hid') return createHidCodeScanner({ vendorId: source.vendorId, productId: source.productId, encoding });
  return createSerialCodeScanner({ path: source.path, baudRate: source.baudRate, terminator: source.terminator, encoding });
}

function absent(options: ListenOptions, scanner: DiagnosableScanner, status: CodeScannerStatus): CliFailure {
  const { source } = options;
  const which =
    source.kind === 'hid' ? `HID scanner ${hex4(source.vendorId)}:${hex4(source.productId)}` : `serial scanner on ${source.path}`;
  const problem = scanner.diagnostics().lastProblem ?? status.device;
  const hint =
    status.device === 'noDevice'
      ? source.kind === 'hid'
        ? 'is it plugged in (lsusb) and set to HID POS mode?'
        : 'is it plugged in, and is the path right (ls /dev/ttyUSB* /dev/ttyACM*)?'
      : source.kind === 'hid'
        ? 'on Linux, hidraw access needs the udev rule'
        : 'is another program using the port, and may this user open it (group dialout)?';
  return new CliFailure(`${which} not available (${status.device}): ${problem} — ${hint}`);
}

/** Prints scans until --count codes, --seconds elapsed, or Ctrl-C; then a summary line. */
function listen(scanner: CodeScanner & DiagnosableScanner, options: ListenOptions): Promise<void> {
  return new Promise((resolve) => {
    let scans = 0;
    let finished = false;
    const stops: Array<() => void> = [];
    const finish = () => {
      if (finished) return;
      finished = true;
      for (const stop of stops) stop();
      writeLine({ event: 'stopped', scans, diagnostics: scanner.diagnostics() });
      resolve();
    };
    stops.push(
      scanner.events.on('read', (code) => {
        scans += 1;
        writeLine({ event: 'scan', ...scanLine(code, options.reveal) });
        if (options.count !== null && scans >= options.count) finish();
      }),
    );
    stops.push(scanner.events.on('statusChanged', (change) => writeLine({ event: 'status', ...change })));
    if (options.seconds !== null) {
      const timer = setTimeout(finish, options.seconds * 1000);
      stops.push(() => clearTimeout(timer));
    }
    const interrupted = () => finish();
    process.once('SIGINT', interrupted);
    stops.push(() => process.off('SIGINT', interrupted));
  });
}

function scanLine(code: ScannedCode, reveal: boolean): Record<string, string | number> {
  const summary = { symbology: code.symbology, characters: [...code.data].length };
  return reveal ? { ...summary, data: code.data } : summary;
}

function writeLine(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

function hex4(id: number): string {
  return id.toString(16).padStart(4, '0');
}
