// One self-test per device kind and the gateway, each ending in a record. Run by the agent on its own devices
// (maintenance mode, POST /api/diagnostics/run) and by `npm run diag` on devices it opened itself. Reading a
// card or scanning a code needs a person and is not part of this run. The details describe devices only.

import { randomUUID } from 'node:crypto';
import { a4DeviceReport, a4Readiness, type A4Printer } from '../../device-drivers/a4-printer/a4-printer';
import { scannerUsable, type CodeScanner } from '../../device-drivers/code-scanner/code-scanner';
import type { DeviceError } from '../../device-drivers/device-result';
import { idReaderUsable, type IdReader } from '../../device-drivers/id-reader/id-reader';
import { receiptPrinterUsable, type ReceiptPrinter } from '../../device-drivers/receipt-printer/receipt-printer';
import type { HttpsGatewayClient } from '../gateway/https-gateway-client';
import { renderReceipt } from '../../print-templates/render-receipt';
import type { TestPageTemplates } from '../../print-templates/test-page-templates';
import { renderA4TestPage } from './a4-test-page';
import type { DiagnosticDetail, DiagnosticOutcome, DiagnosticRecord, SelfTestName, SelfTestRequest } from './diagnostic-record';
import { hasSam, samState } from './sam-state';
import { testReceiptFacts } from './test-receipt';

export type SelfTestSubject = 'idReader' | 'scanner' | 'a4Printer' | 'receiptPrinter' | 'gateway';

/** What the tests run against; null where the kiosk has none to test (`missing` says why, else not configured). */
export interface SelfTestSubjects {
  idReader: IdReader | null;
  scanner: CodeScanner | null;
  a4Printer: A4Printer | null;
  receiptPrinter: ReceiptPrinter | null;
  gateway: HttpsGatewayClient | null;
  missing?: Partial<Record<SelfTestSubject, string>>;
  /** The A4 template installed: its version, or `bundled` when it has none. */
  templateVersion: string;
  /** Printed on the test pages. */
  kioskId: string;
  /** The verifier page: the receipt test page's QR code shows it, where the template prints one. */
  verifierUrl: string | null;
  /** The test page templates in force, asked at each test (an installed bundle may replace them). */
  testPages: () => TestPageTemplates;
}

export interface SelfTestDeps {
  now?: () => Date;
  newId?: () => string;
  /** How long the gateway's health probe may take. */
  healthTimeoutMs?: number;
  /** How long a test page may take to come out before it is canceled. */
  testPageDeadlineMs?: number;
}

type Details = Record<string, DiagnosticDetail>;
export interface Verdict {
  outcome: DiagnosticOutcome;
  details: Details;
}

const passedIf = (passed: boolean, details: Details): Verdict => ({ outcome: passed ? 'passed' : 'failed', details });

function deviceErrorDetails(error: DeviceError): Details {
  return { error: error.code, errorCode: error.errorCode ?? null, description: error.description ?? null };
}

async function idReaderTest(reader: IdReader): Promise<Verdict> {
  const sam = hasSam(reader) && idReaderUsable(reader.status()) ? await samState(reader) : null;
  const status = reader.status(); // after the probe, which may have found the reader gone
  return passedIf(idReaderUsable(status) && (sam === null || sam === 'ok'), { ...status, sam });
}

function scannerTest(scanner: CodeScanner): Verdict {
  const status = scanner.status();
  return passedIf(scannerUsable(status), { ...status });
}

async function a4PrinterTest(printer: A4Printer): Promise<Verdict> {
  const status = await printer.refreshStatus();
  const readiness = a4Readiness(status);
  return passedIf(readiness === 'ready', { ...a4DeviceReport(status), state: status.state, readiness });
}

/**
 * A test page only on a printer that says it is ready; a job that stalls (paper out, a jam) or takes longer than
 * the deadline is canceled and the test fails, so staff are never left waiting on a run.
 */
async function a4TestPageTest(printer: A4Printer, subjects: SelfTestSubjects, now: Date, deadlineMs: number): Promise<Verdict> {
  const readiness = a4Readiness(await printer.refreshStatus());
  if (readiness !== 'ready') return { outcome: 'failed', details: { readiness, printed: false } };
  const printerUri = 'printerUri' in printer && typeof printer.printerUri === 'string' ? printer.printerUri : '';
  const { pdf, pages } = await renderA4TestPage(subjects.testPages().a4, { kioskId: subjects.kioskId, printerUri, at: now });
  let stages = 0;
  let stalled: string | null = null;
  let jobId: string | null = null;
  const cancel = () => void (jobId === null ? undefined : printer.cancel(jobId));
  const deadline = setTimeout(() => {
    stalled ??= 'deadline';
    cancel();
  }, deadlineMs);
  try {
    const result = await printer.print({ pdf, jobName: 'kiosk-test-page', pages }, (progress) => {
      stages++;
      jobId = progress.jobId;
      if (progress.stage === 'stalled' && stalled === null) {
        stalled = progress.reason;
        setTimeout(cancel, 0); // not from inside the driver's own callback: it may not be waiting yet
      }
    });
    if (!result.ok) return { outcome: 'failed', details: { ...deviceErrorDetails(result.error), stalled, stages } };
    return { outcome: 'passed', details: { stage: result.value.stage, stages, bytes: pdf.length } };
  } finally {
    clearTimeout(deadline);
  }
}

