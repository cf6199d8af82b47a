// The real IPP driver against a real IPP Everywhere printer (ippeveprinter) on loopback: status mapping, a PDF
// that arrives byte for byte, paper out while a job waits, a jam, an aborted job that is not sent again, an
// absent printer, a cross-check with ipptool, and the maintenance command. Needs Debian cups-ipp-utils and dbus;
// fails, never skips, without them.

import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { a4PaperWaiting, type A4PrinterStatus, type PrintJobProgress } from '../../device-drivers/a4-printer/a4-printer';
import { createIppA4Printer, type IppA4Printer } from '../../device-drivers/a4-printer/ipp-a4-printer';
import { runA4PrinterCommand } from '../../scripts/device-cli/a4-printer-command';
import { renderA4TestPage } from '../../kiosk/diagnostics/a4-test-page';
import { shippedTestPageTemplates } from '../../print-templates/test-page-templates';
import { CliFailure } from '../../scripts/device-cli/cli-output';
import { freeLoopbackPort, requireTool, startIppEverywherePrinter, type IppEverywherePrinter } from '../support/ipp-everywhere-printer';

let rig: IppEverywherePrinter;
let a4: IppA4Printer;
const pdf = new TextEncoder().encode('%PDF-1.7\n% a stand-in document\n%%EOF\n');
const doc = (jobName = 'kiosk-7') => ({ pdf, jobName, pages: 1 });

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms\n${rig.log().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  rig = await startIppEverywherePrinter();
});
afterAll(async () => {
  await rig?.close();
});
beforeEach(async () => {
  await rig.setJobBehaviour('print');
  await rig.setPaper('full');
  await rig.setToner('full');
  a4 = createIppA4Printer({ url: rig.url, pollMs: 20 });
  return () => a4.close();
});

describe('status of a real IPP printer', () => {
  it('is ready with paper and toner when idle', async () => {
    expect(await a4.refreshStatus()).toEqual({ state: 'ready', paper: 'full', toner: 'full', media: 'unknown' });
  });

  it('says paper out (media-empty) and announces the threshold', async () => {
    const thresholds: string[] = [];
    a4.events.on('paperThreshold', (t) => thresholds.push(t.paper));
    await a4.refreshStatus();
    await rig.setPaper('empty');
    expect(await a4.refreshStatus()).toMatchObject({ state: 'stalled', reason: 'paperOut', paper: 'out' });
    await rig.setPaper('low');
    expect(await a4.refreshStatus()).toMatchObject({ state: 'ready', paper: 'low' });
    expect(thresholds).toEqual(['out', 'low']);
  });

  it('says toner out (toner-empty) and toner low', async () => {
    await rig.setToner('empty');
    expect(await a4.refreshStatus()).toMatchObject({ state: 'stalled', reason: 'tonerOut', toner: 'out' });
    await rig.setToner('low');
    expect(await a4.refreshStatus()).toMatchObject({ state: 'ready', toner: 'low' });
  });

  it('says jammed while the printer reports media-jam, and the job waits then completes', async () => {
    await rig.setJobBehaviour('jam');
    const progress: PrintJobProgress[] = [];
    const printing = a4.print(doc(), (p) => progress.push(p));
    await until(() => progress.some((p) => p.stage === 'stalled'), 'a stopped job');
    expect(progress.find((p) => p.stage === 'stalled')).toMatchObject({ stage: 'stalled', reason: 'jam' });
    expect(a4.status()).toMatchObject({ state: 'stalled', reason: 'jam', paper: 'jammed', media: 'jammed' });
    await rig.setJobBehaviour('print'); // the jam is cleared
    const result = await printing;
    expect(result.ok).toBe(true);
    expect(await a4.refreshStatus()).toEqual({ state: 'ready', paper: 'full', toner: 'full', media: 'unknown' });
  });
});

