// Just enough DER to read the key and signature structures the gateway meets (SPKI, PKCS#8, ECDSA-Sig-Value):
// definite lengths only, anything else refused. A full ASN.1 library would be more than this needs.

export interface DerElement {
  tag: number;
  /** The content bytes (a view into the input). */
  content: Uint8Array;
  /** Offset of the next element after this one. */
  end: number;
}

/** One TLV at `offset`, or null if it is not well-formed DER. */
export function readDerElement(bytes: Uint8Array, offset = 0): DerElement | null {
  if (offset + 2 > bytes.length) return null;
  const tag = bytes[offset]!;
  let length = bytes[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    // Indefinite (0) and absurd lengths are not DER; four bytes is far beyond any key.
    if (count === 0 || count > 4 || start + count > bytes.length) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[start + i]!;
    if (length < 0x80 || bytes[start] === 0) return null; // not the shortest form
    start += count;
  }
  const end = start + length;
  if (end > bytes.length) return null;
  return { tag, content: bytes.subarray(start, end), end };
}

/** The elements inside a constructed element, or null if they do not fill it exactly. */
export function readDerChildren(content: Uint8Array): DerElement[] | null {
  const children: DerElement[] = [];
  let offset = 0;
  while (offset < content.length) {
    const child = readDerElement(content, offset);
    if (!child) return null;
    children.push(child);
    offset = child.end;
  }
  return children;
}

export const DER_TAG = { integer: 0x02, bitString: 0x03, octetString: 0x04, oid: 0x06, sequence: 0x30 } as const;
