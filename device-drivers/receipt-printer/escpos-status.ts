// Real-time status (DLE EOT n, n = 1..4): the query bytes, a pure decoder of the four reply bytes into a typed
// status, and its mapping onto the common status model (shared/reference/devices.md).

import { fail, type DeviceError, type DeviceResult } from '../device-result';
import { ok } from '../result';
import type { ReceiptPrinterStatus } from './receipt-printer';

export type StatusQuery = 1 | 2 | 3 | 4;
export const STATUS_QUERIES: readonly StatusQuery[] = [1, 2, 3, 4];

/** DLE EOT n. The printer answers it even when offline or while its buffer is busy with a job. */
export function statusQueryBytes(n: StatusQuery): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}

export interface EscPosStatus {
  /** n=1 bit3 */
  offline: boolean;
  /** n=2 bit2 */
  coverOpen: boolean;
  /** n=2 bit5: printing stopped at the paper-end sensor. */
  paperEndStop: boolean;
  /** n=2 bit6 */
  error: boolean;
  /** n=3 bit3 */
  cutterError: boolean;
  /** n=3 bit5 */
  unrecoverable: boolean;
  /** n=3 bit6: e.g. the head too hot; clears by itself. */
  autoRecoverable: boolean;
  /** n=4 bits 2–3 both set */
  paperNearEnd: boolean;
  /** n=4 bits 5–6 both set */
  paperOut: boolean;
}

/** Every real-time status byte has the fixed bits 0xx1xx10; anything else is noise or another message. */
export function isStatusReplyByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/**
 * Finds the first status reply byte in what the port delivered, skipping noise before it.
 * `consumed` counts the bytes to drop (noise and the reply itself); with no reply, all of them are noise.
 */
export function scanStatusReply(bytes: ArrayLike<number>): { reply: number | null; consumed: number } {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte !== undefined && isStatusReplyByte(byte)) return { reply: byte, consumed: i + 1 };
  }
  return { reply: null, consumed: bytes.length };
}

const bit = (byte: number, n: number): boolean => (byte & (1 << n)) !== 0;

/** The replies to DLE EOT 1, 2, 3 and 4, in that order. */
export function decodeRealtimeStatus(replies: ArrayLike<number>): DeviceResult<EscPosStatus> {
  if (replies.length !== STATUS_QUERIES.length) {
    return fail('invalidData', 'statusReply', `expected ${STATUS_QUERIES.length} status bytes, got ${replies.length}`);
  }
  const bytes: number[] = [];
  for (let i = 0; i < replies.length; i++) {
    const byte = replies[i];
    if (byte === undefined || !Number.isInteger(byte) || byte < 0 || byte > 0xff || !isStatusReplyByte(byte)) {
      return fail('invalidData', 'statusReply', `status byte ${i + 1} is not a real-time status reply`);
    }
    bytes.push(byte);
  }
  const [printer = 0, offline = 0, errors = 0, paper = 0] = bytes;
  return ok({
    offline: bit(printer, 3),
    coverOpen: bit(offline, 2),
    paperEndStop: bit(offline, 5),
    error: bit(offline, 6),
    cutterError: bit(errors, 3),
    unrecoverable: bit(errors, 5),
    autoRecoverable: bit(errors, 6),
    paperNearEnd: bit(paper, 2) && bit(paper, 3),
    paperOut: bit(paper, 5) && bit(paper, 6),
  });
}

/**
 * The common model. Paper out is a paper state, not a device fault; an offline printer with no reason given
 * (feed button held, waiting for recovery) is `offline`. ESC/POS has no presenter sensor, so media is unknown.
 */
export function toReceiptPrinterStatus(status: EscPosStatus): ReceiptPrinterStatus {
  const paper = status.paperOut || status.paperEndStop ? 'out' : status.paperNearEnd ? 'low' : 'full';
  return { device: deviceState(status, paper === 'out'), paper, media: 'unknown' };
}

function deviceState(status: EscPosStatus, paperOut: boolean): 'online' | 'offline' | 'userError' | 'hardwareError' {
  if (status.unrecoverable || status.cutterError || status.autoRecoverable) return 'hardwareError';
  if (status.coverOpen) return 'userError';
  if (status.error) return 'hardwareError';
  if (status.offline && !paperOut) return 'offline';
  return 'online';
}

/** Why a job must not be sent now, or null. Paper near its end is no reason: the citizen still gets the slip. */
export function printBlocker(status: EscPosStatus): DeviceError | null {
  if (status.coverOpen) return { code: 'userError', errorCode: 'coverOpen', description: 'cover open: close the printer cover' };
  if (status.paperOut || status.paperEndStop)
    return { code: 'deviceNotReady', errorCode: 'paperOut', description: 'paper out: load a new roll' };
  if (status.cutterError) return { code: 'hardwareError', errorCode: 'cutterError', description: 'cutter error: clear the cutter' };
  if (status.unrecoverable)
    return { code: 'hardwareError', errorCode: 'unrecoverableError', description: 'unrecoverable printer error: power-cycle or service' };
  if (status.autoRecoverable)
    return {
      code: 'deviceNotReady',
      errorCode: 'autoRecoverableError',
      description: 'printer recovering (e.g. head too hot): try again shortly',
    };
  if (status.error) return { code: 'hardwareError', errorCode: 'printerError', description: 'printer reports an error' };
  if (status.offline) return { code: 'deviceNotReady', errorCode: 'offline', description: 'printer offline' };
  return null;
}

/**
 * What the status after a job says about it, or null when it looks printed. The printer took every byte, so
 * any of these means the outcome is unknown: report it, never resend on our own (a printer that accepted a job
 * with no paper may print the backlog later).
 */
export function afterJobProblem(status: EscPosStatus): DeviceError | null {
  const unknown = 'the slip may be missing, incomplete or printed later: do not resend without asking';
  if (status.paperOut || status.paperEndStop)
    return { code: 'hardwareError', errorCode: 'paperOutDuringJob', description: `paper out after the job; ${unknown}` };
  if (status.cutterError)
    return {
      code: 'hardwareError',
      errorCode: 'cutterError',
      description: 'cutter error after the job: the slip may be printed but not cut',
    };
  if (status.coverOpen)
    return { code: 'userError', errorCode: 'coverOpenDuringJob', description: `cover opened during the job; ${unknown}` };
  if (status.unrecoverable || status.autoRecoverable || status.error)
    return { code: 'hardwareError', errorCode: 'errorDuringJob', description: `printer error after the job; ${unknown}` };
  return null;
}
