// base45 (RFC 9285). The package's decoder accepts anything and returns garbage for bad input, so the
// input is checked here first: a damaged QR code must read as "damaged", not as other bytes.

import base45 from 'base45';

const CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

export function encodeBase45(bytes: Uint8Array): string {
  return base45.encode(Buffer.from(bytes));
}

/** The bytes, or null for a foreign character, an impossible length or a group out of range. */
export function decodeBase45(text: string): Buffer | null {
  if (text.length % 3 === 1) return null;
  const values: number[] = [];
  for (const char of text) {
    const value = CHARSET.indexOf(char);
    if (value < 0) return null;
    values.push(value);
  }
  for (let i = 0; i < values.length; i += 3) {
    const group = values[i]! + values[i + 1]! * 45 + (i + 2 < values.length ? values[i + 2]! * 45 * 45 : 0);
    if (group > (i + 2 < values.length ? 0xffff : 0xff)) return null;
  }
  return base45.decode(text);
}
