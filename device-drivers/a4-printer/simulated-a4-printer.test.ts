import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { a4PaperWaiting, type PrintJobProgress } from './a4-printer';
import { SimulatedA4Printer } from './simulated-a4-printer';

const document = { pdf: new Uint8Array([0x25, 0x50, 0x44, 0x46]), jobName: 'kiosk-1', pages: 2 };
let spoolDir: string;
beforeEach(async () => {
  spoolDir = await mkdtemp(join(tmpdir(), 'sim-spool-'));
});
afterEach(async () => {
  await rm(spoolDir, { recursive: true, force: true });
});

describe('simulated A4 printer', () => {
  it('spools the PDF, reports the job to completion, and leaves paper in the tray until taken', async () => {
    const printer = new SimulatedA4Printer({ spoolDir, pageMs: 1, autoTakeMs: null });
    const progress: PrintJobProgress[] = [];
    const taken: unknown[] = [];
    printer.events.on('mediaTaken', (e) => taken.push(e));
    const result = await printer.print(document, (p) => progress.push(p));
    expect(result).toEqual({ ok: true, value: { jobId: '1', stage: 'done' } });
    expect(progress.map((p) => p.stage)).toEqual(['sent', 'printing', 'printing', 'done']);
    expect(await readFile(join(spoolDir, 'job-1.pdf'))).toEqual(Buffer.from(document.pdf));
    expect(printer.status()).toEqual({ state: 'ready', paper: 'full', toner: 'full', media: 'present' });
    expect(a4PaperWaiting(printer.status())).toBe(true);
    printer.takePaper();
    expect(printer.status()).toMatchObject({ media: 'notPresent' });
    expect(a4PaperWaiting(printer.status())).toBe(false);
    expect(taken).toHaveLength(1);
  });

  it('paper out in the middle of a job stops it, and a refill completes it', async () => {
    const printer = new SimulatedA4Printer({ spoolDir, pageMs: 20, autoTakeMs: null });
    const states: string[] = [];
    const job = printer.print(document, (p) => {
      states.push(`${p.stage}${p.stage === 'stalled' ? ':' + p.reason : ''}`);
      if (p.stage === 'printing' && states.length === 2) printer.setPaper('out');
    });
    await new Promise((r) => setTimeout(r, 60));
    expect(states.at(-1)).toBe('stalled:paperOut');
    expect(printer.status()).toMatchObject({ state: 'stalled', reason: 'paperOut', paper: 'out' });
    printer.setPaper('full');
    expect(await job).toMatchObject({ ok: true });
    expect(states.at(-1)).toBe('done');
  });

  it('an unplugged printer refuses the job before holding it; unplugged mid-job the outcome is unknown', async () => {
    const printer = new SimulatedA4Printer({ spoolDir: null, pageMs: 20, autoTakeMs: null });
    printer.unplug();
    const calls: PrintJobProgress[] = [];
    expect(await printer.print(document, (p) => calls.push(p))).toMatchObject({ ok: false, error: { code: 'noDevice' } });
    expect(calls).toHaveLength(0);
    printer.plug();
    const job = printer.print(document, () => {});
    setTimeout(() => printer.unplug(), 5);
    expect(await job).toMatchObject({ ok: false, error: { errorCode: 'outcomeUnknown' } });
    expect(await readdir(spoolDir)).toEqual([]);
  });
});
