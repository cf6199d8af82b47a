// The real A4 printer: an IPP printer (a CUPS queue, or an IPP Everywhere printer such as a USB printer behind
// ipp-usb). Asks the printer afresh before every job, submits with Print-Job, then follows the job with
// Get-Job-Attributes until it ends. A job whose outcome is unknown is never sent again. The driver keeps no copy
// of a document: the bytes go from the caller's buffer to the socket.

import { abortableDelay } from '../abortable-delay';
import { fail, type DeviceResult } from '../device-result';
import { EventHub } from '../event-hub';
import { ok, type Result } from '../result';
import type {
  A4Printer,
  A4PrintError,
  A4PrinterEvents,
  A4PrinterStatus,
  PrintDocument,
  PrintJobProgress,
  PrintJobStage,
} from './a4-printer';
import { IppClient, type IppTransportError } from './ipp-client';
import {
  cancelJobRequest,
  getJobAttributesRequest,
  getPrinterAttributesRequest,
  isSuccess,
  printJobRequest,
  readJobAttributes,
  readPrinterAttributes,
  StatusCode,
  statusMessage,
  type JobAttributes,
  type JobStateName,
  type MarkerLevel,
  type PrinterAttributes,
} from './ipp-operations';
import { baseReason, blockingReasons, jobStage, mapPrinterStatus, NO_PRINTER, printerStateName } from './printer-status-mapping';

/** What maintenance staff see of an IPP printer (`npm run device -- a4-printer status`). */
export interface IppPrinterDiagnostics {
  /** `idle`, `processing`, `stopped`, or the number a printer sent outside those. */
  printerState: string | null;
  /** printer-state-reasons as the printer sent them (`media-empty-warning`, …): for staff to read. */
  reasons: string[];
  message: string | null;
  acceptingJobs: boolean | null;
  markers: MarkerLevel[];
  kioskStatus: A4PrinterStatus;
}

export interface IppA4PrinterOptions {
  /** `ipp://host[:port]/path`; port 631 when none is given. */
  url: string;
  /** How often a job is followed with Get-Job-Attributes. */
  pollMs?: number;
  /** How often the status is asked in the background between jobs (after open()). */
  statusPollMs?: number;
  /** Timeout of one status or job query. */
  requestTimeoutMs?: number;
  /** Timeout of a Print-Job, document upload included. */
  submitTimeoutMs?: number;
  /** A followed job whose printer stays silent this long has an unknown outcome. */
  lostAfterMs?: number;
}

const FINAL_STATES: ReadonlySet<JobStateName> = new Set(['completed', 'canceled', 'aborted']);
/** Job reasons that only say "nothing special". */
const UNREMARKABLE_JOB_REASONS = new Set(['none', 'job-printing', 'job-queued', 'job-incoming', 'job-completed-successfully']);

/** A job as IPP tells it; stays in this file. `reasons`: the job's own and, while it waits, the printer's. */
interface JobSnapshot {
  jobId: string;
  state: JobStateName;
  reasons: string[];
}

type PrintResult = Result<PrintJobProgress, A4PrintError>;

export function createIppA4Printer(options: IppA4PrinterOptions): IppA4Printer {
  return new IppA4Printer(options);
}

export class IppA4Printer implements A4Printer {
  readonly kind = 'a4-printer' as const;
  private readonly hub = new EventHub<A4PrinterEvents>();
  readonly events = this.hub;
  private readonly client: IppClient;
  private readonly pollMs: number;
  private readonly statusPollMs: number;
  private readonly submitTimeoutMs: number;
  private readonly lostAfterMs: number;
  private current: A4PrinterStatus = { state: 'starting' };
  private inFlight: Promise<Result<PrinterAttributes, A4PrintError>> | null = null;
  private statusTimer: NodeJS.Timeout | undefined;
  private running = new AbortController();
  private printing = false;

