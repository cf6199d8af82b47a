// `npm run device -- a4-printer status|test-page --url ipp://HOST:PORT/PATH`: asks an IPP printer how it is,
// or prints a test page and follows it until paper comes out. JSON on stdout; job progress on stderr.

import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { createIppA4Printer } from '../../device-drivers/a4-printer/ipp-a4-printer';
import { a4DeviceReport, type PrintJobProgress } from '../../device-drivers/a4-printer/a4-printer';
import { renderA4TestPage } from '../../kiosk/diagnostics/a4-test-page';
import { shippedTestPageTemplates } from '../../print-templates/test-page-templates';
import { CliFailure, deviceFailure, printJson } from './cli-output';

export async function runA4PrinterCommand(args: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { url: { type: 'string' }, 'poll-ms': { type: 'string' } },
    });
  } catch (error) {
    throw new CliFailure(`a4-printer: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
  const [command, ...extra] = parsed.positionals;
  const { url } = parsed.values;
  if ((command !== 'status' && command !== 'test-page') || extra.length > 0) {
    throw new CliFailure('usage: a4-printer status|test-page --url ipp://HOST:PORT/PATH [--poll-ms N]', 2);
  }
  if (!url) throw new CliFailure('a4-printer: --url ipp://HOST:PORT/PATH is required', 2);
  const pollMs = parsed.values['poll-ms'] === undefined ? 500 : Number(parsed.values['poll-ms']);
  if (!Number.isInteger(pollMs) || pollMs < 10) throw new CliFailure('a4-printer: --poll-ms must be an integer of at least 10', 2);

  let printer;
  try {
    printer = createIppA4Printer({ url, pollMs });
  } catch {
    throw new CliFailure(`a4-printer: not a printer URL: ${url}`, 2);
  }

  if (command === 'status') {
    const answer = await printer.diagnostics();
    if (!answer.ok) throw deviceFailure('a4-printer status', answer.error);
    const { kioskStatus, ...ipp } = answer.value;
    printJson({ printer: printer.printerUri, ...ipp, status: a4DeviceReport(kioskStatus), kioskStatus });
    return;
  }

  const startedAt = new Date();
  // The shipped test page: this command runs on a printer by its address, with no kiosk's data behind it.
  const { pdf, pages } = await renderA4TestPage(shippedTestPageTemplates().a4, {
    kioskId: hostname(),
    printerUri: printer.printerUri,
    at: startedAt,
  });
  const progress: PrintJobProgress[] = [];
  const result = await printer.print({ pdf, jobName: 'kiosk-test-page', pages }, (step) => {
    progress.push(step);
    process.stderr.write(`job ${step.jobId}: ${step.stage}${step.stage === 'stalled' ? ` (${step.reason})` : ''}\n`);
  });
  await printer.close();
  if (!result.ok) throw deviceFailure('a4-printer test-page', result.error);
  printJson({
    what: 'a4-test-page',
    printer: printer.printerUri,
    at: startedAt.toISOString(),
    outcome: 'completed',
    jobId: result.value.jobId,
    progress: progress.map(({ jobId: _jobId, ...stage }) => stage),
    durationMs: Date.now() - startedAt.getTime(),
    bytes: pdf.length,
    status: a4DeviceReport(printer.status()),
  });
}
