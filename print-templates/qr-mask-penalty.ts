// ISO 18004's mask penalties N1–N4 as qrcode's mask-pattern.js scores them, counted 32 modules at a time on
// bit-packed lines (qr-bit-rows.ts): a fresh process runs this in V8's interpreter, where a module-by-module
// loop over eight masks took most of the seal's time. qr-mask-penalty.test.ts pins each term to qrcode's.

import { type BitRows, validBits } from './qr-bit-rows';

/** validBits for each word of a line, worked out once per line length rather than once per word. */
function validWords(words: number, valid: number): Int32Array {
  return Int32Array.from({ length: words }, (_, word) => validBits(valid, word));
}

export function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export interface LinePenalty {
  /** N1: a run of n ≥ 5 modules of one colour scores 3 + (n - 5). */
  runs: number;
  /** N3: 40 for each 1011101 with four light modules after it (0x5D0) or before it (0x05D). */
  finders: number;
}

/**
 * N1 and N3 over these lines (rows, or the transposed columns), in one pass over each word and the ten words
 * of the modules after it. N1 is one point per window of five equal modules (a run of n has n - 4) and two
 * more for each run, counted where a window starts a run (the module before it differs, or there is none).
 */
export function linePenalty(lines: BitRows): LinePenalty {
  const { size, words, stride, bits } = lines;
  const validFive = validWords(words, size - 4);
  const validEleven = validWords(words, size - 10);
  let windows = 0;
  let runs = 0;
  let finders = 0;
  for (let line = 0; line < size; line++) {
    let equalBefore = 0;
    for (let word = 0, at = line * stride; word < words; word++, at++) {
      // Bit k of s<n>: module k + n.
      const x0 = bits[at]!;
      const x1 = bits[at + 1]!;
      const s1 = (x0 >>> 1) | (x1 << 31);
      const s2 = (x0 >>> 2) | (x1 << 30);
      const s3 = (x0 >>> 3) | (x1 << 29);
      const s4 = (x0 >>> 4) | (x1 << 28);
      const s5 = (x0 >>> 5) | (x1 << 27);
      const s6 = (x0 >>> 6) | (x1 << 26);
      const s7 = (x0 >>> 7) | (x1 << 25);
      const s8 = (x0 >>> 8) | (x1 << 24);
      const s9 = (x0 >>> 9) | (x1 << 23);
      const s10 = (x0 >>> 10) | (x1 << 22);
      // Bit k: module k equals module k + 1.
      const equal = ~(x0 ^ s1);
      const five = equal & ~(s1 ^ s2) & ~(s2 ^ s3) & ~(s3 ^ s4) & validFive[word]!;
      const sameAsBefore = (equal << 1) | equalBefore;
      equalBefore = equal >>> 31;
      if (five !== 0) {
        windows += popcount(five);
        const starts = five & ~sameAsBefore;
        if (starts !== 0) runs += popcount(starts);
      }
      // Bit k: the pattern starts at module k. One window cannot match both (module k differs).
      const finderThenLight = x0 & ~s1 & s2 & s3 & s4 & ~s5 & s6 & ~(s7 | s8 | s9 | s10);
      const lightThenFinder = ~(x0 | s1 | s2 | s3) & s4 & ~s5 & s6 & s7 & s8 & ~s9 & s10;
      const matches = (finderThenLight | lightThenFinder) & validEleven[word]!;
      if (matches !== 0) finders += popcount(matches);
    }
  }
  return { runs: windows + 2 * runs, finders: finders * 40 };
}

/** N2 over the rows: 3 for each 2 × 2 block of one colour. */
export function blockPenalty(rows: BitRows): number {
  const { size, words, stride, bits } = rows;
  const valid = validWords(words, size - 1);
  let blocks = 0;
  for (let row = 0; row < size - 1; row++) {
    for (let word = 0, at = row * stride; word < words; word++, at++) {
      const a0 = bits[at]!;
      const b0 = bits[at + stride]!;
      const a1 = (a0 >>> 1) | (bits[at + 1]! << 31);
      const b1 = (b0 >>> 1) | (bits[at + stride + 1]! << 31);
      // Bit k: modules k and k + 1 of this row and of the next all alike.
      const alike = ~(a0 ^ b0) & ~(a1 ^ b1) & ~(a0 ^ a1) & valid[word]!;
      if (alike !== 0) blocks += popcount(alike);
    }
  }
  return blocks * 3;
}

/** N4 over the rows: 10 for each 5 % step the share of dark modules lies away from half, as qrcode rounds it. */
export function darkPenalty(rows: BitRows): number {
  let dark = 0;
  for (let k = 0; k < rows.bits.length; k++) dark += popcount(rows.bits[k]!);
  return Math.abs(Math.ceil((dark * 100) / (rows.size * rows.size) / 5) - 10) * 10;
}

/** qrcode's whole penalty for a masked symbol, given its rows and the same modules as columns. */
export function maskPenalty(rows: BitRows, columns: BitRows): number {
  const across = linePenalty(rows);
  const down = linePenalty(columns);
  return across.runs + down.runs + blockPenalty(rows) + across.finders + down.finders + darkPenalty(rows);
}
