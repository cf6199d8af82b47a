// The driver against a scripted IPP printer on loopback, for what a real printer will not do on demand: drop
// the connection right after a Print-Job, forget a job, answer busy. The real printer is in
// test/integration/a4-printer-ipp.test.ts.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { a4Readiness, type A4PrinterStatus, type PrintJobProgress } from './a4-printer';
import { createIppA4Printer, type IppA4Printer } from './ipp-a4-printer';
import { decodeIppMessage, encodeIppMessage, GroupTag, ValueTag, type IppAttribute } from './ipp-encoding';
import { Operation } from './ipp-operations';

interface FakeJob {
  state: number;
  reasons: string[];
}

/** A minimal IPP printer whose every answer the test sets. */
class ScriptedPrinter {
  printerState = 3;
  reasons: string[] = [];
  accepting = true;
  jobs = new Map<number, FakeJob>();
  operations: number[] = [];
  /** What Print-Job does: create the job, answer busy, or drop the connection after reading the request. */
  onPrintJob: 'create' | 'busy' | 'drop' = 'create';
  /** Get-Job-Attributes drops the connection (the printer went away mid-job). */
  jobQueriesFail = false;
  url = '';
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => this.answer(Buffer.concat(chunks), req, res));
  });

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `ipp://127.0.0.1:${(this.server.address() as AddressInfo).port}/ipp/print`;
    return this;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }

  private answer(body: Buffer, req: http.IncomingMessage, res: http.ServerResponse): void {
    const decoded = decodeIppMessage(body);
    if (!decoded.ok) {
      res.writeHead(400).end();
      return;
    }
    const request = decoded.value;
    this.operations.push(request.code);
    const keywords = (values: string[]) => (values.length ? values : ['none']).map((value) => ({ tag: ValueTag.keyword, value }));
    const reply = (code: number, groupTag?: number, attributes: IppAttribute[] = []): void => {
      res.writeHead(200, { 'Content-Type': 'application/ipp' }).end(
        encodeIppMessage({
          version: { major: 1, minor: 1 },
          code,
          requestId: request.requestId,
          data: new Uint8Array(0),
          groups: [{ tag: GroupTag.operation, attributes: [] }, ...(groupTag ? [{ tag: groupTag, attributes }] : [])],
        }),
      );
    };
    const jobAttributes = (id: number, job: FakeJob): IppAttribute[] => [
      { name: 'job-id', values: [{ tag: ValueTag.integer, value: id }] },
      { name: 'job-state', values: [{ tag: ValueTag.enum, value: job.state }] },
      { name: 'job-state-reasons', values: keywords(job.reasons) },
    ];
    const jobId = (request.groups[0]?.attributes.find((a) => a.name === 'job-id')?.values[0] as { value: number } | undefined)?.value ?? 0;

    switch (request.code) {
      case Operation.getPrinterAttributes:
        return reply(0, GroupTag.printer, [
          { name: 'printer-state', values: [{ tag: ValueTag.enum, value: this.printerState }] },
          { name: 'printer-state-reasons', values: keywords(this.reasons) },
          { name: 'printer-is-accepting-jobs', values: [{ tag: ValueTag.boolean, value: this.accepting }] },
        ]);
      case Operation.printJob: {
        if (this.onPrintJob === 'drop') return void req.socket.destroy();
        if (this.onPrintJob === 'busy') return reply(0x0507);
        const id = this.jobs.size + 1;
        const job = { state: 3, reasons: [] };
        this.jobs.set(id, job);
        return reply(0, GroupTag.job, jobAttributes(id, job));
      }
      case Operation.getJobAttributes: {
        if (this.jobQueriesFail) return void req.socket.destroy();
        const job = this.jobs.get(jobId);
        return job ? reply(0, GroupTag.job, jobAttributes(jobId, job)) : reply(0x0406);
      }
      case Operation.cancelJob: {
        const job = this.jobs.get(jobId);
        if (!job) return reply(0x0406);
        if (job.state >= 7) return reply(0x0404);
        job.state = 7;
        job.reasons = ['job-canceled-by-user'];
        return reply(0);
      }
      default:
        return reply(0x0501);
    }
  }
}