describe('printing on a real IPP printer', () => {
  it('delivers the PDF byte for byte under the given job name, and follows it to completed', async () => {
    const { pdf: testPage } = await renderA4TestPage(shippedTestPageTemplates().a4, {
      kioskId: 'HZ-XH-0001',
      printerUri: rig.url,
      at: new Date(),
    });
    const before = (await rig.spooledDocuments()).length;
    const progress: PrintJobProgress[] = [];
    const result = await a4.print({ pdf: testPage, jobName: 'kiosk-42', pages: 1 }, (p) => progress.push(p));
    expect(result).toMatchObject({ ok: true, value: { stage: 'done' } });
    expect(progress[0]!.stage).toMatch(/^sent|printing$/);
    expect(progress.at(-1)!.stage).toBe('done');
    const spooled = await rig.spooledDocuments();
    expect(spooled).toHaveLength(before + 1);
    const last = spooled.at(-1)!;
    expect(last.file).toBe(`${result.ok ? result.value.jobId : '?'}-kiosk-42.pdf`);
    expect(Buffer.compare(last.bytes, Buffer.from(testPage))).toBe(0);
  });

  it('tells the session it waits for paper when paper runs out, and completes after a refill', async () => {
    await rig.setPaper('empty');
    const progress: PrintJobProgress[] = [];
    const statuses: A4PrinterStatus[] = [];
    a4.events.on('statusChanged', (s) => statuses.push(s));
    const printing = a4.print(doc(), (p) => progress.push(p));
    await until(() => progress.some((p) => p.stage === 'stalled'), 'waiting for paper');
    const waiting = progress.find((p) => p.stage === 'stalled')!;
    expect(waiting).toMatchObject({ stage: 'stalled', reason: 'paperOut' });
    expect(a4.status()).toMatchObject({ state: 'stalled', reason: 'paperOut', paper: 'out' });
    await new Promise((r) => setTimeout(r, 200)); // it keeps waiting, and says so only once
    expect(progress.filter((p) => p.stage === 'stalled')).toHaveLength(1);
    await rig.setPaper('full');
    const result = await printing;
    expect(result).toMatchObject({ ok: true, value: { stage: 'done' } });
    expect(statuses.some((s) => 'paper' in s && s.paper === 'full')).toBe(true);
    expect(a4PaperWaiting(a4.status())).toBe(false); // IPP cannot see the output tray
  });

  it('returns an error for a job the printer aborts, and does not send it again', async () => {
    await rig.setJobBehaviour('abort');
    const before = (await rig.spooledDocuments()).length;
    const progress: PrintJobProgress[] = [];
    const result = await a4.print(doc(), (p) => progress.push(p));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'hardwareError', errorCode: 'jobAborted', description: expect.stringContaining('aborted-by-system') },
    });
    expect(progress.length).toBeGreaterThan(0); // the printer held it: the session never offers it again
    expect(progress.some((p) => p.stage === 'done')).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    expect(await rig.spooledDocuments()).toHaveLength(before + 1);
  });

  it('agrees with ipptool, a real IPP client, about the job it sent', async () => {
    const ipptool = requireTool('ipptool', 'cups-ipp-utils');
    const result = await a4.print(doc('kiosk-99'), () => {});
    if (!result.ok) throw new Error(result.error.description);
    const dir = await mkdtemp(join(tmpdir(), 'ipptool-'));
    try {
      const test = join(dir, 'get-job.test');
      await writeFile(
        test,
        `{ OPERATION Get-Job-Attributes
           GROUP operation-attributes-tag
           ATTR charset attributes-charset utf-8
           ATTR naturalLanguage attributes-natural-language en
           ATTR uri printer-uri $uri
           ATTR integer job-id ${result.value.jobId}
           ATTR keyword requested-attributes all
           STATUS successful-ok
           EXPECT job-state OF-TYPE enum WITH-VALUE 9
           EXPECT job-name OF-TYPE name WITH-VALUE "kiosk-99"
           EXPECT job-originating-user-name WITH-VALUE "kiosk"
           EXPECT document-format-supplied OF-TYPE mimeMediaType WITH-VALUE "application/pdf" }`,
      );
      const run = spawnSync(ipptool, ['-t', rig.url, test], { encoding: 'utf8', timeout: 10_000 });
      expect(run.stdout + run.stderr, run.stdout + run.stderr).toContain('[PASS]');
      expect(run.status).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a printer that is not running', () => {
  it('is noDevice, and a job is refused before anything is handed over', async () => {
    const absent = createIppA4Printer({ url: `ipp://localhost:${await freeLoopbackPort()}/ipp/print`, pollMs: 20 });
    expect(await absent.refreshStatus()).toEqual({ state: 'noDevice' });
    const progress = vi.fn();
    expect(await absent.print(doc(), progress)).toMatchObject({ ok: false, error: { code: 'noDevice', errorCode: 'unreachable' } });
    expect(progress).not.toHaveBeenCalled();
  });
});

describe('the maintenance command', () => {
  async function run(args: string[]): Promise<unknown> {
    let out = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
    const progress = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await runA4PrinterCommand(args);
    } finally {
      write.mockRestore();
      progress.mockRestore();
    }
    return JSON.parse(out);
  }

  it('prints the status with reasons, the mapped status and marker levels', async () => {
    await rig.setToner('low');
    expect(await run(['status', '--url', rig.url])).toMatchObject({
      printerState: 'idle',
      reasons: ['toner-low-report'],
      status: { device: 'online', toner: 'low' },
      kioskStatus: { state: 'ready', toner: 'low' },
      markers: expect.arrayContaining([{ name: 'Black Toner', type: 'toner', level: 5 }]),
    });
  });

  it('prints a test page and follows it to completion', async () => {
    const before = (await rig.spooledDocuments()).length;
    const record = await run(['test-page', '--url', rig.url, '--poll-ms', '20']);
    expect(record).toMatchObject({ what: 'a4-test-page', outcome: 'completed' });
    const spooled = await rig.spooledDocuments();
    expect(spooled).toHaveLength(before + 1);
    expect(spooled.at(-1)!.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('fails with a plain message when the printer is absent or the arguments are wrong', async () => {
    const url = `ipp://localhost:${await freeLoopbackPort()}/ipp/print`;
    await expect(runA4PrinterCommand(['status', '--url', url])).rejects.toThrow(/status failed: noDevice \(unreachable\)/);
    await expect(runA4PrinterCommand(['test-page', '--url', url])).rejects.toBeInstanceOf(CliFailure);
    await expect(runA4PrinterCommand(['status'])).rejects.toMatchObject({ exitCode: 2 });
    await expect(runA4PrinterCommand(['explode', '--url', url])).rejects.toMatchObject({ exitCode: 2 });
  });
});
