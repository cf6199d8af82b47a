// Builds HID POS input reports the way a scanner sends them (report 0x02, length byte, data, zero padding), for the
// unit tests' fixtures and the virtual scanner in the QEMU guest.

export interface HidPosReportOptions {
  /** Bytes per report including the report id (hidraw's view). */
  reportSize?: number;
  /** Models with a "more follows" flag in the last byte: the data area is one byte shorter. */
  moreFollowsFlag?: boolean;
}

export function hidPosReports(payload: Uint8Array, options: HidPosReportOptions = {}): Uint8Array[] {
  const size = options.reportSize ?? 64;
  const capacity = options.moreFollowsFlag ? size - 3 : size - 2;
  const reports: Uint8Array[] = [];
  let offset = 0;
  do {
    const data = payload.subarray(offset, offset + capacity);
    offset += data.length;
    const report = new Uint8Array(size);
    report[0] = 0x02;
    report[1] = data.length;
    report.set(data, 2);
    if (options.moreFollowsFlag && offset < payload.length) report[size - 1] = 0x01;
    reports.push(report);
  } while (offset < payload.length);
  return reports;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** `]Q1` (QR) in front of the payload, as a scanner set to send AIM ids does. */
export function withAimId(payload: Uint8Array, aimId = ']Q1'): Uint8Array {
  const bytes = new Uint8Array(aimId.length + payload.length);
  bytes.set(utf8(aimId), 0);
  bytes.set(payload, aimId.length);
  return bytes;
}
