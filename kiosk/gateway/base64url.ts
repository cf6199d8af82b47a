// base64url per the contract: RFC 4648 §5, no padding, and a decoder that refuses anything else (the
// verifier's, shared with the page), handing the gateway's callers a Buffer.

import { decodeBase64urlBytes } from '../../verifier/base64url';

export function encodeBase64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/** The bytes, or null for padding, a foreign character, an impossible length or non-zero spare bits. */
export function decodeBase64url(text: string): Buffer | null {
  const bytes = decodeBase64urlBytes(text);
  return bytes === null ? null : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
