// HID POS scanner reports (usage page 0x8C), as hidraw delivers them: report id 0x02, a length byte, the data,
// zero padding to the report size. A long code spans several reports; a report that is not full (or, on models
// that have one, a clear "more follows" flag) ends the scan, and so does an idle gap of 50 ms.
//
// Pure: the reassembler is a state machine that is told the time with every call, so the 50 ms rule is tested
// without waiting and the driver only has to wake it at `deadline()`.

import { err, ok, type Result } from '../result';
import type { ScannedCode } from './code-scanner';
import { decodeScan, type ScanEncoding } from './scanned-code-decoder';

export const SCANNED_DATA_REPORT_ID = 0x02;

/**
 * Where a report says "the scan goes on".
 * - `lengthPrefixed`: a full report (length byte = report size − 2) means more follows.
 * - `moreFollowsFlag`: some models keep a flag byte near the end of the report (bit 0 of the last byte unless
 *   told otherwise); the data area then stops before it.
 */
export type HidReportLayout = { kind: 'lengthPrefixed' } | { kind: 'moreFollowsFlag'; flagOffset?: number; flagMask?: number };

export type HidReportErrorKind = 'emptyReport' | 'wrongReportId' | 'lengthOverflow' | 'scanTooLong' | 'undecodable';

/** A malformed report or scan. `detail` is for staff and never holds scanned bytes. */
export interface HidReportError {
  kind: HidReportErrorKind;
  detail: string;
}

export interface HidReportChunk {
  data: Uint8Array;
  /** Whether the scanner says more reports of the same scan follow. */
  moreFollows: boolean;
}

export type HidReportParse = Result<HidReportChunk, HidReportError>;

export function parseHidPosReport(report: Uint8Array, layout: HidReportLayout = { kind: 'lengthPrefixed' }): HidReportParse {
  if (report.length < 2) return failure('emptyReport', `report of ${report.length} bytes`);
  const reportId = report[0] as number;
  if (reportId !== SCANNED_DATA_REPORT_ID) return failure('wrongReportId', `report id 0x${reportId.toString(16)}`);
  const length = report[1] as number;

  if (layout.kind === 'lengthPrefixed') {
    const capacity = report.length - 2;
    if (length > capacity) return failure('lengthOverflow', `length ${length} in a report with room for ${capacity}`);
    return ok({ data: report.slice(2, 2 + length), moreFollows: length === capacity });
  }

  const flagOffset = layout.flagOffset ?? report.length - 1;
  if (flagOffset < 2 || flagOffset >= report.length)
    return failure('emptyReport', `no flag byte at ${flagOffset} in ${report.length} bytes`);
  const capacity = flagOffset - 2;
  if (length > capacity) return failure('lengthOverflow', `length ${length} in a report with room for ${capacity}`);
  const moreFollows = ((report[flagOffset] as number) & (layout.flagMask ?? 0x01)) !== 0;
  return ok({ data: report.slice(2, 2 + length), moreFollows });
}

export type AssembledScan = Result<ScannedCode, HidReportError>;

export interface HidScanAssemblerOptions {
  encoding: ScanEncoding;
  layout?: HidReportLayout;
  /** An idle gap this long ends a scan (devices.md: 50 ms). */
  idleMs?: number;
  /** Longer scans are refused: a QR code holds at most 2,953 bytes; anything past this is a runaway device. */
  maxScanBytes?: number;
  /** Split a leading AIM symbology id (`]Q1`) from the data. */
  aimIds?: boolean;
}

/**
 * Joins reports into scans. States: idle → collecting (a scan has begun) → idle; or skipping, after a malformed
 * report in the middle of a scan, until that scan ends — its tail must never come out as a code of its own.
 */
export class HidScanAssembler {
  private readonly encoding: ScanEncoding;
  private readonly layout: HidReportLayout;
  private readonly idleMs: number;
  private readonly maxScanBytes: number;
  private readonly aimIds: boolean;
  private state: 'idle' | 'collecting' | 'skipping' = 'idle';
  private parts: Uint8Array[] = [];
  private size = 0;
  private lastReportAt = 0;

  constructor(options: HidScanAssemblerOptions) {
    this.encoding = options.encoding;
    this.layout = options.layout ?? { kind: 'lengthPrefixed' };
    this.idleMs = options.idleMs ?? 50;
    this.maxScanBytes = options.maxScanBytes ?? 8192;
    this.aimIds = options.aimIds ?? true;
  }

  /** One input report received at time `at` (ms, monotonic). Returns the scans (or errors) it completed. */
  push(report: Uint8Array, at: number): AssembledScan[] {
    const out = this.tick(at);
    const parsed = parseHidPosReport(report, this.layout);
    if (!parsed.ok) {
      out.push(parsed);
      // Another kind of report (or none) is not part of any scan: reported, the scan under way goes on.
      if (parsed.error.kind !== 'lengthOverflow') return out;
      // A broken data report may be the head or the middle of a scan: skip to that scan's end, so its tail never
      // comes out as a code of its own.
      this.lastReportAt = at;
      this.clear();
      this.state = 'skipping';
      return out;
    }
    this.lastReportAt = at;
    const { data, moreFollows } = parsed.value;

    if (this.state === 'skipping') {
      if (!moreFollows) this.state = 'idle';
      return out;
    }

    if (this.size + data.length > this.maxScanBytes) {
      this.clear();
      this.state = moreFollows ? 'skipping' : 'idle';
      out.push(err({ kind: 'scanTooLong', detail: `scan longer than ${this.maxScanBytes} bytes` }));
      return out;
    }
    if (data.length > 0) {
      this.parts.push(data);
      this.size += data.length;
    }
    this.state = 'collecting';
    if (!moreFollows) out.push(...this.finish());
    return out;
  }

  /** Ends a scan whose idle gap has passed by `at`. Call it at `deadline()`. */
  tick(at: number): AssembledScan[] {
    if (this.state === 'idle' || at - this.lastReportAt < this.idleMs) return [];
    if (this.state === 'skipping') {
      this.state = 'idle';
      return [];
    }
    return this.finish();
  }

  /** When `tick` must be called to end the current scan by the idle rule; null when no scan is under way. */
  deadline(): number | null {
    return this.state === 'idle' ? null : this.lastReportAt + this.idleMs;
  }

  /** Forgets a scan under way (the device went away). */
  discard(): void {
    this.clear();
    this.state = 'idle';
  }

  private finish(): AssembledScan[] {
    const bytes = concat(this.parts, this.size);
    this.clear();
    this.state = 'idle';
    if (bytes.length === 0) return [];
    const decoded = decodeScan(bytes, this.encoding, this.aimIds);
    return [decoded];
  }

  private clear(): void {
    this.parts = [];
    this.size = 0;
  }
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

function failure(kind: HidReportErrorKind, detail: string): HidReportParse {
  return err({ kind, detail });
}
