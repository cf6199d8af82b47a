import { describe, expect, it } from 'vitest';
import type { PrinterAttributes } from './ipp-operations';
import { blockingReasons, mapPrinterStatus } from './printer-status-mapping';

const printer = (state: number, reasons: string[], acceptingJobs: boolean | null = true): PrinterAttributes => ({
  state, reasons, acceptingJobs, message: null, markers: [],
});

describe('mapPrinterStatus', () => {
  it.each([
    ['idle, nothing to say', 3, [], { device: 'online', paper: 'full', toner: 'full', media: 'unknown' }],
    ['printing', 4, [], { device: 'busy', paper: 'full', toner: 'full', media: 'unknown' }],
    ['paper out while idle', 3, ['media-empty-report'], { device: 'online', paper: 'out', toner: 'full', media: 'unknown' }],
    ['paper needed during a job', 4, ['media-empty-warning', 'media-needed-warning'], { device: 'busy', paper: 'out', toner: 'full', media: 'unknown' }],
    ['stopped for paper', 5, ['media-needed-error'], { device: 'online', paper: 'out', toner: 'full', media: 'unknown' }],
    ['paper low', 3, ['media-low-report'], { device: 'online', paper: 'low', toner: 'full', media: 'unknown' }],
    ['a jam', 5, ['media-jam-error'], { device: 'userError', paper: 'jammed', toner: 'full', media: 'jammed' }],
    ['a jam beats paper out', 5, ['media-empty', 'media-jam'], { device: 'userError', paper: 'jammed', toner: 'full', media: 'jammed' }],
    ['toner out', 3, ['toner-empty-report'], { device: 'online', paper: 'full', toner: 'out', media: 'unknown' }],
    ['marker supply out', 5, ['marker-supply-empty-error'], { device: 'online', paper: 'full', toner: 'out', media: 'unknown' }],
    ['toner low', 3, ['toner-low-report'], { device: 'online', paper: 'full', toner: 'low', media: 'unknown' }],
    ['marker supply low', 3, ['marker-supply-low-warning'], { device: 'online', paper: 'full', toner: 'low', media: 'unknown' }],
    ['door open', 5, ['door-open-error'], { device: 'userError', paper: 'full', toner: 'full', media: 'unknown' }],
    ['cover open', 5, ['cover-open'], { device: 'userError', paper: 'full', toner: 'full', media: 'unknown' }],
    ['offline', 5, ['offline-report'], { device: 'offline', paper: 'full', toner: 'full', media: 'unknown' }],
    ['paused by staff', 5, ['paused'], { device: 'offline', paper: 'full', toner: 'full', media: 'unknown' }],
    ['stopped without a reason', 5, [], { device: 'offline', paper: 'full', toner: 'full', media: 'unknown' }],
    ['a fuser fault', 5, ['fuser-over-temp-error'], { device: 'hardwareError', paper: 'full', toner: 'full', media: 'unknown' }],
  ] as const)('%s', (_what, state, reasons, expected) => {
    expect(mapPrinterStatus(printer(state, [...reasons]))).toEqual(expected);
  });

  it('reads a printer that does not accept jobs as offline', () => {
    expect(mapPrinterStatus(printer(3, [], false)).device).toBe('offline');
  });

  it('reads a printer that does not give its state as a fault', () => {
    expect(mapPrinterStatus({ state: null, reasons: [], acceptingJobs: null, message: null, markers: [] }).device).toBe('hardwareError');
  });
});

describe('blockingReasons', () => {
  it('keeps what stops a job, without suffix or duplicates, and drops informational reports', () => {
    expect(blockingReasons(['media-empty-warning', 'media-needed-warning', 'media-empty-error', 'toner-low-report', 'media-low-warning'])).toEqual([
      'media-empty',
      'media-needed',
    ]);
    expect(blockingReasons(['media-empty-report', 'toner-empty-report'])).toEqual([]);
    expect(blockingReasons(['media-jam-warning'])).toEqual(['media-jam']);
    expect(blockingReasons(['cover-open', 'paused'])).toEqual(['cover-open', 'paused']);
  });
});
