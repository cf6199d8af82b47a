// The simulated QR/barcode scanner: a code "scanned" from the dev panel or a test arrives as a read event.

import { fail, type DeviceResult } from '../device-result';
import { ok } from '../result';
import { EventHub } from '../event-hub';
import type { CodeScanner, CodeScannerEvents, CodeScannerStatus } from './code-scanner';

export class SimulatedCodeScanner implements CodeScanner {
  readonly kind = 'code-scanner' as const;
  private readonly hub = new EventHub<CodeScannerEvents>();
  readonly events = this.hub;
  private plugged = true;
  private enabled = false;

  status(): CodeScannerStatus {
    return this.plugged ? { device: 'online', scanner: this.enabled ? 'on' : 'off' } : { device: 'noDevice', scanner: 'off' };
  }

  async open(): Promise<void> {}
  async close(): Promise<void> {}

  async enable(): Promise<DeviceResult<void>> {
    return this.setEnabled(true);
  }

  async disable(): Promise<DeviceResult<void>> {
    return this.setEnabled(false);
  }

  async reset(): Promise<DeviceResult<void>> {
    return this.setEnabled(false);
  }

  // ---- knobs ----

  /** A code held under the scanner; ignored while the scanner is off, as a real one would. */
  scan(data: string, symbology = ']Q1'): boolean {
    if (!this.plugged || !this.enabled) return false;
    this.hub.emit('read', { symbology, data });
    return true;
  }

  unplug(): void {
    this.plugged = false;
    this.hub.emit('statusChanged', this.status());
  }

  plug(): void {
    this.plugged = true;
    this.hub.emit('statusChanged', this.status());
  }

  private setEnabled(on: boolean): DeviceResult<void> {
    if (!this.plugged) return fail('noDevice', 'unplugged', 'scanner not connected');
    this.enabled = on;
    this.hub.emit('statusChanged', this.status());
    return ok(undefined);
  }
}
