import { describe, expect, it } from 'vitest';
import { a4DeviceReport, a4PaperWaiting, a4Readiness, printRefusal, type A4PrinterStatus, type A4PrintErrorCode } from './a4-printer';

const full = { paper: 'full', toner: 'full', media: 'unknown' } as const;

describe('a4Readiness', () => {
  it.each<[A4PrinterStatus, string]>([
    [{ state: 'ready', ...full }, 'ready'],
    [{ state: 'printing', ...full, paper: 'low' }, 'ready'], // a job handed over waits its turn
    [{ state: 'stalled', reason: 'jam', ...full, paper: 'jammed', media: 'jammed' }, 'jammed'],
    [{ state: 'stalled', reason: 'paperOut', ...full, paper: 'out' }, 'paperOut'],
    [{ state: 'stalled', reason: 'tonerOut', ...full, toner: 'out' }, 'tonerOut'],
    [{ state: 'stalled', reason: 'coverOpen', ...full }, 'unavailable'],
    [{ state: 'stalled', reason: 'trayMissing', ...full }, 'unavailable'],
    [{ state: 'stalled', reason: 'outputFull', ...full }, 'unavailable'],
    [{ state: 'offline', ...full }, 'unavailable'],
    [{ state: 'hardwareError', ...full }, 'unavailable'],
    [{ state: 'noDevice' }, 'unavailable'],
    [{ state: 'starting' }, 'unavailable'],
  ])('%j → %s', (status, readiness) => {
    expect(a4Readiness(status)).toBe(readiness);
  });
});

describe('a4DeviceReport', () => {
  it('says the status in the common vocabulary of every device', () => {
    expect(a4DeviceReport({ state: 'ready', ...full })).toEqual({ device: 'online', ...full });
    expect(a4DeviceReport({ state: 'printing', ...full })).toEqual({ device: 'busy', ...full });
    expect(a4DeviceReport({ state: 'stalled', reason: 'paperOut', ...full, paper: 'out' })).toEqual({
      device: 'online',
      ...full,
      paper: 'out',
    });
    expect(a4DeviceReport({ state: 'stalled', reason: 'tonerOut', ...full, toner: 'out' })).toEqual({
      device: 'online',
      ...full,
      toner: 'out',
    });
    expect(a4DeviceReport({ state: 'stalled', reason: 'jam', ...full, paper: 'jammed', media: 'jammed' })).toEqual({
      device: 'userError',
      ...full,
      paper: 'jammed',
      media: 'jammed',
    });
    expect(a4DeviceReport({ state: 'stalled', reason: 'coverOpen', ...full })).toEqual({ device: 'userError', ...full });
    expect(a4DeviceReport({ state: 'offline', ...full })).toEqual({ device: 'offline', ...full });
    expect(a4DeviceReport({ state: 'hardwareError', ...full })).toEqual({ device: 'hardwareError', ...full });
    expect(a4DeviceReport({ state: 'noDevice' })).toEqual({ device: 'noDevice', paper: 'unknown', toner: 'unknown', media: 'unknown' });
    expect(a4DeviceReport({ state: 'starting' })).toEqual({ device: 'starting', paper: 'unknown', toner: 'unknown', media: 'unknown' });
  });
});

describe('a4PaperWaiting', () => {
  it('is true only while printed paper lies in the output tray', () => {
    expect(a4PaperWaiting({ state: 'ready', ...full, media: 'present' })).toBe(true);
    expect(a4PaperWaiting({ state: 'printing', ...full, media: 'present' })).toBe(true);
    expect(a4PaperWaiting({ state: 'ready', ...full, media: 'notPresent' })).toBe(false);
    expect(a4PaperWaiting({ state: 'ready', ...full })).toBe(false);
    expect(a4PaperWaiting({ state: 'stalled', reason: 'jam', ...full, media: 'jammed' })).toBe(false);
    expect(a4PaperWaiting({ state: 'noDevice' })).toBe(false);
  });
});

describe('printRefusal', () => {
  it.each<[A4PrintErrorCode, string]>([
    ['outcomeUnknown', 'outcomeUnknown'], // it may yet print: never sent again
    ['paperOut', 'paperOut'],
    ['mediaJammed', 'jammed'],
    ['unplugged', 'unavailable'],
    ['unreachable', 'unavailable'],
    ['offline', 'unavailable'],
    ['busy', 'unavailable'],
    ['jobRefused', 'unavailable'],
  ])('%s → %s', (errorCode, refusal) => {
    expect(printRefusal({ code: 'deviceNotReady', errorCode })).toBe(refusal);
  });
});
