import { describe, expect, it } from 'vitest';
import { receiptPrinterUsable, type ReceiptPrinterStatus } from './receipt-printer';
import { SimulatedReceiptPrinter } from './simulated-receipt-printer';

describe('receiptPrinterUsable', () => {
  it.each<[ReceiptPrinterStatus, boolean]>([
    [{ device: 'online', paper: 'full', media: 'unknown' }, true],
    [{ device: 'online', paper: 'low', media: 'notPresent' }, true], // paper near its end still gives the slip
    [{ device: 'busy', paper: 'full', media: 'unknown' }, true],
    [{ device: 'online', paper: 'out', media: 'unknown' }, false],
    [{ device: 'userError', paper: 'full', media: 'unknown' }, false],
    [{ device: 'offline', paper: 'full', media: 'unknown' }, false],
    [{ device: 'hardwareError', paper: 'full', media: 'unknown' }, false],
    [{ device: 'noDevice', paper: 'unknown', media: 'unknown' }, false],
    [{ device: 'starting', paper: 'unknown', media: 'unknown' }, false],
  ])('%j → %s', (status, usable) => {
    expect(receiptPrinterUsable(status)).toBe(usable);
  });

  it('follows the simulated printer through a cover opened and paper running out', () => {
    const printer = new SimulatedReceiptPrinter();
    expect(receiptPrinterUsable(printer.status())).toBe(true);
    printer.setCoverOpen(true);
    expect(receiptPrinterUsable(printer.status())).toBe(false);
    printer.setCoverOpen(false);
    printer.setPaper('out');
    expect(printer.status()).toEqual({ device: 'online', paper: 'out', media: 'notPresent' });
    expect(receiptPrinterUsable(printer.status())).toBe(false);
  });
});
