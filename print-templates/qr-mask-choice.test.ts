import QRCode, { type QRCodeSegment } from 'qrcode';
import ErrorCorrectionLevel from 'qrcode/lib/core/error-correction-level.js';
import Mode from 'qrcode/lib/core/mode.js';
import Segments from 'qrcode/lib/core/segments.js';
import Version from 'qrcode/lib/core/version.js';
import { describe, expect, it } from 'vitest';

import { seededRandom } from './fixtures/seeded-random';
import { kq1LikeSeal } from './fixtures/synthetic-certificates';
import { qrMatrixLevelQ } from './qr-mask-choice';
import { sealSegments } from './seal-qr';

const alphanumericSet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

function randomAlphanumeric(random: () => number, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphanumericSet[Math.floor(random() * alphanumericSet.length)];
  return text;
}

function randomBytes(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

function urlForm(seal: string): string {
  return `https://verify.example.gov.cn/kq1#${seal.replaceAll('%', '%25').replaceAll(' ', '%20')}`;
}

/**
 * Compares with QRCode.create at level Q: the whole symbol, modules and reserved ones, and the mask, which the
 * symbol's format bits name. Returns qrcode's version and mask.
 */
function expectSameSymbol(data: string | QRCodeSegment[]): { version: number; mask: number } {
  const expected = QRCode.create(data, { errorCorrectionLevel: 'Q' });
  const symbol = qrMatrixLevelQ(data);
  expect(symbol.size).toBe(expected.modules.size);
  expect(maskNamedBy(symbol.data, symbol.size)).toBe(expected.maskPattern);
  expect(Buffer.from(symbol.data).equals(Buffer.from(expected.modules.data))).toBe(true);
  expect(Buffer.from(symbol.reservedBit).equals(Buffer.from(expected.modules.reservedBit))).toBe(true);
  expect(symbol.get(3, 3)).toBe(expected.modules.get(3, 3));
  return { version: expected.version, mask: expected.maskPattern ?? -1 };
}

/** The mask pattern as the format bits along row 8 say (bits 10–12 after undoing the 0x5412 XOR). */
function maskNamedBy(modules: Uint8Array, size: number): number {
  let bits = 0;
  for (let i = 0; i < 15; i++) {
    const col = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1;
    bits |= modules[8 * size + col]! << i;
  }
  return ((bits ^ 0b101010000010010) >> 10) & 0b111;
}

describe('the QR symbol built on bit-packed rows', () => {
  it('makes the very symbol qrcode makes, for seals of every size and both forms', () => {
    const masks = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) {
      const bare = kq1LikeSeal(20 + seed * 9, seed);
      for (const seal of [bare, urlForm(bare)]) masks.add(expectSameSymbol(sealSegments(seal) ?? seal).mask);
    }
    // The samples reach most of the eight masks, so the choice itself is tested, not one lucky answer.
    expect(masks.size).toBeGreaterThanOrEqual(6);
  });

  it('makes the same symbol at the smallest and largest seal of every version a seal or its URL form takes', () => {
    // Seals of 1 to 400 COSE bytes (the contract allows 360): the first and last length reaching each version.
    const lengthsByVersion = new Map<string, number[]>();
    for (let bytes = 1; bytes <= 400; bytes++) {
      const bare = kq1LikeSeal(bytes, bytes);
      for (const [form, seal] of [
        ['bare', bare],
        ['url', urlForm(bare)],
      ] as const) {
        const key = `${form} ${Version.getBestVersionForData(Segments.fromArray(sealSegments(seal)!), ErrorCorrectionLevel.Q)}`;
        const lengths = lengthsByVersion.get(key) ?? [];
        lengths.push(bytes);
        lengthsByVersion.set(key, lengths);
      }
    }
    const versions = new Set<number>();
    for (const [key, lengths] of lengthsByVersion) {
      const form = key.split(' ')[0];
      for (const bytes of [lengths[0]!, lengths.at(-1)!]) {
        const bare = kq1LikeSeal(bytes, bytes);
        const seal = form === 'url' ? urlForm(bare) : bare;
        versions.add(expectSameSymbol(sealSegments(seal)!).version);
      }
    }
    // From version 1 (a bare seal of one byte) to 20 (a URL form of 400 bytes), none skipped.
    expect([...versions].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('makes the same symbol for random alphanumeric and byte data at the smallest and largest size of every version', () => {
    const random = seededRandom(9);
    const masks = new Set<number>();
    for (let version = 1; version <= 40; version++) {
      for (const mode of [Mode.ALPHANUMERIC, Mode.BYTE]) {
        const largest = Version.getCapacity(version, ErrorCorrectionLevel.Q, mode);
        const smallest = version === 1 ? 1 : Version.getCapacity(version - 1, ErrorCorrectionLevel.Q, mode) + 1;
        for (const length of [smallest, largest]) {
          const segment: QRCodeSegment =
            mode === Mode.BYTE
              ? { mode: 'byte', data: randomBytes(random, length) }
              : { mode: 'alphanumeric', data: randomAlphanumeric(random, length) };
          const made = expectSameSymbol([segment]);
          expect(made.version).toBe(version);
          masks.add(made.mask);
        }
      }
    }
    expect(masks.size).toBe(8);
  });

  it('makes the same symbol for tiny inputs and text left to qrcode’s optimiser', () => {
    const random = seededRandom(17);
    for (const text of [
      'A',
      '0',
      'KQ1:',
      'kq1:lower case 张三',
      'https://verify.example.gov.cn/kq1#KQ1:ABC',
      '12345678901234567890',
      '䶮𠮷·',
    ]) {
      expectSameSymbol(text);
    }
    for (let i = 0; i < 20; i++) {
      const length = 1 + Math.floor(random() * 120);
      let text = '';
      for (let k = 0; k < length; k++)
        text +=
          random() < 0.3
            ? String(Math.floor(random() * 10))
            : random() < 0.5
              ? alphanumericSet[Math.floor(random() * 45)]
              : 'aé张'[Math.floor(random() * 3)];
      expectSameSymbol(text);
    }
    expectSameSymbol([{ mode: 'byte', data: new Uint8Array([0]) }]);
    expectSameSymbol([
      { mode: 'numeric', data: '0123456789' },
      { mode: 'alphanumeric', data: 'AB' },
    ]);
  });

  it('refuses no text, and data too large for any version, as qrcode does', () => {
    expect(() => QRCode.create('', { errorCorrectionLevel: 'Q' })).toThrow(/No input text/);
    expect(() => qrMatrixLevelQ('')).toThrow(/No input text/);
    const tooLarge = 'A'.repeat(Version.getCapacity(40, ErrorCorrectionLevel.Q, Mode.ALPHANUMERIC) + 1);
    expect(() => QRCode.create([{ mode: 'alphanumeric', data: tooLarge }], { errorCorrectionLevel: 'Q' })).toThrow();
    expect(() => qrMatrixLevelQ([{ mode: 'alphanumeric', data: tooLarge }])).toThrow(/too big/);
  });
});
