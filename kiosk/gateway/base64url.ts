// base64url per the contract: RFC 4648 §5, no padding, and a decoder that refuses anything else.

const ALPHABET = /^[A-Za-z0-9_-]*$/;

export function encodeBase64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

/** The bytes, or null for padding, a foreign character, an impossible length or non-zero spare bits. */
export function decodeBase64url(text: string): Buffer | null {
  if (!ALPHABET.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64url');
  // Node's decoder ignores spare bits; re-encoding shows whether the text was the one canonical spelling.
  return bytes.toString('base64url') === text ? bytes : null;
}
