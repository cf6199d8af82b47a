// A QR symbol as bit-packed lines: line l (a row, or a column in the transposed view) holds module k at bit k & 31
// of its word k >>> 5, then one word of zeros, so that a line's last word can always borrow the bits that follow
// it. Padding bits stay zero. The mask choice works a word (32 modules) at a time on these.

export interface BitRows {
  size: number;
  /** Words a line holds modules in. */
  words: number;
  /** Words from one line to the next: `words` and the zero word after them. */
  stride: number;
  bits: Uint32Array;
}

export function emptyBitRows(size: number): BitRows {
  const words = (size + 31) >>> 5;
  return { size, words, stride: words + 1, bits: new Uint32Array(size * (words + 1)) };
}

export function setBit(rows: BitRows, line: number, module: number, dark: boolean): void {
  const at = line * rows.stride + (module >>> 5);
  const bit = 1 << (module & 31);
  rows.bits[at] = dark ? rows.bits[at]! | bit : rows.bits[at]! & ~bit;
}

export function getBit(rows: BitRows, line: number, module: number): number {
  return (rows.bits[line * rows.stride + (module >>> 5)]! >>> (module & 31)) & 1;
}

/** The words of a line whose bits stand for modules 0 … valid - 1: all ones, then the ones left, then none. */
export function validBits(valid: number, word: number): number {
  const left = valid - 32 * word;
  return left >= 32 ? -1 : left <= 0 ? 0 : (1 << left) - 1;
}

const block = new Uint32Array(32);
/** Each stage swaps the upper half of a block of 2j bits in word k with the lower half in word k + j. */
const stageMasks = [0x0000ffff, 0x00ff00ff, 0x0f0f0f0f, 0x33333333, 0x55555555];

/** Rows into columns, 32 × 32 modules at a time (Hacker's Delight's transpose32, five stages of swaps). */
export function transposed(rows: BitRows): BitRows {
  const { size, words, stride } = rows;
  const columns = emptyBitRows(size);
  for (let rowWord = 0; rowWord < words; rowWord++) {
    for (let colWord = 0; colWord < words; colWord++) {
      for (let k = 0, row = rowWord * 32; k < 32; k++, row++) block[k] = row < size ? rows.bits[row * stride + colWord]! : 0;
      for (let stage = 0, j = 16; j !== 0; stage++, j >>>= 1) {
        const mask = stageMasks[stage]!;
        for (let k = 0; k < 32; k = (k + j + 1) & ~j) {
          const swapped = ((block[k]! >>> j) ^ block[k + j]!) & mask;
          block[k]! ^= swapped << j;
          block[k + j]! ^= swapped;
        }
      }
      for (let k = 0, col = colWord * 32; k < 32 && col < size; k++, col++) columns.bits[col * stride + rowWord] = block[k]!;
    }
  }
  return columns;
}
