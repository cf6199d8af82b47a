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

/** N1 and N3 of one row or column: `count` modules from `start`, `stride` apart. */
function linePenalty(data: Uint8Array, start: number, stride: number, count: number): number {
  let points = 0;
  let same = 0;
  let last = -1;
  let bits = 0;
  for (let k = 0, at = start; k < count; k++, at += stride) {
    const module = data[at]!;
    // N1: runs of five or more of one colour.
    if (module === last) same++;
    else {
      if (same >= 5) points += 3 + (same - 5);
      last = module;
      same = 1;
    }
    // N3: finder-like patterns 1011101 with four light modules on one side.
    bits = ((bits << 1) & 0x7ff) | module;
    if (k >= 10 && (bits === 0x5d0 || bits === 0x05d)) points += 40;
  }
  if (same >= 5) points += 3 + (same - 5);
  return points;
}

/** qrcode's penalty (mask-pattern.js getPenaltyN1…N4), term for term. */
function penalty(data: Uint8Array, dataWords: Uint32Array, size: number): number {
  let points = 0;
  for (let line = 0; line < size; line++) points += linePenalty(data, line * size, 1, size) + linePenalty(data, line, size, size);
  // N2: 2×2 blocks of one colour.
  let blocks = 0;
  for (let row = 0; row < size - 1; row++) {
    for (let at = row * size, end = at + size - 1; at < end; at++) {
      const sum = data[at]! + data[at + 1]! + data[at + size]! + data[at + size + 1]!;
      if (sum === 4 || sum === 0) blocks++;
    }
  }
  points += blocks * 3;
  // N4: how far the share of dark modules is from half.
  let dark = 0;
  // Four modules (0 or 1 each) a word: the multiply sums a word's bytes into its top byte.
  for (let k = 0; k < dataWords.length; k++) dark += Math.imul(dataWords[k]!, 0x01010101) >>> 24;
  points += Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10) * 10;
  return points;
}

/** Each mask pattern over a symbol of this size, already cleared where the symbol reserves modules. */
const masksBySize = new Map<number, Uint8Array[]>();
/** Every pattern repeats itself every 12 rows (their periods in i are 2, 3, 4 or 6). */
const rowPeriod = 12;

/**
 * Module arrays are padded to a multiple of four bytes, so that the loops a fresh process runs in its interpreter
 * (masking, counting dark modules) go four modules at a time on 32-bit words; the padding stays zero.
 */
function paddedLength(modules: number): number {
  return Math.ceil(modules / 4) * 4;
}

function words(modules: Uint8Array): Uint32Array {
  return new Uint32Array(modules.buffer, modules.byteOffset, modules.length / 4);
}

function masksFor(size: number, reserved: Uint8Array): Uint8Array[] {
  let masks = masksBySize.get(size);
  if (!masks) {
    // The reserved modules (finders, timing, alignment, format, version) depend on the version, i.e. the size.
    const free = new Uint8Array(paddedLength(size * size));
    for (let i = 0; i < reserved.length; i++) free[i] = reserved[i] ? 0 : 1;
    const freeWords = words(free);
    masks = Array.from({ length: patterns }, (_, pattern) => {
      const mask = new Uint8Array(free.length);
      for (let row = 0; row < Math.min(size, rowPeriod); row++) {
        for (let col = 0; col < size; col++) if (masked(pattern, row, col)) mask[row * size + col] = 1;
      }
      for (let row = rowPeriod; row < size; row++) mask.copyWithin(row * size, (row - rowPeriod) * size, (row - rowPeriod + 1) * size);
      const maskWords = words(mask);
      for (let k = 0; k < maskWords.length; k++) maskWords[k]! &= freeWords[k]!;
      return mask;
    });
    masksBySize.set(size, masks);
  }
  return masks;
}

/** The symbol for the data at level Q, exactly as QRCode.create(data, { errorCorrectionLevel: 'Q' }) makes it. */
export function qrMatrixLevelQ(data: string | QRCodeSegment[]): BitMatrix {
  const symbol = QRCode.create(data, { errorCorrectionLevel: 'Q', maskPattern: 0 }).modules;
  const { size } = symbol;
  const masks = masksFor(size, symbol.reservedBit);
  // Unmasked data modules: mask 0 taken off again, where qrcode applied it (never on a reserved module).
  const unmasked = new Uint8Array(masks[0]!.length);
  unmasked.set(symbol.data);
  const unmaskedWords = words(unmasked);
  const mask0 = words(masks[0]!);
  for (let k = 0; k < unmaskedWords.length; k++) unmaskedWords[k]! ^= mask0[k]!;

  const candidate = new Uint8Array(unmasked.length);
  const candidateWords = words(candidate);
  const masking = (pattern: number) => {
    const mask = words(masks[pattern]!);
    for (let k = 0; k < candidateWords.length; k++) candidateWords[k] = unmaskedWords[k]! ^ mask[k]!;
    writeFormat(candidate, size, pattern);
  };
  let best = 0;
  let lowest = Infinity;
  for (let pattern = 0; pattern < patterns; pattern++) {
    masking(pattern);
    const score = penalty(candidate, candidateWords, size);
    if (score < lowest) {
      lowest = score;
      best = pattern;
    }
  }
  masking(best);
  symbol.data.set(candidate.subarray(0, size * size));
  return symbol;
}