function receiptPrinterTest(printer: ReceiptPrinter): Verdict {
  const status = printer.status();
  return passedIf(receiptPrinterUsable(status), { ...status });
}

async function testReceiptTest(printer: ReceiptPrinter, subjects: SelfTestSubjects, now: Date): Promise<Verdict> {
  const receipt = renderReceipt(subjects.testPages().receipt, testReceiptFacts(subjects.kioskId, now, subjects.verifierUrl));
  if (!receipt.ok) return { outcome: 'failed', details: { error: 'receiptTemplate' } };
  const result = await printer.print(receipt.value);
  return result.ok
    ? { outcome: 'passed', details: { ...printer.status() } }
    : { outcome: 'failed', details: deviceErrorDetails(result.error) };
}

async function gatewayTest(gateway: HttpsGatewayClient, templateVersion: string, timeoutMs: number): Promise<Verdict> {
  const health = await gateway.health(AbortSignal.timeout(timeoutMs));
  const diagnostics = gateway.diagnostics();
  return passedIf(health.ok, {
    health: health.ok ? 'ok' : health.error.detail,
    breaker: diagnostics.breaker,
    clockOffsetMs: diagnostics.clockOffsetMs,
    trustListVersion: diagnostics.trustListVersion,
    trustListNextUpdate: new Date(gateway.trustList.nextUpdateMs).toISOString(),
    trustListStale: diagnostics.trustListStale,
    templateVersion,
  });
}

/** The tests that use no paper, in the order a run takes them. */
const statusTests = ['idReader', 'scanner', 'a4Printer', 'receiptPrinter', 'gateway'] as const satisfies readonly SelfTestName[];
/** The tests a machine runs alone; `cardRead` and `scanCode` need a person and are run by maintenance mode. */
export type MachineSelfTest = (typeof statusTests)[number] | 'a4TestPage' | 'testReceipt';

/** The run: each test in turn (serial devices answer one command at a time), a record for each. */
export function runSelfTests(subjects: SelfTestSubjects, request: SelfTestRequest, deps: SelfTestDeps = {}): Promise<DiagnosticRecord[]> {
  const tests: MachineSelfTest[] = [...statusTests];
  if (request.print) tests.push('a4TestPage', 'testReceipt');
  return runNamedSelfTests(subjects, tests, request.by, deps);
}

/** A test's verdict as a record: timed, and a test that threw fails by the error's kind, never its text. */
export async function recordSelfTest(
  test: SelfTestName,
  by: string,
  run: () => Promise<Verdict> | Verdict,
  deps: SelfTestDeps = {},
): Promise<DiagnosticRecord> {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? randomUUID;
  const startedAt = now();
  let verdict: Verdict;
  try {
    verdict = await run();
  } catch (error) {
    verdict = { outcome: 'failed', details: { error: error instanceof Error ? error.name : typeof error } };
  }
  return {
    id: newId(),
    test,
    startedAt: startedAt.toISOString(),
    durationMs: Math.max(0, now().getTime() - startedAt.getTime()),
    by,
    ...verdict,
  };
}

/** The named tests, in the order given, a record for each. */
export async function runNamedSelfTests(
  subjects: SelfTestSubjects,
  tests: readonly MachineSelfTest[],
  by: string,
  deps: SelfTestDeps = {},
): Promise<DiagnosticRecord[]> {
  const now = deps.now ?? (() => new Date());
  const healthTimeoutMs = deps.healthTimeoutMs ?? 5_000;
  const testPageDeadlineMs = deps.testPageDeadlineMs ?? 120_000;
  const { idReader, scanner, a4Printer, receiptPrinter, gateway } = subjects;
  const skipped = (subject: SelfTestSubject): Verdict => ({
    outcome: 'skipped',
    details: { reason: subjects.missing?.[subject] ?? 'notConfigured' },
  });

  const plan: Record<MachineSelfTest, () => Promise<Verdict> | Verdict> = {
    idReader: () => (idReader ? idReaderTest(idReader) : skipped('idReader')),
    scanner: () => (scanner ? scannerTest(scanner) : skipped('scanner')),
    a4Printer: () => (a4Printer ? a4PrinterTest(a4Printer) : skipped('a4Printer')),
    receiptPrinter: () => (receiptPrinter ? receiptPrinterTest(receiptPrinter) : skipped('receiptPrinter')),
    gateway: () => (gateway ? gatewayTest(gateway, subjects.templateVersion, healthTimeoutMs) : skipped('gateway')),
    a4TestPage: () => (a4Printer ? a4TestPageTest(a4Printer, subjects, now(), testPageDeadlineMs) : skipped('a4Printer')),
    testReceipt: () => (receiptPrinter ? testReceiptTest(receiptPrinter, subjects, now()) : skipped('receiptPrinter')),
  };

  const records: DiagnosticRecord[] = [];
  for (const test of tests) records.push(await recordSelfTest(test, by, plan[test], deps));
  return records;
}