  constructor(options: IppA4PrinterOptions) {
    this.client = new IppClient({ url: options.url, timeoutMs: options.requestTimeoutMs ?? 5_000 });
    this.pollMs = options.pollMs ?? 1_000;
    this.statusPollMs = options.statusPollMs ?? 10_000;
    this.submitTimeoutMs = options.submitTimeoutMs ?? 60_000;
    this.lostAfterMs = options.lostAfterMs ?? 30_000;
  }

  get printerUri(): string {
    return this.client.printerUri;
  }

  status(): A4PrinterStatus {
    return { ...this.current };
  }

  async refreshStatus(): Promise<A4PrinterStatus> {
    await this.readPrinterAttributes();
    return this.status();
  }

  /**
   * For maintenance staff: the printer's own account, read afresh — its state named, its reasons as sent (suffixes
   * included), its message and supply levels — beside the status in the kiosk's words. Only staff read it; nothing
   * of the kiosk decides on it.
   */
  async diagnostics(): Promise<Result<IppPrinterDiagnostics, A4PrintError>> {
    const answer = await this.readPrinterAttributes();
    if (!answer.ok) return answer;
    const { state, reasons, message, acceptingJobs, markers } = answer.value;
    return ok({ printerState: printerStateName(state), reasons, message, acceptingJobs, markers, kioskStatus: this.status() });
  }

  /** One Get-Printer-Attributes, shared by callers that ask at the same time; updates status() and its events. */
  private readPrinterAttributes(): Promise<Result<PrinterAttributes, A4PrintError>> {
    this.inFlight ??= this.queryPrinter().finally(() => (this.inFlight = null));
    return this.inFlight;
  }

  async open(): Promise<void> {
    if (this.running.signal.aborted) this.running = new AbortController();
    clearTimeout(this.statusTimer);
    const poll = async () => {
      await this.readPrinterAttributes();
      if (this.running.signal.aborted) return;
      this.statusTimer = setTimeout(poll, this.statusPollMs);
      this.statusTimer.unref(); // polling alone must not keep a command-line process alive
    };
    await poll();
  }

  async close(): Promise<void> {
    this.running.abort();
    clearTimeout(this.statusTimer);
  }

  async print(document: PrintDocument, onProgress: (progress: PrintJobProgress) => void): Promise<PrintResult> {
    if (document.pdf.length === 0) return fail('invalidData', 'emptyDocument', 'no document to print');
    if (this.printing) return fail('deviceNotReady', 'busy', 'another job is being printed');
    this.printing = true;
    try {
      // Some printers hide errors while asleep: ask before handing over a job, not only after.
      const before = await this.readPrinterAttributes();
      if (!before.ok) return before;
      const refused = this.refusesJobs(before.value);
      if (refused) return refused;

      const submitted = await this.submit(document);
      if (!submitted.ok) return submitted;
      return await this.follow(submitted.value, onProgress);
    } finally {
      this.printing = false;
    }
  }

  async cancel(jobId: string): Promise<DeviceResult<void>> {
    const id = Number(jobId);
    if (!Number.isInteger(id) || id < 1) return fail('invalidData', 'noSuchJob', 'not a job id');
    const exchange = await this.client.send(cancelJobRequest(this.client.printerUri, this.client.requestId(), id));
    if (!exchange.ok) return transportFailure(exchange.error, 'Cancel-Job');
    const code = exchange.value.code;
    if (isSuccess(code)) return ok(undefined);
    if (code === StatusCode.clientErrorNotFound) return fail('invalidData', 'noSuchJob', 'the printer has no such job');
    if (code === StatusCode.clientErrorNotPossible) return fail('invalidData', 'jobFinished', 'the job has already ended');
    return fail('hardwareError', 'ippStatus', ippStatusText('Cancel-Job', code, statusMessage(exchange.value)));
  }

  // ---- steps of a job ----

