// `npm run diag` from a shell with no agent running: the configured devices opened by their real drivers, each
// on a real transport — the GA 467 reader emulator on a pty pair, ippeveprinter, the ESC/POS emulator, the gateway
// simulator as a remote gateway over mutual TLS — and one device missing: the scanner's port does not exist.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosticRecord } from '../../kiosk/diagnostics/diagnostic-record';
import { startGatewaySimulator } from '../../scripts/gateway-simulator/simulator';
import { IdReaderEmulator } from '../emulators/id-reader-emulator';
import { ReceiptPrinterEmulator } from '../emulators/receipt-printer-emulator';
import { freeLoopbackPort, startIppEverywherePrinter, type IppEverywherePrinter } from '../support/ipp-everywhere-printer';
import { repoRoot } from '../support/kiosk-process';
import { openPtyPair } from '../support/pty-pair';
import { emulatedProductionConfig } from '../support/emulated-production-config';

const run = promisify(execFile);
const cleanups: Array<() => Promise<void>> = [];
let workDir: string;
let configFile: string;
let a4: IppEverywherePrinter;

interface DiagOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

async function diag(...args: string[]): Promise<DiagOutput> {
  const tool = join(repoRoot, 'scripts', 'maintenance-tool.mjs');
  return run(process.execPath, [tool, 'diag-cli', ...args], { cwd: workDir, timeout: 60_000 }).then(
    ({ stdout, stderr }) => ({ exitCode: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ exitCode: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kiosk-diag-'));
  cleanups.push(() => rm(workDir, { recursive: true, force: true }));
  const readerPair = await openPtyPair({ name: 'diag-reader' });
  cleanups.push(() => readerPair.dispose());
  const reader = new IdReaderEmulator({ pacedBaudRate: 115200 });
  await reader.attach(readerPair.emulatorPath);
  cleanups.push(() => reader.detach());
  const receipt = await ReceiptPrinterEmulator.start({ baudRate: 19200 });
  cleanups.push(() => receipt.stop());
  a4 = await startIppEverywherePrinter({ name: 'diag' });
  cleanups.push(() => a4.close());
  const gateway = await startGatewaySimulator({ dataDir: join(workDir, 'gateway'), port: 0, adminPort: null });
  cleanups.push(() => gateway.close());

  configFile = join(workDir, 'kiosk.json');
  const config = await emulatedProductionConfig(
    {
      gateway,
      trustListCopy: join(workDir, 'trust-list.jws'),
      readerPath: readerPair.devicePath,
      scannerPath: join(workDir, 'no-such-scanner'),
      a4Url: a4.url,
      receiptPath: receipt.devicePath,
    },
    // No agent listens here: the command line opens the devices itself.
    { port: await freeLoopbackPort(), dataDir: join(workDir, 'data') },
  );
  await writeFile(configFile, JSON.stringify(config));
}, 120_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('npm run diag with no agent running', () => {
  let records: DiagnosticRecord[];

  it('lists the missing scanner as failed, every other test as passed, and exits 1', async () => {
    const { exitCode, stdout } = await diag('--config', configFile, '--json');
    const report = JSON.parse(stdout) as { ranBy: string; passed: boolean; records: DiagnosticRecord[] };
    records = report.records;
    expect(exitCode).toBe(1);
    expect(report).toMatchObject({ ranBy: 'shell', passed: false });
    const outcomes = Object.fromEntries(records.map((record) => [record.test, record.outcome]));
    expect(outcomes).toEqual({ idReader: 'passed', scanner: 'failed', a4Printer: 'passed', receiptPrinter: 'passed', gateway: 'passed' });
    const byTest = Object.fromEntries(records.map((record) => [record.test, record]));
    expect(byTest.scanner?.details).toMatchObject({ device: 'noDevice' });
    expect(byTest.idReader?.details).toMatchObject({ device: 'online', sam: 'ok' });
    expect(byTest.a4Printer?.details).toMatchObject({ readiness: 'ready' });
    expect(byTest.gateway?.details).toMatchObject({ health: 'ok', breaker: 'closed', templateVersion: expect.any(String) });
    expect(byTest.gateway?.details.trustListNextUpdate).toMatch(/^\d{4}-\d\d-\d\dT/);
    for (const record of records) expect(record.by).toBe('shell');
  }, 90_000);

  it('stores the records in the data directory', async () => {
    const stored = (await readFile(join(workDir, 'data', 'diagnostics', 'records.jsonl'), 'utf8')).trim().split('\n');
    expect(stored.map((line) => (JSON.parse(line) as DiagnosticRecord).id)).toEqual(records.map((record) => record.id));
  });

  it('prints a test page and a test receipt with --print, in a report staff can read', async () => {
    const before = (await a4.spooledDocuments()).length;
    const { exitCode, stdout } = await diag('--config', configFile, '--print');
    expect(exitCode).toBe(1); // the scanner is still missing
    expect(stdout).toMatch(/FAILED\s+scanner\s+device=noDevice/);
    expect(stdout).toMatch(/passed\s+a4TestPage/);
    expect(stdout).toMatch(/passed\s+testReceipt/);
    expect(stdout).toContain('6 passed, 1 failed, 0 skipped');
    expect((await a4.spooledDocuments()).length).toBe(before + 1);
  }, 120_000);
});
