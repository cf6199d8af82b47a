// Receipt → ESC/POS bytes, as a pure function (shared/reference/devices.md, "Receipt printers").
// Text goes out in Chinese mode as GB18030; QR codes use the printer's native QR command with 4 dots per module
// and error correction Q (shared/contracts/seal-kq1.md, "Size and print").

import iconv from 'iconv-lite';
import { fail, type DeviceResult } from '../device-result';
import { ok } from '../result';
import { assertNever } from '../device-status';
import type { Receipt, ReceiptLine } from './receipt-printer';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;

export const INITIALISE = Uint8Array.of(ESC, 0x40);
/** Turns automatic status back off, so that nothing unsolicited mixes with real-time status replies. */
export const DISABLE_AUTOMATIC_STATUS_BACK = Uint8Array.of(GS, 0x61, 0x00);
const CHINESE_MODE_ON = [FS, 0x26] as const;
const CHINESE_MODE_OFF = [FS, 0x2e] as const;

/** GS ! n: double width and double height for large text. */
const SIZE_BYTE = { normal: 0x00, large: 0x11 } as const;
/** ESC a n */
const ALIGN_BYTE = { left: 0x00, center: 0x01, right: 0x02 } as const;
/** ESC E n: emphasis (bold) on and off. */
const BOLD_ON = [ESC, 0x45, 0x01] as const;
const BOLD_OFF = [ESC, 0x45, 0x00] as const;

export const QR_MODULE_DOTS = 4;
/** GS ( k function 169 values: 48 L, 49 M, 50 Q, 51 H. */
export const QR_ERROR_CORRECTION_Q = 0x32;
/** Lines fed by GS V 65 n beyond the cutting position, so the last line clears the blade. */
export const CUT_FEED_LINES = 3;

// Capacity of a version-40 QR code at level Q (ISO/IEC 18004 table 7).
const QR_MAX_ALPHANUMERIC_Q = 2420;
const QR_MAX_BYTES_Q = 1663;
const QR_ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;
const MAX_FEED_LINES = 255;

// C0 controls and DEL would be read as printer commands (DLE EOT is even answered in real time);
// lone surrogates cannot be encoded and would print as '?'. Either would put a wrong paper in a citizen's hand.
const CONTROL = /[\u0000-\u001f\u007f]/u;
const QR_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;
const LONE_SURROGATE = /\p{Cs}/u;

/** The bytes of a whole job: initialise, every line, feed and cut. Invalid content is `invalidData`, never printed. */
export function encodeReceipt(receipt: Receipt): DeviceResult<Uint8Array> {
  const parts: Uint8Array[] = [INITIALISE];
  for (const [index, line] of receipt.lines.entries()) {
    const encoded = encodeLine(line);
    if (!encoded.ok) return fail('invalidData', encoded.error.errorCode, `line ${index + 1}: ${encoded.error.description ?? ''}`);
    parts.push(encoded.value);
  }
  parts.push(Uint8Array.of(GS, 0x56, 0x41, CUT_FEED_LINES));
  return ok(concatBytes(parts));
}

function encodeLine(line: ReceiptLine): DeviceResult<Uint8Array> {
  switch (line.kind) {
    case 'text':
      return encodeText(line.text, line.size ?? 'normal', line.align ?? 'left', line.bold ?? false);
    case 'qr':
      return encodeQr(line.data);
    case 'feed':
      if (!Number.isInteger(line.lines) || line.lines < 0 || line.lines > MAX_FEED_LINES) {
        return fail('invalidData', 'feedLines', `feed must be 0–${MAX_FEED_LINES} whole lines`);
      }
      return ok(Uint8Array.of(ESC, 0x64, line.lines));
    default:
      return assertNever(line);
  }
}

function encodeText(text: string, size: 'normal' | 'large', align: 'left' | 'center' | 'right', bold: boolean): DeviceResult<Uint8Array> {
  // Descriptions name the problem, never the text: receipts carry citizen data.
  if (CONTROL.test(text)) return fail('invalidData', 'controlCharacter', 'text holds a control character');
  if (LONE_SURROGATE.test(text)) return fail('invalidData', 'unencodableText', 'text holds a lone surrogate');
  const sizeByte = SIZE_BYTE[size];
  const alignByte = ALIGN_BYTE[align];
  if (sizeByte === undefined || alignByte === undefined) return fail('invalidData', 'textStyle', 'unknown size or alignment');
  // Emphasis is switched off after the line feed that prints the line, so it covers the whole line.
  return ok(
    concatBytes([
      Uint8Array.of(ESC, 0x61, alignByte, GS, 0x21, sizeByte, ...(bold ? BOLD_ON : []), ...CHINESE_MODE_ON),
      iconv.encode(text, 'gb18030'),
      Uint8Array.of(...CHINESE_MODE_OFF, LF, ...(bold ? BOLD_OFF : [])),
    ]),
  );
}

function encodeQr(data: string): DeviceResult<Uint8Array> {
  if (data.length === 0) return fail('invalidData', 'qrEmpty', 'QR data is empty');
  if (QR_CONTROL.test(data) || LONE_SURROGATE.test(data)) return fail('invalidData', 'qrData', 'QR data holds a control character');
  // Scanners read QR byte mode as UTF-8 (or GBK when so set); KQ1 seals are pure alphanumeric and stay ASCII.
  const bytes = Buffer.from(data, 'utf8');
  const fits = QR_ALPHANUMERIC.test(data) ? data.length <= QR_MAX_ALPHANUMERIC_Q : bytes.length <= QR_MAX_BYTES_Q;
  if (!fits) return fail('invalidData', 'qrTooLong', 'QR data does not fit a version-40 code at level Q');
  const storeLength = bytes.length + 3;
  return ok(
    concatBytes([
      Uint8Array.of(ESC, 0x61, ALIGN_BYTE.center),
      qrFunction(0x41, [0x32, 0x00]), // model 2
      qrFunction(0x43, [QR_MODULE_DOTS]),
      qrFunction(0x45, [QR_ERROR_CORRECTION_Q]),
      Uint8Array.of(GS, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30),
      bytes,
      qrFunction(0x51, [0x30]),
      Uint8Array.of(LF),
    ]),
  );
}

/** GS ( k pL pH cn=49 fn parameters */
function qrFunction(fn: number, parameters: number[]): Uint8Array {
  const length = parameters.length + 2;
  return Uint8Array.of(GS, 0x28, 0x6b, length & 0xff, length >> 8, 0x31, fn, ...parameters);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