  private refusesJobs(printer: PrinterAttributes): Result<never, A4PrintError> | null {
    const { state } = this.current;
    const why = printer.reasons.map(baseReason).join(', ') || 'no reason given';
    if (state === 'offline') return fail('deviceNotReady', 'offline', `the printer does not take jobs now (${why})`);
    if (state === 'hardwareError') return fail('hardwareError', 'printerError', `the printer reports an error (${why})`);
    // Paper out, a jam or an open cover: the job is handed over and waits, as on the simulated twin; progress says why.
    return null;
  }

  private async submit(document: PrintDocument): Promise<Result<JobSnapshot, A4PrintError>> {
    const request = printJobRequest(this.client.printerUri, this.client.requestId(), document.jobName);
    const exchange = await this.client.send(request, { document: document.pdf, timeoutMs: this.submitTimeoutMs });
    if (!exchange.ok) {
      const { error } = exchange;
      if (!error.delivered) return transportFailure(error, 'Print-Job');
      // The printer answered "no" at the HTTP level (e.g. 401, 413): nothing was queued.
      if (error.kind === 'httpError' && (error.httpStatus ?? 500) < 500) {
        return fail('hardwareError', 'jobRefused', `Print-Job refused: ${error.detail}`);
      }
      // The request may have reached the printer: it may print. Never send it again; tell staff.
      return fail(
        error.kind === 'timeout' ? 'timeOut' : 'noDevice',
        'outcomeUnknown',
        `Print-Job ${error.kind}: ${error.detail}; the printer may hold the job`,
      );
    }
    const response = exchange.value;
    if (!isSuccess(response.code)) {
      const text = ippStatusText('Print-Job', response.code, statusMessage(response));
      if (response.code === StatusCode.serverErrorBusy) return fail('deviceNotReady', 'busy', text);
      if (response.code === StatusCode.serverErrorNotAcceptingJobs) return fail('deviceNotReady', 'offline', text);
      if (response.code === StatusCode.clientErrorDocumentFormatNotSupported) return fail('invalidData', 'formatNotSupported', text);
      return fail('hardwareError', 'jobRefused', text);
    }
    const job = readJobAttributes(response);
    if (job.jobId === null)
      return fail('hardwareError', 'outcomeUnknown', 'Print-Job succeeded without a job id; the printer may hold the job');
    return ok({ jobId: String(job.jobId), state: job.state ?? 'pending', reasons: jobReasons(job) });
  }

  /** Polls the job to its end. The printer holds the job from here: every exit says what became of it. */
  private async follow(first: JobSnapshot, onProgress: (progress: PrintJobProgress) => void): Promise<PrintResult> {
    const jobId = Number(first.jobId);
    let last = first;
    // The printer holds the job, whatever state it is already in: say so first.
    let told: PrintJobStage = jobStage(first.state, first.reasons) ?? { stage: 'sent' };
    onProgress({ jobId: first.jobId, ...told });
    let lastHeard = Date.now();
    const { signal } = this.running;

    while (!FINAL_STATES.has(last.state)) {
      await abortableDelay(this.pollMs, signal);
      if (signal.aborted)
        return fail('noDevice', 'outcomeUnknown', `driver closed while following job ${jobId}; the printer may still print it`);

      const exchange = await this.client.send(getJobAttributesRequest(this.client.printerUri, this.client.requestId(), jobId));
      if (exchange.ok && exchange.value.code === StatusCode.clientErrorNotFound) {
        return fail('hardwareError', 'outcomeUnknown', `the printer no longer knows job ${jobId} (restarted?)`);
      }
      if (!exchange.ok || !isSuccess(exchange.value.code)) {
        if (Date.now() - lastHeard < this.lostAfterMs) continue; // a printer waking up or busy: ask again
        await this.readPrinterAttributes(); // so status() says what is known now
        const why = exchange.ok ? ippStatusText('Get-Job-Attributes', exchange.value.code, null) : exchange.error.detail;
        return fail('noDevice', 'outcomeUnknown', `lost job ${jobId} for ${this.lostAfterMs} ms (${why}); it is not sent again`);
      }
      lastHeard = Date.now();

      const job = readJobAttributes(exchange.value);
      // While the job waits, the printer says why (ippeveprinter and many printers keep the job "processing").
      const printer = job.state && FINAL_STATES.has(job.state) ? null : await this.readPrinterAttributes();
      last = snapshotOf(first.jobId, job, last.state, printer?.ok ? printer.value.reasons : []);
      const stage = jobStage(last.state, last.reasons);
      if (stage && !sameStage(stage, told)) {
        told = stage;
        onProgress({ jobId: first.jobId, ...stage });
      }
    }

    if (last.state === 'completed') return ok({ jobId: first.jobId, stage: 'done' });
    if (last.state === 'canceled')
      return fail('canceled', 'jobCanceled', `job ${jobId} canceled (${last.reasons.join(', ') || 'no reason given'})`);
    return fail(
      'hardwareError',
      'jobAborted',
      `the printer aborted job ${jobId} (${last.reasons.join(', ') || 'no reason given'}); it is not sent again`,
    );
  }

