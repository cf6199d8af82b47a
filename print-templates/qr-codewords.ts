// The codewords of a level-Q symbol, data then error correction, interleaved: qrcode's createData and
// createCodewords (qrcode 1.5.4, lib/core/qrcode.js), which it does not export, over its own segments,
// tables. Two parts are cheaper: the bit writer writes a value's bits at once where qrcode's BitBuffer calls
// putBit for each, and the error correction is qr-reed-solomon.ts. qr-mask-choice.test.ts pins the symbols
// to QRCode.create.

import ErrorCorrectionCode from 'qrcode/lib/core/error-correction-code.js';
import ErrorCorrectionLevel from 'qrcode/lib/core/error-correction-level.js';
import Mode from 'qrcode/lib/core/mode.js';
import type { Segment } from 'qrcode/lib/core/segments.js';
import QrUtils from 'qrcode/lib/core/utils.js';

import { errorCorrection, generatorPolynomial } from './qr-reed-solomon';

/** Bits written most significant first into bytes, as qrcode's BitBuffer lays them out. */
class CodewordWriter {
  readonly bytes: Uint8Array;
  bitLength = 0;
  private pending = 0;
  private pendingBits = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(capacity);
  }

  /** `length` ≤ 24 bits of `value`; qrcode's segments write at most 13 at a time, counts at most 16. */
  put(value: number, length: number): void {
    this.pending = (this.pending << length) | (value & ((1 << length) - 1));
    this.pendingBits += length;
    this.bitLength += length;
    while (this.pendingBits >= 8) {
      this.pendingBits -= 8;
      this.bytes[(this.bitLength - this.pendingBits) / 8 - 1] = this.pending >>> this.pendingBits;
      this.pending &= (1 << this.pendingBits) - 1;
    }
  }

  /** Zeros up to the next whole byte. */
  padToByte(): void {
    if (this.bitLength % 8 !== 0) this.put(0, 8 - (this.bitLength % 8));
  }
}

export function levelQCodewords(segments: Segment[], version: number): Uint8Array {
  const level = ErrorCorrectionLevel.Q;
  const totalCodewords = QrUtils.getSymbolTotalCodewords(version);
  const ecTotalCodewords = ErrorCorrectionCode.getTotalCodewordsCount(version, level);
  const dataTotalCodewords = totalCodewords - ecTotalCodewords;
  const dataTotalBits = dataTotalCodewords * 8;

  const writer = new CodewordWriter(dataTotalCodewords);
  for (const segment of segments) {
    writer.put(segment.mode.bit, 4);
    writer.put(segment.getLength(), Mode.getCharCountIndicator(segment.mode, version));
    segment.write(writer);
  }
  // The terminator (up to four zeros), zeros to a whole byte, then the pad codewords 0xEC, 0x11 in turn.
  if (writer.bitLength + 4 <= dataTotalBits) writer.put(0, 4);
  writer.padToByte();
  for (let i = 0, remaining = (dataTotalBits - writer.bitLength) / 8; i < remaining; i++) writer.put(i % 2 ? 0x11 : 0xec, 8);
  const data = writer.bytes;

  const blocks = ErrorCorrectionCode.getBlocksCount(version, level);
  const blocksInGroup2 = totalCodewords % blocks;
  const blocksInGroup1 = blocks - blocksInGroup2;
  const dataInGroup1 = Math.floor(dataTotalCodewords / blocks);
  const ecCount = Math.floor(totalCodewords / blocks) - dataInGroup1;
  const generator = generatorPolynomial(ecCount);

  const dataBlocks: Uint8Array[] = [];
  const ecBlocks: Uint8Array[] = [];
  for (let b = 0, offset = 0; b < blocks; b++) {
    const dataSize = b < blocksInGroup1 ? dataInGroup1 : dataInGroup1 + 1;
    const block = data.subarray(offset, offset + dataSize);
    dataBlocks.push(block);
    ecBlocks.push(errorCorrection(block, generator));
    offset += dataSize;
  }

  const codewords = new Uint8Array(totalCodewords);
  let index = 0;
  for (let i = 0; i <= dataInGroup1; i++) {
    for (const block of dataBlocks) if (i < block.length) codewords[index++] = block[i]!;
  }
  for (let i = 0; i < ecCount; i++) for (const block of ecBlocks) codewords[index++] = block[i]!;
  return codewords;
}
