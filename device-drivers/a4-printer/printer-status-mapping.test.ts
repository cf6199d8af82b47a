import { describe, expect, it } from 'vitest';
import type { PrinterAttributes } from './ipp-operations';
import { blockingReasons, jobStage, mapPrinterStatus } from './printer-status-mapping';

const printer = (state: number, reasons: string[], acceptingJobs: boolean | null = true): PrinterAttributes => ({
  state,
  reasons,
  acceptingJobs,
  message: null,
  markers: [],
});

describe('mapPrinterStatus', () => {
  const full = { paper: 'full', toner: 'full', media: 'unknown' } as const;
  it.each([
    ['idle, nothing to say', 3, [], { state: 'ready', ...full }],
    ['printing', 4, [], { state: 'printing', ...full }],
    ['paper out while idle', 3, ['media-empty-report'], { state: 'stalled', reason: 'paperOut', ...full, paper: 'out' }],
    [
      'paper needed during a job',
      4,
      ['media-empty-warning', 'media-needed-warning'],
      { state: 'stalled', reason: 'paperOut', ...full, paper: 'out' },
    ],
    ['stopped for paper', 5, ['media-needed-error'], { state: 'stalled', reason: 'paperOut', ...full, paper: 'out' }],
    ['paper low', 3, ['media-low-report'], { state: 'ready', ...full, paper: 'low' }],
    ['a jam', 5, ['media-jam-error'], { state: 'stalled', reason: 'jam', ...full, paper: 'jammed', media: 'jammed' }],
    [
      'a jam beats paper out',
      5,
      ['media-empty', 'media-jam'],
      { state: 'stalled', reason: 'jam', ...full, paper: 'jammed', media: 'jammed' },
    ],
    ['paper out beats an open cover', 5, ['cover-open', 'media-empty'], { state: 'stalled', reason: 'paperOut', ...full, paper: 'out' }],
    ['toner out', 3, ['toner-empty-report'], { state: 'stalled', reason: 'tonerOut', ...full, toner: 'out' }],
    ['marker supply out', 5, ['marker-supply-empty-error'], { state: 'stalled', reason: 'tonerOut', ...full, toner: 'out' }],
    ['toner low', 3, ['toner-low-report'], { state: 'ready', ...full, toner: 'low' }],
    ['marker supply low', 3, ['marker-supply-low-warning'], { state: 'ready', ...full, toner: 'low' }],
    ['door open', 5, ['door-open-error'], { state: 'stalled', reason: 'coverOpen', ...full }],
    ['cover open', 5, ['cover-open'], { state: 'stalled', reason: 'coverOpen', ...full }],
    ['a tray missing', 3, ['input-tray-missing-error'], { state: 'stalled', reason: 'trayMissing', ...full }],
    ['the output area full', 3, ['output-area-full-warning'], { state: 'stalled', reason: 'outputFull', ...full }],
    ['offline', 5, ['offline-report'], { state: 'offline', ...full }],
    ['paused by staff', 5, ['paused'], { state: 'offline', ...full }],
    ['paused beats paper out', 5, ['paused', 'media-empty'], { state: 'offline', ...full, paper: 'out' }],
    ['stopped without a reason', 5, [], { state: 'offline', ...full }],
    ['a fuser fault', 5, ['fuser-over-temp-error'], { state: 'hardwareError', ...full }],
    [
      'a fault beats a jam',
      5,
      ['fuser-over-temp-error', 'media-jam'],
      { state: 'hardwareError', ...full, paper: 'jammed', media: 'jammed' },
    ],
  ] as const)('%s', (_what, state, reasons, expected) => {
    expect(mapPrinterStatus(printer(state, [...reasons]))).toEqual(expected);
  });

  it('reads a printer that does not accept jobs as offline', () => {
    expect(mapPrinterStatus(printer(3, [], false)).state).toBe('offline');
  });

  it('reads a printer that does not give its state as a fault', () => {
    expect(mapPrinterStatus({ state: null, reasons: [], acceptingJobs: null, message: null, markers: [] }).state).toBe('hardwareError');
    expect(mapPrinterStatus({ state: null, reasons: ['media-empty'], acceptingJobs: null, message: null, markers: [] }).state).toBe(
      'hardwareError',
    );
  });
});

describe('blockingReasons', () => {
  it('keeps what stops a job, without suffix or duplicates, and drops informational reports', () => {
    expect(
      blockingReasons(['media-empty-warning', 'media-needed-warning', 'media-empty-error', 'toner-low-report', 'media-low-warning']),
    ).toEqual(['media-empty', 'media-needed']);
    expect(blockingReasons(['media-empty-report', 'toner-empty-report'])).toEqual([]);
    expect(blockingReasons(['media-jam-warning'])).toEqual(['media-jam']);
    expect(blockingReasons(['cover-open', 'paused'])).toEqual(['cover-open', 'paused']);
  });
});

describe('jobStage', () => {
  it.each([
    ['pending', [], { stage: 'sent' }],
    ['pending-held', [], { stage: 'sent' }],
    ['processing', [], { stage: 'printing' }],
    ['completed', [], { stage: 'done' }],
    ['processing-stopped', ['media-empty', 'media-needed'], { stage: 'stalled', reason: 'paperOut' }],
    ['processing-stopped', ['media-jam', 'printer-stopped'], { stage: 'stalled', reason: 'jam' }],
    ['processing-stopped', ['media-empty', 'media-jam'], { stage: 'stalled', reason: 'jam' }],
    ['processing-stopped', ['paused', 'cover-open-error'], { stage: 'stalled', reason: 'coverOpen' }],
    ['processing-stopped', ['paused'], { stage: 'stalled', reason: 'paused' }],
    ['processing-stopped', ['toner-empty'], { stage: 'stalled', reason: 'tonerOut' }],
    ['processing-stopped', ['shutdown'], { stage: 'stalled', reason: 'offline' }],
    ['processing-stopped', ['opc-life-over'], { stage: 'stalled', reason: 'printerError' }],
    ['processing-stopped', ['job-stopped'], { stage: 'stalled', reason: 'unknown' }],
  ] as const)('%s with %j is %j', (state, reasons, expected) => {
    expect(jobStage(state, [...reasons])).toEqual(expected);
  });

  it('gives no stage to a job that ended without paper: print() says how it ended', () => {
    expect(jobStage('canceled', ['job-canceled-by-user'])).toBeNull();
    expect(jobStage('aborted', ['aborted-by-system'])).toBeNull();
  });
});
