// Bytes as lowercase hex: key ids, and the form the SM2 library takes keys and signatures in.

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
