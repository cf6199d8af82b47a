// base45 (RFC 9285), strict: a damaged QR code must read as "damaged", never as other bytes. Plain
// TypeScript so that the browser page decodes seals with the very same code as the agent.

const CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

export function encodeBase45(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const value = bytes[i]! * 256 + bytes[i + 1]!;
    text += CHARSET[value % 45]! + CHARSET[Math.floor(value / 45) % 45]! + CHARSET[Math.floor(value / 2025)]!;
  }
  if (bytes.length % 2 === 1) {
    const value = bytes[bytes.length - 1]!;
    text += CHARSET[value % 45]! + CHARSET[Math.floor(value / 45)]!;
  }
  return text;
}

/** The bytes, or null for a foreign character, an impossible length or a group out of range. */
export function decodeBase45(text: string): Uint8Array | null {
  if (text.length % 3 === 1) return null;
  const bytes = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let out = 0;
  for (let i = 0; i < text.length; i += 3) {
    const digits = [text[i], text[i + 1], text[i + 2]].filter((char) => char !== undefined).map((char) => CHARSET.indexOf(char));
    if (digits.some((digit) => digit < 0)) return null;
    const value = digits.reduce((sum, digit, place) => sum + digit * 45 ** place, 0);
    if (digits.length === 3) {
      if (value > 0xffff) return null;
      bytes[out++] = value >> 8;
      bytes[out++] = value & 0xff;
    } else {
      if (value > 0xff) return null;
      bytes[out++] = value;
    }
  }
  return bytes;
}
