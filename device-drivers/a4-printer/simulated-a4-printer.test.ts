import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrintJobProgress } from './a4-printer';
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
    expect(result).toMatchObject({ ok: true, value: { state: 'completed' } });
    expect(progress.map((p) => p.state)).toEqual(['pending', 'processing', 'processing', 'completed']);
    expect(await readFile(join(spoolDir, 'job-1.pdf'))).toEqual(Buffer.from(document.pdf));
    expect(printer.status().media).toBe('present');
    printer.takePaper();
    expect(printer.status().media).toBe('notPresent');
    expect(taken).toHaveLength(1);
  });

  it('paper out in the middle of a job stops it, and a refill completes it', async () => {
    const printer = new SimulatedA4Printer({ spoolDir, pageMs: 20, autoTakeMs: null });
    const states: string[] = [];
    const job = printer.print(document, (p) => {
      states.push(`${p.state}${p.reasons.length ? ':' + p.reasons.join(',') : ''}`);
      if (p.state === 'processing' && states.length === 2) printer.setPaper('out');
    });
    await new Promise((r) => setTimeout(r, 60));
    expect(states.at(-1)).toBe('processing-stopped:media-empty');
    expect(printer.status().paper).toBe('out');
    printer.setPaper('full');
    expect(await job).toMatchObject({ ok: true });
    expect(states.at(-1)).toBe('completed');
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
