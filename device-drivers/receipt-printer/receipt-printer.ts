// The 80 mm receipt printer adapter: ESC/POS over serial or the simulated twin. Optional on a kiosk.

import type { DeviceResult } from '../device-result';
import type { DeviceState, MediaState, PaperState } from '../device-status';
import type { DeviceEvents } from '../event-hub';

export interface ReceiptPrinterStatus {
  device: DeviceState;
  paper: PaperState;
  media: MediaState;
}

/** A receipt is declarative: the driver turns it into its own bytes. */
export type ReceiptLine =
  | { kind: 'text'; text: string; size?: 'normal' | 'large'; align?: 'left' | 'center' }
  | { kind: 'qr'; data: string }
  | { kind: 'feed'; lines: number };

export interface Receipt {
  lines: ReceiptLine[];
}

export interface ReceiptPrinterEvents extends Record<string, unknown> {
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
