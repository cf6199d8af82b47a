import type { BitMatrix } from 'qrcode';
import BitMatrixClass from 'qrcode/lib/core/bit-matrix.js';
import MaskPattern from 'qrcode/lib/core/mask-pattern.js';
import { describe, expect, it } from 'vitest';

import { seededRandom } from './fixtures/seeded-random';
import { type BitRows, emptyBitRows, getBit, setBit, transposed } from './qr-bit-rows';
import { blockPenalty, darkPenalty, linePenalty, maskPenalty, popcount } from './qr-mask-penalty';

function packed(matrix: BitMatrix): { rows: BitRows; columns: BitRows } {
  const rows = emptyBitRows(matrix.size);
  const columns = emptyBitRows(matrix.size);
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size; col++) {
      setBit(rows, row, col, matrix.get(row, col) === 1);
      setBit(columns, col, row, matrix.get(row, col) === 1);
    }
  }
  return { rows, columns };
}

/** Dark with probability `dark`; some with finder-like patterns stamped in, so that N3 has plenty to find. */
function randomMatrix(random: () => number, size: number, dark: number, finders: boolean): BitMatrix {
  const matrix = new BitMatrixClass(size);
  for (let i = 0; i < size * size; i++) matrix.data[i] = random() < dark ? 1 : 0;
  if (finders && size >= 11) {
    const pattern = [1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0];
    for (let k = 0; k < size; k++) {
      const line = Math.floor(random() * size);
      const start = Math.floor(random() * (size - 10));
      const reversed = random() < 0.5;
      const across = random() < 0.5;
      for (let m = 0; m < 11; m++) {
        const value = pattern[reversed ? 10 - m : m]!;
        matrix.data[across ? line * size + start + m : (start + m) * size + line] = value;
      }
    }
  }
  return matrix;
}

// Sizes around the word boundaries (31–33, 63–65, 95–97) and every QR size from 21 to 177 in steps of 4.
const sizes = [1, 2, 5, 10, 11, 12, 31, 32, 33, 63, 64, 65, 95, 96, 97, ...Array.from({ length: 40 }, (_, v) => 21 + 4 * v)];

describe('mask penalties on bit-packed rows', () => {
  const random = seededRandom(5);
  const cases = sizes.flatMap((size) =>
    [0.5, 0.15, 0.85].map((dark, k) => ({ size, dark, finders: k === 0, matrix: randomMatrix(random, size, dark, k === 0) })),
  );

  it('score N1 (runs) as qrcode does over rows and columns', () => {
    for (const { matrix } of cases) {
      const { rows, columns } = packed(matrix);
      expect(linePenalty(rows).runs + linePenalty(columns).runs).toBe(MaskPattern.getPenaltyN1(matrix));
    }
  });

  it('score N2 (2 × 2 blocks) as qrcode does', () => {
    for (const { matrix } of cases) expect(blockPenalty(packed(matrix).rows)).toBe(MaskPattern.getPenaltyN2(matrix));
  });

  it('score N3 (finder-like patterns) as qrcode does over rows and columns, and find some', () => {
    let found = 0;
    for (const { matrix } of cases) {
      const { rows, columns } = packed(matrix);
      const expected = MaskPattern.getPenaltyN3(matrix);
      expect(linePenalty(rows).finders + linePenalty(columns).finders).toBe(expected);
      found += expected;
    }
    expect(found).toBeGreaterThan(0);
  });

  it('score N4 (share of dark modules) as qrcode does', () => {
    const scores = new Set<number>();
    for (const { matrix } of cases) {
      const expected = MaskPattern.getPenaltyN4(matrix);
      expect(darkPenalty(packed(matrix).rows)).toBe(expected);
      scores.add(expected);
    }
    expect(scores.size).toBeGreaterThan(3);
  });

  it('add up to qrcode’s whole penalty', () => {
    for (const { matrix } of cases) {
      const { rows, columns } = packed(matrix);
      const expected =
        MaskPattern.getPenaltyN1(matrix) +
        MaskPattern.getPenaltyN2(matrix) +
        MaskPattern.getPenaltyN3(matrix) +
        MaskPattern.getPenaltyN4(matrix);
      expect(maskPenalty(rows, columns)).toBe(expected);
    }
  });

  it('transpose rows into the columns module for module', () => {
    for (const { matrix } of cases) {
      const { rows, columns } = packed(matrix);
      expect(Array.from(transposed(rows).bits)).toEqual(Array.from(columns.bits));
      expect(getBit(columns, 0, matrix.size - 1)).toBe(matrix.get(matrix.size - 1, 0));
    }
  });

  it('count bits', () => {
    for (const word of [0, 1, 0x80000000, 0xffffffff, 0x12345678, 0x55555555]) {
      expect(popcount(word | 0)).toBe(word.toString(2).replaceAll('0', '').length);
    }
  });
});
