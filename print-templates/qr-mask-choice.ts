// The QR code qrcode would make at level Q, built on bit-packed rows (qr-bit-rows.ts) and with its choice of
// mask worked out 32 modules at a time. QRCode.create places each module through BitMatrix calls and, to pick a
// mask, masks, scores (ISO 18004 penalties N1–N4) and unmasks the symbol eight times one get() at a time: about
// 20 ms for a seal in a fresh process, where all of it runs in V8's interpreter (placing the modules alone, about
// 4 ms of QRCode.create's 8). Here qrcode's own segments,
// version choice and Reed-Solomon codewords (qr-codewords.ts) are placed as its setupData places them, each
// mask is scored on words (qr-mask-penalty.ts) with the same scores, and the same choice is made (the lowest
// penalty, the first on a tie): the very same symbol (qr-mask-choice.test.ts).

import type { BitMatrix, QRCodeSegment } from 'qrcode';
import AlignmentPattern from 'qrcode/lib/core/alignment-pattern.js';
import BitMatrixClass from 'qrcode/lib/core/bit-matrix.js';
import ErrorCorrectionLevel from 'qrcode/lib/core/error-correction-level.js';
import FormatInfo from 'qrcode/lib/core/format-info.js';
import Segments, { type Segment } from 'qrcode/lib/core/segments.js';
import QrUtils from 'qrcode/lib/core/utils.js';
import Version from 'qrcode/lib/core/version.js';

import { type BitRows, emptyBitRows, setBit, transposed, validBits } from './qr-bit-rows';
import { levelQCodewords } from './qr-codewords';
import { maskPenalty } from './qr-mask-penalty';

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

/** As createSymbol does: given segments as they are; a string split by qrcode's optimiser for its version. */
function segmentsFor(data: string | QRCodeSegment[]): Segment[] {
  if (Array.isArray(data)) return Segments.fromArray(data);
  const estimated = Version.getBestVersionForData(Segments.rawSplit(data), ErrorCorrectionLevel.Q);
  return Segments.fromString(data, estimated || 40);
}

/** The function patterns (finders, timing, alignment, format and version areas): fixed, and never masked. */
class FunctionPatterns {
  readonly matrix: BitMatrix;
  /** The symbol's rows, data placed but not masked yet. */
  readonly rows: BitRows;
  readonly reserved: BitRows;

  constructor(readonly size: number) {
    this.matrix = new BitMatrixClass(size);
    this.rows = emptyBitRows(size);
    this.reserved = emptyBitRows(size);
  }

  fix(row: number, col: number, dark: boolean): void {
    // The modules' values go to the matrix at the end, from the chosen mask's rows.
    this.matrix.reservedBit[row * this.size + col] = 1;
    // setBit, inline: about a thousand modules, each a call less in the interpreter.
    const word = row * this.rows.stride + (col >>> 5);
    const bit = 1 << (col & 31);
    this.rows.bits[word] = dark ? this.rows.bits[word]! | bit : this.rows.bits[word]! & ~bit;
    this.reserved.bits[word]! |= bit;
  }
}

/** qrcode's setupFinderPattern, setupTimingPattern, setupAlignmentPattern, setupFormatInfo, setupVersionInfo. */
function functionPatterns(version: number): FunctionPatterns {
  const size = QrUtils.getSymbolSize(version);
  const symbol = new FunctionPatterns(size);
  for (const [row, col] of [
    [0, 0],
    [size - 7, 0],
    [0, size - 7],
  ] as const) {
    for (let r = -1; r <= 7; r++) {
      if (row + r <= -1 || size <= row + r) continue;
      for (let c = -1; c <= 7; c++) {
        if (col + c <= -1 || size <= col + c) continue;
        const dark =
          (r >= 0 && r <= 6 && (c === 0 || c === 6)) ||
          (c >= 0 && c <= 6 && (r === 0 || r === 6)) ||
          (r >= 2 && r <= 4 && c >= 2 && c <= 4);
        symbol.fix(row + r, col + c, dark);
      }
    }
  }
  for (let r = 8; r < size - 8; r++) {
    symbol.fix(r, 6, r % 2 === 0);
    symbol.fix(6, r, r % 2 === 0);
  }
  for (const [row, col] of AlignmentPattern.getPositions(version)) {
    for (let r = -2; r <= 2; r++) {
      for (let c = -2; c <= 2; c++) symbol.fix(row + r, col + c, r === -2 || r === 2 || c === -2 || c === 2 || (r === 0 && c === 0));
    }
  }
  // The format areas are reserved now and written for each mask.
  for (const [row, col] of formatModules(size)) symbol.fix(row, col, false);
  symbol.fix(size - 8, 8, true);
  if (version >= 7) {
    const bits = Version.getEncodedBits(version);
    for (let i = 0; i < 18; i++) {
      const row = Math.floor(i / 3);
      const col = (i % 3) + size - 11;
      symbol.fix(row, col, ((bits >> i) & 1) === 1);
      symbol.fix(col, row, ((bits >> i) & 1) === 1);
    }
  }
  return symbol;
}

/** Where setupFormatInfo writes format bit i: twice, first down column 8, then along row 8. */
function formatModules(size: number): [number, number][] {
  const modules: [number, number][] = [];
  for (let i = 0; i < 15; i++) {
    modules.push([i < 6 ? i : i < 8 ? i + 1 : size - 15 + i, 8]);
    modules.push([8, i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1]);
  }
  return modules;
}