const doc = { pdf: new TextEncoder().encode('%PDF-1.7\n%test\n'), jobName: 'kiosk-7', pages: 1 };
const until = async (check: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 5));
  }
};

let printer: ScriptedPrinter;
let driver: IppA4Printer | undefined;
afterEach(async () => {
  await driver?.close();
  await printer.stop();
});

async function setUp(options: { lostAfterMs?: number } = {}) {
  printer = await new ScriptedPrinter().start();
  driver = createIppA4Printer({ url: printer.url, pollMs: 10, lostAfterMs: options.lostAfterMs ?? 200 });
  return driver;
}

describe('IppA4Printer against a scripted printer', () => {
  it('never sends a Print-Job again when the connection drops after it was sent', async () => {
    const a4 = await setUp();
    printer.onPrintJob = 'drop';
    const progress: PrintJobProgress[] = [];
    const result = await a4.print(doc, (p) => progress.push(p));
    expect(result).toEqual({
      ok: false,
      error: { code: 'noDevice', errorCode: 'outcomeUnknown', description: expect.stringContaining('may hold the job') },
    });
    expect(printer.operations.filter((op) => op === Operation.printJob)).toHaveLength(1);
    expect(progress).toEqual([]);
  });

  it('declares the outcome unknown when the printer stops answering mid-job, and sends nothing again', async () => {
    const a4 = await setUp({ lostAfterMs: 100 });
    const progress: PrintJobProgress[] = [];
    const printing = a4.print(doc, (p) => progress.push(p));
    await until(() => progress.length > 0);
    printer.jobQueriesFail = true;
    const result = await printing;
    expect(result.ok || result.error).toMatchObject({ code: 'noDevice', errorCode: 'outcomeUnknown' });
    expect(printer.operations.filter((op) => op === Operation.printJob)).toHaveLength(1);
  });

  it('says so when the printer forgets the job (restarted)', async () => {
    const a4 = await setUp();
    const printing = a4.print(doc, () => printer.jobs.clear());
    expect(await printing).toMatchObject({ ok: false, error: { code: 'hardwareError', errorCode: 'outcomeUnknown' } });
  });

  it('reports a job the printer keeps "processing" while a cover is open as stopped, then completed', async () => {
    const a4 = await setUp();
    const progress: PrintJobProgress[] = [];
    const printing = a4.print(doc, (p) => progress.push(p));
    await until(() => printer.jobs.size === 1);
    const job = printer.jobs.get(1)!;
    job.state = 5;
    printer.printerState = 4;
    printer.reasons = ['cover-open-error'];
    await until(() => progress.some((p) => p.stage === 'stalled'));
    printer.reasons = [];
    await until(() => progress.at(-1)?.stage === 'printing');
    job.state = 9;
    job.reasons = ['job-completed-successfully'];
    expect(await printing).toEqual({ ok: true, value: { jobId: '1', stage: 'done' } });
    expect(progress).toEqual([
      { jobId: '1', stage: 'sent' },
      { jobId: '1', stage: 'stalled', reason: 'coverOpen' },
      { jobId: '1', stage: 'printing' },
      { jobId: '1', stage: 'done' },
    ]);
  });

  it("tells a processing-stopped job as stalled, for the printer's reason", async () => {
    const a4 = await setUp();
    const progress: PrintJobProgress[] = [];
    const printing = a4.print(doc, (p) => progress.push(p));
    await until(() => printer.jobs.size === 1);
    printer.printerState = 5;
    printer.reasons = ['media-jam-error'];
    Object.assign(printer.jobs.get(1)!, { state: 6, reasons: ['printer-stopped'] });
    await until(() => progress.length >= 2);
    expect(progress[1]).toEqual({ jobId: '1', stage: 'stalled', reason: 'jam' });
    expect(a4.status()).toEqual({ state: 'stalled', reason: 'jam', paper: 'jammed', toner: 'full', media: 'jammed' });
    Object.assign(printer.jobs.get(1)!, { state: 8, reasons: ['aborted-by-system'] });
    expect(await printing).toMatchObject({ ok: false, error: { code: 'hardwareError', errorCode: 'jobAborted' } });
  });

  it('returns canceled when the job is canceled, and cancel() reports jobs that are gone', async () => {
    const a4 = await setUp();
    let jobId = '';
    const printing = a4.print(doc, (p) => (jobId = p.jobId));
    await until(() => jobId !== '');
    expect(await a4.cancel(jobId)).toEqual({ ok: true, value: undefined });
    expect(await printing).toMatchObject({ ok: false, error: { code: 'canceled', errorCode: 'jobCanceled' } });
    expect(await a4.cancel(jobId)).toMatchObject({ ok: false, error: { errorCode: 'jobFinished' } });
    expect(await a4.cancel('99')).toMatchObject({ ok: false, error: { errorCode: 'noSuchJob' } });
    expect(await a4.cancel('x')).toMatchObject({ ok: false, error: { errorCode: 'noSuchJob' } });
  });

  it('refuses to hand a job to a printer that is offline, and says busy for a busy one', async () => {
    const a4 = await setUp();
    printer.accepting = false;
    expect(await a4.print(doc, () => {})).toMatchObject({ ok: false, error: { code: 'deviceNotReady', errorCode: 'offline' } });
    printer.accepting = true;
    printer.onPrintJob = 'busy';
    expect(await a4.print(doc, () => {})).toMatchObject({ ok: false, error: { code: 'deviceNotReady', errorCode: 'busy' } });
    expect(printer.operations.filter((op) => op === Operation.printJob)).toHaveLength(1);
  });

  it('takes one job at a time and refuses an empty document', async () => {
    const a4 = await setUp();
    const first = a4.print(doc, () => {});
    expect(await a4.print(doc, () => {})).toMatchObject({ ok: false, error: { code: 'deviceNotReady', errorCode: 'busy' } });
    expect(await a4.print({ ...doc, pdf: new Uint8Array(0) }, () => {})).toMatchObject({ ok: false, error: { code: 'invalidData' } });
    await until(() => printer.jobs.size === 1);
    printer.jobs.get(1)!.state = 9;
    expect((await first).ok).toBe(true);
  });

  it('announces the status only when it changes, and paper thresholds once', async () => {
    const a4 = await setUp();
    const changes: A4PrinterStatus[] = [];
    const thresholds: string[] = [];
    a4.events.on('statusChanged', (c) => changes.push(c));
    a4.events.on('paperThreshold', (t) => thresholds.push(t.paper));
    await a4.refreshStatus();
    await a4.refreshStatus();
    printer.reasons = ['media-low-report'];
    await a4.refreshStatus();
    await a4.refreshStatus();
    printer.reasons = ['media-empty-report', 'toner-low-report'];
    await a4.refreshStatus();
    await printer.stop();
    await a4.refreshStatus();
    expect(changes).toEqual([
      { state: 'ready', paper: 'full', toner: 'full', media: 'unknown' }, // IPP cannot see the output tray
      { state: 'ready', paper: 'low', toner: 'full', media: 'unknown' },
      { state: 'stalled', reason: 'paperOut', paper: 'out', toner: 'low', media: 'unknown' },
      { state: 'noDevice' },
    ]);
    expect(thresholds).toEqual(['low', 'out']);
    printer = await new ScriptedPrinter().start(); // for afterEach
  });

  it('polls the status in the background once opened, and stops when closed', async () => {
    printer = await new ScriptedPrinter().start();
    driver = createIppA4Printer({ url: printer.url, statusPollMs: 10 });
    expect(driver.status()).toEqual({ state: 'starting' });
    await driver.open();
    expect(driver.status()).toMatchObject({ state: 'ready' });
    printer.reasons = ['media-empty-report'];
    await until(() => a4Readiness(driver!.status()) === 'paperOut');
    await driver.close();
    const asked = printer.operations.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(printer.operations.length).toBe(asked);
  });

  it('shares one status query among callers that ask at the same time', async () => {
    const a4 = await setUp();
    await Promise.all([a4.refreshStatus(), a4.refreshStatus(), a4.refreshStatus()]);
    expect(printer.operations).toEqual([Operation.getPrinterAttributes]);
  });
});
