// The QR code qrcode would make at level Q, with its choice of mask pattern worked out on typed arrays. qrcode
// tries the eight masks by masking, scoring (ISO 18004 penalties N1–N4) and unmasking its BitMatrix, one
// get() at a time: most of the time a seal takes, and far more in a fresh process before the JIT warms up.
// Here the symbol is made once with mask 0 and each mask is scored on a copy: the same scores, the same
// choice (the lowest penalty, the first on a tie), the very same symbol (qr-mask-choice.test.ts).

import QRCode, { type BitMatrix, type QRCodeSegment } from 'qrcode';

const patterns = 8;

function masked(pattern: number, i: number, j: number): boolean {
  switch (pattern) {
    case 0:
      return (i + j) % 2 === 0;
    case 1:
      return i % 2 === 0;
    case 2:
      return j % 3 === 0;
    case 3:
      return (i + j) % 3 === 0;
    case 4:
      return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0;
    case 5:
      return ((i * j) % 2) + ((i * j) % 3) === 0;
    case 6:
      return (((i * j) % 2) + ((i * j) % 3)) % 2 === 0;
    default:
      return (((i * j) % 3) + ((i + j) % 2)) % 2 === 0;
  }
}

/** The 15 format bits for level Q (its two bits are 11) and a mask, BCH-coded and XORed as ISO 18004 says. */
function formatBits(pattern: number): number {
  const data = (0b11 << 3) | pattern;
  let remainder = data << 10;
  const generator = 0b10100110111;
  for (let bit = 14; bit >= 10; bit--) if (remainder & (1 << bit)) remainder ^= generator << (bit - 10);
  return ((data << 10) | remainder) ^ 0b101010000010010;
}

/** Where qrcode writes the format bits (its setupFormatInfo), as (row, col) pairs for bit i. */
function writeFormat(data: Uint8Array, size: number, pattern: number): void {
  const bits = formatBits(pattern);
  for (let i = 0; i < 15; i++) {
    const bit = (bits >> i) & 1;
    const vertical = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    data[vertical * size + 8] = bit;
    const horizontal = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1;
    data[8 * size + horizontal] = bit;
  }
  data[(size - 8) * size + 8] = 1;
}

/** qrcode's penalty (mask-pattern.js getPenaltyN1…N4), term for term. */
function penalty(data: Uint8Array, size: number): number {
  let points = 0;
  // N1: runs of five or more in a row or a column.
  for (let row = 0; row < size; row++) {
    let sameInRow = 0;
    let sameInCol = 0;
    let lastInRow = -1;
    let lastInCol = -1;
    for (let col = 0; col < size; col++) {
      const inRow = data[row * size + col]!;
      if (inRow === lastInRow) sameInRow++;
      else {
        if (sameInRow >= 5) points += 3 + (sameInRow - 5);
        lastInRow = inRow;
        sameInRow = 1;
      }
      const inCol = data[col * size + row]!;
      if (inCol === lastInCol) sameInCol++;
      else {
        if (sameInCol >= 5) points += 3 + (sameInCol - 5);
        lastInCol = inCol;
        sameInCol = 1;
      }
    }
    if (sameInRow >= 5) points += 3 + (sameInRow - 5);
    if (sameInCol >= 5) points += 3 + (sameInCol - 5);
  }
  // N2: 2×2 blocks of one colour.
  let blocks = 0;
  for (let row = 0; row < size - 1; row++) {
    for (let col = 0; col < size - 1; col++) {
      const at = row * size + col;
      const sum = data[at]! + data[at + 1]! + data[at + size]! + data[at + size + 1]!;
      if (sum === 4 || sum === 0) blocks++;
    }
  }
  points += blocks * 3;
  // N3: finder-like patterns 1011101 with four light modules on one side.
  let finders = 0;
  for (let row = 0; row < size; row++) {
    let inRow = 0;
    let inCol = 0;
    for (let col = 0; col < size; col++) {
      inRow = ((inRow << 1) & 0x7ff) | data[row * size + col]!;
      if (col >= 10 && (inRow === 0x5d0 || inRow === 0x05d)) finders++;
      inCol = ((inCol << 1) & 0x7ff) | data[col * size + row]!;
      if (col >= 10 && (inCol === 0x5d0 || inCol === 0x05d)) finders++;
    }
  }
  points += finders * 40;
  // N4: how far the share of dark modules is from half.
  let dark = 0;
  for (let i = 0; i < data.length; i++) dark += data[i]!;
  points += Math.abs(Math.ceil((dark * 100) / data.length / 5) - 10) * 10;
  return points;
}

/** The symbol for the data at level Q, exactly as QRCode.create(data, { errorCorrectionLevel: 'Q' }) makes it. */
export function qrMatrixLevelQ(data: string | QRCodeSegment[]): BitMatrix {
  const symbol = QRCode.create(data, { errorCorrectionLevel: 'Q', maskPattern: 0 }).modules;
  const { size } = symbol;
  const reserved = symbol.reservedBit;
  // Unmasked data modules: mask 0 taken off again, where qrcode applied it (never on a reserved module).
  const unmasked = Uint8Array.from(symbol.data);
  const maskOf = (pattern: number) => {
    const mask = new Uint8Array(size * size);
    for (let row = 0; row < size; row++) {
      for (let col = 0; col < size; col++) if (!reserved[row * size + col] && masked(pattern, row, col)) mask[row * size + col] = 1;
    }
    return mask;
  };
  const mask0 = maskOf(0);
  for (let i = 0; i < unmasked.length; i++) unmasked[i]! ^= mask0[i]!;

  let best: Uint8Array = symbol.data;
  let lowest = Infinity;
  for (let pattern = 0; pattern < patterns; pattern++) {
    const mask = pattern === 0 ? mask0 : maskOf(pattern);
    const candidate = new Uint8Array(unmasked.length);
    for (let i = 0; i < candidate.length; i++) candidate[i] = unmasked[i]! ^ mask[i]!;
    writeFormat(candidate, size, pattern);
    const score = penalty(candidate, size);
    if (score < lowest) {
      lowest = score;
      best = candidate;
    }
  }
  symbol.data.set(best);
  return symbol;
}
