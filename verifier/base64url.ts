// base64url per the contract (RFC 4648 §5, no padding) decoded without Node's Buffer, so that the page reads
// the same JWS the agent does: one canonical spelling only.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((char, index) => [char, index]));

/** The bytes, or null for padding, a foreign character, an impossible length or non-zero spare bits. */
export function decodeBase64urlBytes(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let held = 0;
  let at = 0;
  for (const char of text) {
    const value = VALUE.get(char);
    if (value === undefined) return null;
    held = (held << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (held >> bits) & 0xff;
      held &= (1 << bits) - 1;
    }
  }
  // The spare bits of the last character must be zero, or two spellings would give the same bytes.
  return held === 0 ? bytes : null;
}
