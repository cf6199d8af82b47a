// The QR/barcode scanner adapter: HID POS or serial scanners and the simulated twin.

import type { DeviceResult } from '../device-result';
import type { DeviceEvents } from '../event-hub';

/** In shared/reference/devices.md's words. The scanner is `on` (passes codes on) only while it works and is enabled. */
export type CodeScannerStatus =
  { device: 'online'; scanner: 'on' | 'off' } | { device: 'starting' | 'offline' | 'noDevice' | 'hardwareError'; scanner: 'off' };

/** The scanner can be enabled and read codes now. */
export function scannerUsable(status: CodeScannerStatus): boolean {
  return status.device === 'online';
}

export interface ScannedCode {
  /** AIM symbology id when the scanner sends one (`]Q1` = QR), else 'unknown'. */
  symbology: string;
  data: string;
}

export interface CodeScannerEvents extends Record<string, unknown> {
  /** Only the fields that changed. */
  statusChanged: Partial<CodeScannerStatus>;
  read: ScannedCode;
}

export interface CodeScanner {
  readonly kind: 'code-scanner';
  readonly events: DeviceEvents<CodeScannerEvents>;
  status(): CodeScannerStatus;
  open(): Promise<void>;
  close(): Promise<void>;
  enable(): Promise<DeviceResult<void>>;
  disable(): Promise<DeviceResult<void>>;
  reset(): Promise<DeviceResult<void>>;
}
