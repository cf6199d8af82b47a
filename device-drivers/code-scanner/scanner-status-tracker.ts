// The status of a real scanner driver (HID or serial) and its statusChanged events: only the fields that changed,
// and only when they changed. `scanner` is on only while the device is online and enabled.

import type { EventHub } from '../event-hub';
import type { CodeScannerEvents, CodeScannerStatus } from './code-scanner';

export class ScannerStatusTracker {
  private device: CodeScannerStatus['device'] = 'starting';
  private enabled = false;

  constructor(private readonly hub: EventHub<CodeScannerEvents>) {}

  status(): CodeScannerStatus {
    return this.device === 'online' ? { device: 'online', scanner: this.enabled ? 'on' : 'off' } : { device: this.device, scanner: 'off' };
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  update(change: { device?: CodeScannerStatus['device']; enabled?: boolean }): void {
    const before = this.status();
    if (change.device !== undefined) this.device = change.device;
    if (change.enabled !== undefined) this.enabled = change.enabled;
    const after = this.status();
    const changed: Partial<CodeScannerStatus> = {};
    if (after.device !== before.device) changed.device = after.device;
    if (after.scanner !== before.scanner) changed.scanner = after.scanner;
    if (Object.keys(changed).length > 0) this.hub.emit('statusChanged', changed);
  }
}
