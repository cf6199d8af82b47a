// The 80 mm receipt printer adapter: ESC/POS over serial or the simulated twin. Optional on a kiosk.

import type { DeviceResult } from '../device-result';
import type { MediaState } from '../device-status';
import type { DeviceEvents } from '../event-hub';

/**
 * In shared/reference/devices.md's words. Paper and the slip in the slot are known only while the printer answers;
 * paper out is a paper level, not a device fault.
 */
export type ReceiptPrinterStatus =
  | { device: 'starting' | 'noDevice'; paper: 'unknown'; media: 'unknown' }
  | { device: 'online' | 'busy' | 'offline' | 'userError' | 'hardwareError'; paper: 'full' | 'low' | 'out'; media: MediaState };

/** The printer can print a slip now. */
export function receiptPrinterUsable(status: ReceiptPrinterStatus): boolean {
  return (status.device === 'online' || status.device === 'busy') && status.paper !== 'out';
}

/** A receipt is declarative: the driver turns it into its own bytes. */
export type ReceiptLine =
  | { kind: 'text'; text: string; size?: 'normal' | 'large'; align?: 'left' | 'center' | 'right'; bold?: boolean }
  | { kind: 'qr'; data: string }
  | { kind: 'feed'; lines: number };

export interface Receipt {
  lines: ReceiptLine[];
}

export interface ReceiptPrinterEvents extends Record<string, unknown> {
  /** Only the fields that changed. */
  statusChanged: Partial<ReceiptPrinterStatus>;
  paperThreshold: { paper: 'low' | 'out' };
  mediaTaken: Record<string, never>;
}

export interface ReceiptPrinter {
  readonly kind: 'receipt-printer';
  readonly events: DeviceEvents<ReceiptPrinterEvents>;
  status(): ReceiptPrinterStatus;
  open(): Promise<void>;
  close(): Promise<void>;
  /** Prints and cuts. Checks status before and after, since some printers claim success with no paper. */
  print(receipt: Receipt): Promise<DeviceResult<void>>;
  reset(): Promise<DeviceResult<void>>;
}
