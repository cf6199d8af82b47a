// The A4 printer adapter: an IPP printer or the simulated twin.

import type { DeviceResult } from '../device-result';
import type { DeviceState, MediaState, PaperState, TonerState } from '../device-status';
import type { DeviceEvents } from '../event-hub';

export interface A4PrinterStatus {
  device: DeviceState;
  paper: PaperState;
  toner: TonerState;
  /** Paper waiting in the output tray, where the printer can tell. */
  media: MediaState;
}

export interface PrintDocument {
  pdf: Uint8Array;
  /** Shown in printer queues: never personal data. */
  jobName: string;
  pages: number;
}

/** IPP job states, by name. Only `completed` means paper came out. */
export type PrintJobState =
  | 'pending'
  | 'pending-held'
  | 'processing'
  | 'processing-stopped'
  | 'canceled'
  | 'aborted'
  | 'completed';

export interface PrintJobProgress {
  jobId: string;
  state: PrintJobState;
  /** Printer or job state reasons, e.g. `media-empty`, `media-jam`. */
  reasons: string[];
}

export interface A4PrinterEvents extends Record<string, unknown> {
  statusChanged: Partial<A4PrinterStatus>;
  paperThreshold: { paper: 'low' | 'out' };
  mediaTaken: Record<string, never>;
}

export interface A4Printer {
  readonly kind: 'a4-printer';
  readonly events: DeviceEvents<A4PrinterEvents>;
  status(): A4PrinterStatus;
  /** Asks the printer afresh (some printers hide errors while asleep). */
  refreshStatus(): Promise<A4PrinterStatus>;
  open(): Promise<void>;
  close(): Promise<void>;
  /**
   * Submits the document and follows the job to its end. `onProgress` reports every state change,
   * the first one as soon as the printer holds the job. Resolves ok only when the job completed;
   * once `onProgress` has been called the printer holds the job; an error before that means nothing was handed over,
   * unless its errorCode is `outcomeUnknown` (the line dropped after sending: the job may yet print).
   * A job whose outcome is unknown is never resubmitted here.
   */
  print(document: PrintDocument, onProgress: (progress: PrintJobProgress) => void): Promise<DeviceResult<PrintJobProgress>>;
  cancel(jobId: string): Promise<DeviceResult<void>>;
}