  // ---- status ----

  private async queryPrinter(): Promise<Result<PrinterAttributes, A4PrintError>> {
    const exchange = await this.client.send(getPrinterAttributesRequest(this.client.printerUri, this.client.requestId()));
    if (!exchange.ok) {
      this.update(NO_PRINTER);
      return transportFailure(exchange.error, 'Get-Printer-Attributes');
    }
    if (!isSuccess(exchange.value.code)) {
      // Something answers at that address, but it is not this printer (wrong path, a queue deleted).
      this.update(NO_PRINTER);
      return fail('noDevice', 'ippStatus', ippStatusText('Get-Printer-Attributes', exchange.value.code, statusMessage(exchange.value)));
    }
    const attributes = readPrinterAttributes(exchange.value);
    this.update(mapPrinterStatus(attributes));
    return ok(attributes);
  }

  /** Announces the status only when it changed, and paper going low or out. */
  private update(next: A4PrinterStatus): void {
    const previous = this.current;
    this.current = next;
    if (JSON.stringify(previous) === JSON.stringify(next)) return;
    this.hub.emit('statusChanged', next);
    const paper = paperOf(next);
    if (paper !== paperOf(previous) && (paper === 'low' || paper === 'out')) this.hub.emit('paperThreshold', { paper });
  }
}

function paperOf(status: A4PrinterStatus) {
  return 'paper' in status ? status.paper : 'unknown';
}

function sameStage(a: PrintJobStage, b: PrintJobStage): boolean {
  return a.stage === b.stage && (a.stage !== 'stalled' || (b.stage === 'stalled' && a.reason === b.reason));
}

/** A job the printer keeps "processing" while it waits is taken as stopped, with the printer's reasons. */
function snapshotOf(jobId: string, job: JobAttributes, previous: JobStateName, printerReasons: string[]): JobSnapshot {
  const state = job.state ?? previous;
  const own = jobReasons(job);
  if (FINAL_STATES.has(state)) return { jobId, state, reasons: own };
  const blocking = blockingReasons(printerReasons);
  if (blocking.length > 0 || state === 'processing-stopped') {
    return { jobId, state: 'processing-stopped', reasons: [...new Set([...blocking, ...own])] };
  }
  return { jobId, state, reasons: own };
}

function jobReasons(job: JobAttributes): string[] {
  return job.reasons.filter((r) => !UNREMARKABLE_JOB_REASONS.has(r));
}

function transportFailure(error: IppTransportError, operation: string): Result<never, A4PrintError> {
  if (!error.delivered) return fail('noDevice', 'unreachable', `${operation}: printer not reachable (${error.detail})`);
  if (error.kind === 'timeout') return fail('timeOut', 'noAnswer', `${operation}: ${error.detail}`);
  return fail('noDevice', error.kind, `${operation}: ${error.detail}`);
}

function ippStatusText(operation: string, code: number, message: string | null): string {
  return `${operation} answered 0x${code.toString(16).padStart(4, '0')}${message ? ` (${message})` : ''}`;
}
