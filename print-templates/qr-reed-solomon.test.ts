import ReedSolomonEncoder from 'qrcode/lib/core/reed-solomon-encoder.js';
import { describe, expect, it } from 'vitest';

import { errorCorrection, generatorPolynomial } from './qr-reed-solomon';

describe('QR error correction codewords', () => {
  it('are the ones qrcode’s encoder computes, for every degree QR uses and random blocks', () => {
    let state = 7;
    const random = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state >>> 24;
    };
    for (const degree of [7, 10, 13, 15, 16, 17, 18, 20, 22, 24, 26, 28, 30]) {
      const encoder = new ReedSolomonEncoder(degree);
      const generator = generatorPolynomial(degree);
      for (const length of [1, 2, 9, 19, 55, 122, 123]) {
        const block = Uint8Array.from({ length }, random);
        if (length === 2) block.fill(0);
        expect(Array.from(errorCorrection(block, generator))).toEqual(Array.from(encoder.encode(block)));
      }
    }
  });
});
