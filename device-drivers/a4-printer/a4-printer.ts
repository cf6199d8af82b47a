// The A4 printer adapter: an IPP printer or the simulated twin. It speaks the kiosk's words; what a printer
// protocol calls things (IPP states and reasons) stays inside the driver that speaks it.

import type { DeviceError, DeviceResult } from '../device-result';
import { assertNever, type DeviceState, type MediaState, type PaperState, type TonerState } from '../device-status';
import type { DeviceEvents } from '../event-hub';
import type { Result } from '../result';

/** What a person must put right at the printer before it prints again. */
export type A4StallReason = 'paperOut' | 'jam' | 'coverOpen' | 'trayMissing' | 'outputFull' | 'tonerOut';

/** Paper, toner and the output tray, as far as the printer can tell (shared/reference/devices.md's words). */
export interface A4Supplies {
  paper: PaperState;
  toner: TonerState;
  /** Paper waiting in the output tray, where the printer can tell. */
  media: MediaState;
}

export type A4PrinterStatus =
  /** Not asked yet. */
  | { state: 'starting' }
  /** Does not answer: unplugged, switched off, wrong address. */
  | { state: 'noDevice' }
  /** Idle, takes a job now. */
  | ({ state: 'ready' } & A4Supplies)
  /** Printing; a job handed over now waits its turn. */
  | ({ state: 'printing' } & A4Supplies)
  /** There, but a person must act before it prints (a job handed over waits). */
  | ({ state: 'stalled'; reason: A4StallReason } & A4Supplies)
  /** Paused or switched off by staff, or not taking jobs. */
  | ({ state: 'offline' } & A4Supplies)
  /** Needs an engineer. */
  | ({ state: 'hardwareError' } & A4Supplies);

/** Whether the printer can take a citizen's job, and if not, what the session tells the citizen and staff. */
export type PrinterReadiness = 'ready' | 'unavailable' | 'paperOut' | 'jammed' | 'tonerOut';

export function a4Readiness(status: A4PrinterStatus): PrinterReadiness {
  switch (status.state) {
    case 'ready':
    case 'printing':
      return 'ready';
    case 'stalled':
      return stallReadiness(status.reason);
    case 'starting':
    case 'noDevice':
    case 'offline':
    case 'hardwareError':
      return 'unavailable';
    default:
      return assertNever(status);
  }
}

function stallReadiness(reason: A4StallReason): PrinterReadiness {
  switch (reason) {
    case 'jam':
      return 'jammed';
    case 'paperOut':
      return 'paperOut';
    case 'tonerOut':
      return 'tonerOut'; // it would print blank pages
    case 'coverOpen':
    case 'trayMissing':
    case 'outputFull':
      return 'unavailable';
    default:
      return assertNever(reason);
  }
}

/** Printed paper still lies in the output tray. */
export function a4PaperWaiting(status: A4PrinterStatus): boolean {
  return 'media' in status && status.media === 'present';
}

/** The status in the common vocabulary of every device (for health, /api/devices and the command line). */
export interface A4DeviceReport extends A4Supplies {
  device: DeviceState;
}

export function a4DeviceReport(status: A4PrinterStatus): A4DeviceReport {
  switch (status.state) {
    case 'starting':
    case 'noDevice':
      return { device: status.state, paper: 'unknown', toner: 'unknown', media: 'unknown' };
    case 'ready':
      return { device: 'online', ...suppliesOf(status) };
    case 'printing':
      return { device: 'busy', ...suppliesOf(status) };
    case 'stalled':
      // Paper or toner out is a supply level, not a person in the way.
      return { device: status.reason === 'paperOut' || status.reason === 'tonerOut' ? 'online' : 'userError', ...suppliesOf(status) };
    case 'offline':
    case 'hardwareError':
      return { device: status.state, ...suppliesOf(status) };
    default:
      return assertNever(status);
  }
}

function suppliesOf({ paper, toner, media }: A4Supplies): A4Supplies {
  return { paper, toner, media };
}

export interface PrintDocument {
  pdf: Uint8Array;
  /** Shown in printer queues: never personal data. */
  jobName: string;
  pages: number;
}

/** Why a job the printer holds does not go on: a stall, or the printer paused, offline or in error. */
export type PrintStallReason = A4StallReason | 'paused' | 'offline' | 'printerError' | 'unknown';

/** Where a job the printer holds has got to. Only `done` means paper came out. */
export type PrintJobStage = { stage: 'sent' } | { stage: 'printing' } | { stage: 'stalled'; reason: PrintStallReason } | { stage: 'done' };

export type PrintJobProgress = PrintJobStage & { jobId: string };

/** Why a print failed, in the driver's words (devices.md's `errorCode`). */
export type A4PrintErrorCode =
  // Nothing was handed over: the printer was not there, refused the job, or could not be asked.
  | 'emptyDocument'
  | 'busy'
  | 'offline'
  | 'paperOut'
  | 'mediaJammed'
  | 'printerError'
  | 'jobRefused'
  | 'formatNotSupported'
  | 'unplugged'
  | 'unreachable'
  | 'noAnswer'
  | 'connectionLost'
  | 'httpError'
  | 'tooLarge'
  | 'malformed'
  | 'ippStatus'
  // The printer held the job, or may hold it: it is never sent again.
  | 'outcomeUnknown'
  | 'jobCanceled'
  | 'jobAborted';

/** devices.md's error shape, with the A4 printer's own reasons. */
export interface A4PrintError extends DeviceError {
  errorCode: A4PrintErrorCode;
}

/** A print that failed before the printer held the job: what stands in the way, or that it may yet print. */
export type PrintRefusal = Exclude<PrinterReadiness, 'ready'> | 'outcomeUnknown';

/**
 * What an error from print() means when no progress came before it. Usually nothing was printed and the citizen
 * may try again — except when the outcome is unknown (the line dropped after sending): then it may yet print.
 */
export function printRefusal(error: A4PrintError): PrintRefusal {
  switch (error.errorCode) {
    case 'outcomeUnknown':
      return 'outcomeUnknown';
    case 'paperOut':
      return 'paperOut';
    case 'mediaJammed':
      return 'jammed';
    case 'emptyDocument':
    case 'busy':
    case 'offline':
    case 'printerError':
    case 'jobRefused':
    case 'formatNotSupported':
    case 'unplugged':
    case 'unreachable':
    case 'noAnswer':
    case 'connectionLost':
    case 'httpError':
    case 'tooLarge':
    case 'malformed':
    case 'ippStatus':
    case 'jobCanceled':
    case 'jobAborted':
      return 'unavailable';
    default:
      return assertNever(error.errorCode);
  }
}

export interface A4PrinterEvents extends Record<string, unknown> {
  /** The new status, whole: a state means nothing without its reason and levels. Only when it changed. */
  statusChanged: A4PrinterStatus;
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
   * Submits the document and follows the job to its end. `onProgress` reports every change of stage, the first
   * one (`sent`, or later) as soon as the printer holds the job. Resolves ok only when the job is done; once
   * `onProgress` has been called the printer holds the job; an error before that means nothing was handed over,
   * unless `printRefusal` says the outcome is unknown (the line dropped after sending: the job may yet print).
   * A job whose outcome is unknown is never resubmitted here.
   */
  print(document: PrintDocument, onProgress: (progress: PrintJobProgress) => void): Promise<Result<PrintJobProgress, A4PrintError>>;
  cancel(jobId: string): Promise<DeviceResult<void>>;
}
