// The simulated receipt printer: keeps the last receipt's lines in memory (never on disk) for tests.

import { fail, type DeviceResult } from '../device-result';
import { ok } from '../result';
import { EventHub } from '../event-hub';
import type { Receipt, ReceiptPrinter, ReceiptPrinterEvents, ReceiptPrinterStatus } from './receipt-printer';

export class SimulatedReceiptPrinter implements ReceiptPrinter {
  readonly kind = 'receipt-printer' as const;
  private readonly hub = new EventHub<ReceiptPrinterEvents>();
  readonly events = this.hub;
  private plugged = true;
  private paper: 'full' | 'low' | 'out' = 'full';
  private coverOpen = false;
  private receiptInSlot = false;
  /** The last printed receipt, for tests only. */
  lastReceipt: Receipt | null = null;

  status(): ReceiptPrinterStatus {
    if (!this.plugged) return { device: 'noDevice', paper: 'unknown', media: 'unknown' };
    return {
      device: this.coverOpen ? 'userError' : 'online',
      paper: this.paper,
      media: this.receiptInSlot ? 'present' : 'notPresent',
    };
  }

  async open(): Promise<void> {}
  async close(): Promise<void> {}

  async print(receipt: Receipt): Promise<DeviceResult<void>> {
    if (!this.plugged) return fail('noDevice', 'unplugged', 'receipt printer not connected');
    if (this.coverOpen) return fail('userError', 'coverOpen', 'cover open');
    if (this.paper === 'out') return fail('deviceNotReady', 'paperOut', 'paper out');
    this.lastReceipt = receipt;
    this.receiptInSlot = true;
    this.hub.emit('statusChanged', this.status());
    return ok(undefined);
  }

  async reset(): Promise<DeviceResult<void>> {
    return this.plugged ? ok(undefined) : fail('noDevice', 'unplugged', 'receipt printer not connected');
  }

  // ---- knobs ----

  setPaper(level: 'full' | 'low' | 'out'): void {
    this.paper = level;
    if (level !== 'full') this.hub.emit('paperThreshold', { paper: level });
    this.hub.emit('statusChanged', this.status());
  }

  setCoverOpen(open: boolean): void {
    this.coverOpen = open;
    this.hub.emit('statusChanged', this.status());
  }

  takeReceipt(): void {
    if (!this.receiptInSlot) return;
    this.receiptInSlot = false;
    this.hub.emit('mediaTaken', {});
    this.hub.emit('statusChanged', this.status());
  }

  unplug(): void {
    this.plugged = false;
    this.hub.emit('statusChanged', this.status());
  }

  plug(): void {
    this.plugged = true;
    this.hub.emit('statusChanged', this.status());
  }
}
