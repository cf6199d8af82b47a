// Turns the bytes of one complete scan into a ScannedCode: the AIM symbology id when the scanner sends one, then
// the text decoded as a whole (never per character) with the scanner's configured encoding. Shared by the HID POS
// reassembler and the serial framer.

import { err, ok, type Result } from '../result';
import type { ScannedCode } from './code-scanner';

/** What the scanner is set to send. GBK is decoded with the WHATWG decoder (a GB18030 superset). */
export type ScanEncoding = 'utf-8' | 'gbk';

export const SCAN_ENCODINGS: readonly ScanEncoding[] = ['utf-8', 'gbk'];

/** `detail` is for staff and never holds scanned bytes. */
export interface ScanDecodeError {
  kind: 'undecodable';
  detail: string;
}

export type ScanDecodeResult = Result<ScannedCode, ScanDecodeError>;

const RIGHT_BRACKET = 0x5d;

/** `]` + code character (letter) + modifier (digit or letter): ISO/IEC 15424. */
export function aimIdLength(bytes: Uint8Array): 0 | 3 {
  if (bytes.length < 3 || bytes[0] !== RIGHT_BRACKET) return 0;
  return isLetter(bytes[1]) && (isLetter(bytes[2]) || isDigit(bytes[2])) ? 3 : 0;
}

export function decodeScan(bytes: Uint8Array, encoding: ScanEncoding, aimIds = true): ScanDecodeResult {
  const idLength = aimIds ? aimIdLength(bytes) : 0;
  const symbology = idLength ? String.fromCharCode(...bytes.subarray(0, idLength)) : 'unknown';
  try {
    // fatal: a byte sequence that is not valid in the configured encoding is refused, never turned into U+FFFD:
    // a wrong character in a code could fetch the wrong record. ignoreBOM keeps the text exactly as scanned.
    const data = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(idLength));
    return ok({ symbology, data });
  } catch {
    // The detail never carries the bytes: scans can hold personal data.
    return err({ kind: 'undecodable', detail: `${bytes.length - idLength} bytes are not valid ${encoding}` });
  }
}

function isLetter(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}
