// The simulated A4 printer: an IPP-like job life cycle (pending → processing → completed) with knobs for paper,
// jams, slowness and unplugging. In development it keeps each job's PDF in its spool directory for inspection;
// the agent empties that directory at every start.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { abortableDelay } from '../abortable-delay';
import { fail, type DeviceResult } from '../device-result';
import { ok } from '../result';
import type { PaperState } from '../device-status';
import { EventHub } from '../event-hub';
import type { Result } from '../result';
import type {
  A4Printer,
  A4PrintError,
  A4PrinterEvents,
  A4PrinterStatus,
  A4Supplies,
  PrintDocument,
  PrintJobProgress,
  PrintJobStage,
} from './a4-printer';

export interface SimulatedA4PrinterOptions {
  /** Where job PDFs land (development only). Null keeps nothing. */
  spoolDir: string | null;
  /** Time a page takes to print. */
  pageMs?: number;
  /** Paper left in the output tray is taken by itself after this long (null: only by the knob). */
  autoTakeMs?: number | null;
}

interface ActiveJob {
  jobId: string;
  canceled: boolean;
}

export class SimulatedA4Printer implements A4Printer {
  readonly kind = 'a4-printer' as const;
  private readonly hub = new EventHub<A4PrinterEvents>();
  readonly events = this.hub;
  private plugged = true;
  private paper: PaperState = 'full';
  private jammed = false;
  private paperInTray = false;
  private nextJob = 1;
  private active: ActiveJob | null = null;
  private pageMs: number;
  private readonly autoTakeMs: number | null;
  private autoTakeTimer: NodeJS.Timeout | undefined;
  /** Wakes a stalled job when paper is refilled or a jam cleared. */
  private wake: (() => void) | null = null;

  constructor(private readonly options: SimulatedA4PrinterOptions) {
    this.pageMs = options.pageMs ?? 400;
    this.autoTakeMs = options.autoTakeMs === undefined ? 4000 : options.autoTakeMs;
  }

  get spoolDir(): string | null {
    return this.options.spoolDir;
  }

  status(): A4PrinterStatus {
    if (!this.plugged) return { state: 'noDevice' };
    const supplies: A4Supplies = {
      paper: this.jammed ? 'jammed' : this.paper,
      toner: 'full',
      media: this.jammed ? 'jammed' : this.paperInTray ? 'present' : 'notPresent',
    };
    if (this.jammed) return { state: 'stalled', reason: 'jam', ...supplies };
    if (this.paper === 'out') return { state: 'stalled', reason: 'paperOut', ...supplies };
    return { state: this.active ? 'printing' : 'ready', ...supplies };
  }

  async refreshStatus(): Promise<A4PrinterStatus> {
    return this.status();
  }

  async open(): Promise<void> {}

  async close(): Promise<void> {
    clearTimeout(this.autoTakeTimer);
    if (this.active) this.active.canceled = true;
    this.wake?.();
  }

  async print(document: PrintDocument, onProgress: (progress: PrintJobProgress) => void): Promise<Result<PrintJobProgress, A4PrintError>> {
    if (!this.plugged) return fail('noDevice', 'unplugged', 'printer not connected');
    if (this.active) return fail('deviceNotReady', 'busy', 'another job is printing');
    const job: ActiveJob = { jobId: String(this.nextJob++), canceled: false };
    this.active = job;
    this.emitStatus();
    const report = (stage: PrintJobStage): PrintJobProgress => {
      const progress = { jobId: job.jobId, ...stage };
      onProgress(progress);
      return progress;
    };
    try {
      if (this.options.spoolDir) await writeFile(join(this.options.spoolDir, `job-${job.jobId}.pdf`), document.pdf);
      report({ stage: 'sent' });
      for (let page = 0; page < document.pages; page++) {
        while (this.paper === 'out' || this.jammed) {
          report({ stage: 'stalled', reason: this.jammed ? 'jam' : 'paperOut' });
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = null;
          if (!this.plugged) return fail('noDevice', 'outcomeUnknown', 'printer disconnected during the job');
          if (job.canceled) return fail('canceled', 'jobCanceled', 'job canceled');
        }
        report({ stage: 'printing' });
        await abortableDelay(this.pageMs);
        if (!this.plugged) return fail('noDevice', 'outcomeUnknown', 'printer disconnected during the job');
        if (job.canceled) return fail('canceled', 'jobCanceled', 'job canceled');
      }
      this.setPaperInTray(true);
      return ok(report({ stage: 'done' }));
    } finally {
      this.active = null;
      this.emitStatus();
    }
  }

  async cancel(jobId: string): Promise<DeviceResult<void>> {
    if (this.active?.jobId !== jobId) return fail('invalidData', 'noSuchJob', 'no such active job');
    this.active.canceled = true;
    this.wake?.();
    return ok(undefined);
  }

  // ---- knobs ----

  setPaper(level: 'full' | 'low' | 'out'): void {
    this.paper = level;
    if (level !== 'full') this.hub.emit('paperThreshold', { paper: level });
    this.emitStatus();
    if (level !== 'out') this.wake?.();
  }

  jam(): void {
    this.jammed = true;
    this.emitStatus();
  }

  clearJam(): void {
    this.jammed = false;
    this.emitStatus();
    this.wake?.();
  }

  takePaper(): void {
    this.setPaperInTray(false);
  }

  unplug(): void {
    this.plugged = false;
    this.emitStatus();
    this.wake?.();
  }

  plug(): void {
    this.plugged = true;
    this.emitStatus();
  }

  setPageMs(ms: number): void {
    this.pageMs = ms;
  }

  private setPaperInTray(present: boolean): void {
    clearTimeout(this.autoTakeTimer);
    const was = this.paperInTray;
    this.paperInTray = present;
    this.emitStatus();
    if (was && !present) this.hub.emit('mediaTaken', {});
    if (present && this.autoTakeMs !== null) this.autoTakeTimer = setTimeout(() => this.takePaper(), this.autoTakeMs);
  }

  private emitStatus(): void {
    this.hub.emit('statusChanged', this.status());
  }
}
