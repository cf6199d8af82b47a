// Serial (and USB CDC) scanners send each code followed by a terminator — CR by default, or CRLF, LF or TAB. Bytes
// arrive in arbitrary pieces, so codes are cut on the terminator; an inter-byte timeout throws away a piece that
// never got its terminator (line noise, a cable pulled mid-code), so it cannot glue itself to the next code.
//
// Pure: the framer is told the time with every call; the driver wakes it at `deadline()`.

import { err, type Result } from '../result';
import type { ScannedCode } from './code-scanner';
import { decodeScan, type ScanEncoding } from './scanned-code-decoder';

export type SerialTerminator = 'CR' | 'CRLF' | 'LF' | 'TAB';

export const SERIAL_TERMINATORS: Readonly<Record<SerialTerminator, Uint8Array>> = {
  CR: Uint8Array.of(0x0d),
  CRLF: Uint8Array.of(0x0d, 0x0a),
  LF: Uint8Array.of(0x0a),
  TAB: Uint8Array.of(0x09),
};

export type SerialFrameErrorKind = 'incompleteFrame' | 'frameTooLong' | 'undecodable';

/** `detail` is for staff and never holds scanned bytes. */
export interface SerialFrameError {
  kind: SerialFrameErrorKind;
  detail: string;
}

export type SerialFrame = Result<ScannedCode, SerialFrameError>;

export interface SerialLineFramerOptions {
  terminator: SerialTerminator;
  encoding: ScanEncoding;
  /** Silence this long in the middle of a code discards it. At 9600 baud a byte takes about 1 ms. */
  interByteTimeoutMs?: number;
  /** Longer codes are refused (and the rest of them, up to the next terminator). */
  maxFrameBytes?: number;
  aimIds?: boolean;
}

export class SerialLineFramer {
  private readonly terminator: Uint8Array;
  private readonly encoding: ScanEncoding;
  private readonly timeoutMs: number;
  private readonly maxFrameBytes: number;
  private readonly aimIds: boolean;
  private pending: Buffer = Buffer.alloc(0);
  /** After a frame that grew too long: drop bytes up to the next terminator. */
  private skipping = false;
  private lastByteAt = 0;

  constructor(options: SerialLineFramerOptions) {
    this.terminator = SERIAL_TERMINATORS[options.terminator];
    this.encoding = options.encoding;
    this.timeoutMs = options.interByteTimeoutMs ?? 100;
    this.maxFrameBytes = options.maxFrameBytes ?? 4096;
    this.aimIds = options.aimIds ?? true;
  }

  /** Bytes received at time `at` (ms, monotonic). Returns the codes (or errors) they completed. */
  push(chunk: Uint8Array, at: number): SerialFrame[] {
    const out = this.tick(at);
    if (chunk.length === 0) return out;
    this.lastByteAt = at;
    this.pending = Buffer.concat([this.pending, chunk]);

    for (;;) {
      const end = this.pending.indexOf(this.terminator);
      if (end < 0) break;
      const frame = this.pending.subarray(0, end);
      this.pending = this.pending.subarray(end + this.terminator.length);
      if (this.skipping) {
        this.skipping = false;
        continue;
      }
      if (frame.length > this.maxFrameBytes) {
        out.push(tooLong(this.maxFrameBytes));
        continue;
      }
      // Two terminators in a row (a scanner sending CRLF to a CR setting, say) make no code.
      if (frame.length > 0) out.push(decodeScan(frame, this.encoding, this.aimIds));
    }

    // Keep the last terminator length − 1 bytes: a CRLF may be split across reads.
    if (this.pending.length > this.maxFrameBytes + this.terminator.length - 1) {
      if (!this.skipping) out.push(tooLong(this.maxFrameBytes));
      this.skipping = true;
      this.pending = Buffer.from(this.pending.subarray(this.pending.length - (this.terminator.length - 1)));
    }
    return out;
  }

  /** Discards a code left without its terminator for longer than the timeout. Call it at `deadline()`. */
  tick(at: number): SerialFrame[] {
    if (at - this.lastByteAt < this.timeoutMs) return [];
    const hadBytes = this.pending.length > 0 && !this.skipping;
    const length = this.pending.length;
    this.discard();
    return hadBytes
      ? [err({ kind: 'incompleteFrame', detail: `${length} bytes without a terminator, then ${this.timeoutMs} ms of silence` })]
      : [];
  }

  /** When `tick` must be called; null when nothing is pending. */
  deadline(): number | null {
    return this.pending.length > 0 || this.skipping ? this.lastByteAt + this.timeoutMs : null;
  }

  /** Forgets a code under way (the port went away). */
  discard(): void {
    this.pending = Buffer.alloc(0);
    this.skipping = false;
  }
}

function tooLong(max: number): SerialFrame {
  return err({ kind: 'frameTooLong', detail: `a code longer than ${max} bytes` });
}
