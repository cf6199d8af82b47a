// Raw r‖s (the contract's form) ⇄ DER ECDSA-Sig-Value (what `openssl pkeyutl`/`openssl dgst` read and write).
// Only the OpenSSL interoperability tests need it: the wire always carries raw r‖s.

import { DER_TAG, readDerChildren, readDerElement } from '../../kiosk/gateway/der-reader';

function derInteger(value: Uint8Array): Buffer {
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start++;
  let body = Buffer.from(value.subarray(start));
  // A set high bit would read as negative: DER prepends a zero byte.
  if (body[0]! & 0x80) body = Buffer.concat([Buffer.from([0]), body]);
  return Buffer.concat([Buffer.from([DER_TAG.integer, body.length]), body]);
}

export function rawSignatureToDer(raw: Uint8Array): Buffer {
  if (raw.length !== 64) throw new Error('a raw signature is 64 bytes');
  const content = Buffer.concat([derInteger(raw.subarray(0, 32)), derInteger(raw.subarray(32))]);
  return Buffer.concat([Buffer.from([DER_TAG.sequence, content.length]), content]);
}

/** 64 bytes r‖s, or null if `der` is not a SEQUENCE of two non-negative INTEGERs of at most 32 bytes. */
export function derSignatureToRaw(der: Uint8Array): Buffer | null {
  const outer = readDerElement(der);
  if (!outer || outer.tag !== DER_TAG.sequence || outer.end !== der.length) return null;
  const parts = readDerChildren(outer.content);
  if (!parts || parts.length !== 2) return null;
  const raw = Buffer.alloc(64);
  for (const [index, part] of parts.entries()) {
    if (part.tag !== DER_TAG.integer || part.content.length === 0 || part.content[0]! & 0x80) return null;
    let value = part.content;
    if (value.length > 1 && value[0] === 0) value = value.subarray(1);
    if (value.length > 32) return null;
    raw.set(value, index * 32 + 32 - value.length);
  }
  return raw;
}