/** qrcode's setupData: the codewords' bits up and down two columns at a time, around reserved modules. */
function placeCodewords(symbol: FunctionPatterns, codewords: Uint8Array): void {
  const { size, rows } = symbol;
  const reserved = symbol.matrix.reservedBit;
  let inc = -1;
  let row = size - 1;
  let bitIndex = 7;
  let byteIndex = 0;
  for (let col = size - 1; col > 0; col -= 2) {
    if (col === 6) col--;
    for (;;) {
      for (let c = 0; c < 2; c++) {
        if (reserved[row * size + col - c]) continue;
        if (byteIndex < codewords.length && (codewords[byteIndex]! >>> bitIndex) & 1) {
          rows.bits[row * rows.stride + ((col - c) >>> 5)]! |= 1 << ((col - c) & 31);
        }
        if (--bitIndex === -1) {
          byteIndex++;
          bitIndex = 7;
        }
      }
      row += inc;
      if (row < 0 || size <= row) {
        row -= inc;
        inc = -inc;
        break;
      }
    }
  }
}

/** Every mask repeats itself every 12 modules both ways (its periods are 2, 3, 4 or 6). */
const period = 12;
/** 96 = 8 × 12 = 3 × 32: word k of a line shows the 12-module pattern from offset (32 k) % 12. */
const wordsPerPeriod = 3;

interface MaskWords {
  /** words[(line % 12) * 3 + word % 3] is the mask over that word of that line, for any line and word. */
  rows: Int32Array;
  /** The same for the columns: line j, module i. */
  columns: Int32Array;
}

function maskWords(pattern: number): MaskWords {
  const rowBits = new Int32Array(period);
  const columnBits = new Int32Array(period);
  for (let i = 0; i < period; i++) {
    for (let j = 0; j < period; j++) {
      if (!masked(pattern, i, j)) continue;
      rowBits[i]! |= 1 << j;
      columnBits[j]! |= 1 << i;
    }
  }
  const repeated = (bits: Int32Array) => {
    const words = new Int32Array(period * wordsPerPeriod);
    for (let line = 0; line < period; line++) {
      for (let word = 0; word < wordsPerPeriod; word++) {
        const offset = (32 * word) % period;
        const from = ((bits[line]! >>> offset) | (bits[line]! << (period - offset))) & 0xfff;
        words[line * wordsPerPeriod + word] = from | (from << 12) | (from << 24);
      }
    }
    return words;
  };
  return { rows: repeated(rowBits), columns: repeated(columnBits) };
}

/** The unmasked lines with a mask applied where modules are free, into `into`. */
function applyMask(unmasked: BitRows, free: BitRows, mask: Int32Array, into: BitRows): void {
  const { size, words, stride } = unmasked;
  for (let line = 0; line < size; line++) {
    const maskLine = (line % period) * wordsPerPeriod;
    for (let word = 0, at = line * stride; word < words; word++, at++) {
      into.bits[at] = unmasked.bits[at]! ^ (mask[maskLine + (word % wordsPerPeriod)]! & free.bits[at]!);
    }
  }
}

function writeFormat(rows: BitRows, columns: BitRows, pattern: number): void {
  const bits = FormatInfo.getEncodedBits(ErrorCorrectionLevel.Q, pattern);
  const modules = formatModules(rows.size);
  for (let k = 0; k < modules.length; k++) {
    const [row, col] = modules[k]!;
    const dark = ((bits >> (k >> 1)) & 1) === 1;
    setBit(rows, row, col, dark);
    setBit(columns, col, row, dark);
  }
  // The dark module beside the lower format bits.
  setBit(rows, rows.size - 8, 8, true);
  setBit(columns, 8, rows.size - 8, true);
}

/** The symbol for the data at level Q, exactly as QRCode.create(data, { errorCorrectionLevel: 'Q' }) makes it. */
export function qrMatrixLevelQ(data: string | QRCodeSegment[]): BitMatrix {
  if (data === '') throw new Error('No input text');
  const segments = segmentsFor(data);
  const version = Version.getBestVersionForData(segments, ErrorCorrectionLevel.Q);
  if (!version) throw new Error('The amount of data is too big to be stored in a QR Code');
  const symbol = functionPatterns(version);
  placeCodewords(symbol, levelQCodewords(segments, version));
  const { size, rows } = symbol;

  // Columns are scored as rows of the transposed symbol: transposed once, unmasked, and masked by each
  // pattern read the other way round, rather than transposing each masked candidate.
  const free = emptyBitRows(size);
  for (let row = 0; row < size; row++) {
    for (let word = 0, at = row * free.stride; word < free.words; word++, at++) {
      free.bits[at] = ~symbol.reserved.bits[at]! & validBits(size, word);
    }
  }
  const unmaskedColumns = transposed(rows);
  const freeColumns = transposed(free);
  const candidateRows = emptyBitRows(size);
  const candidateColumns = emptyBitRows(size);
  const best = emptyBitRows(size);
  let lowest = Infinity;
  for (let pattern = 0; pattern < patterns; pattern++) {
    const mask = maskWords(pattern);
    applyMask(rows, free, mask.rows, candidateRows);
    applyMask(unmaskedColumns, freeColumns, mask.columns, candidateColumns);
    writeFormat(candidateRows, candidateColumns, pattern);
    const score = maskPenalty(candidateRows, candidateColumns);
    if (score < lowest) {
      lowest = score;
      best.bits.set(candidateRows.bits);
    }
  }
  const { data: modules } = symbol.matrix;
  for (let row = 0, at = 0; row < size; row++) {
    for (let col = 0; col < size; col++, at++) modules[at] = (best.bits[row * best.stride + (col >>> 5)]! >>> (col & 31)) & 1;
  }
  return symbol.matrix;
}
