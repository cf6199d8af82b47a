// The QR/barcode scanner adapter: HID POS or serial scanners and the simulated twin.

import type { DeviceResult } from '../device-result';
import type { DeviceState } from '../device-status';
import type { DeviceEvents } from '../event-hub';

export interface CodeScannerStatus {
  device: DeviceState;
  scanner: 'on' | 'off';
}

export interface ScannedCode {
  /** AIM symbology id when the scanner sends one (`]Q1` = QR), else 'unknown'. */
  symbology: string;
  data: string;
}

export interface CodeScannerEvents extends Record<string, unknown> {
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
