// Every document the engine makes from the bundled template bundle's samples and from the test fixtures is the
// very same PDF, byte for byte, whether the fonts' subset files are written straight (truetype-subset-file.ts)
// or by fontkit's own TTFSubset.encode. Each way is a fresh set of the engine's modules, pdfkit's date held still.

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { type RenderedPdf, renderEngineCorpus } from './fixtures/engine-pdf-corpus';

let straight: RenderedPdf[] = [];
let fontkits: RenderedPdf[] = [];
let writtenStraight = 0;
let writtenWhileOff = 0;

interface Subset {
  encode(): Uint8Array;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-23T02:00:00Z') });
  const counting = async (importOriginal: () => Promise<typeof import('./truetype-subset-file')>, count: () => void) => {
    const real = await importOriginal();
    return {
      trueTypeSubsetFile: (...args: Parameters<typeof real.trueTypeSubsetFile>) => {
        count();
        return real.trueTypeSubsetFile(...args);
      },
    };
  };
  vi.resetModules();
  vi.doMock('./truetype-subset-file', (importOriginal) => counting(importOriginal, () => writtenStraight++));
  straight = await renderEngineCorpus();

  vi.resetModules();
  vi.doMock('./truetype-subset-file', (importOriginal) => counting(importOriginal, () => writtenWhileOff++));
  vi.doMock('./reusable-font', async (importOriginal) => {
    const real = await importOriginal<typeof import('./reusable-font')>();
    return {
      ...real,
      reusableFont: (...args: Parameters<typeof real.reusableFont>) => {
        const font = real.reusableFont(...args) as unknown as { createSubset(): Subset };
        const createSubset = font.createSubset.bind(font);
        font.createSubset = () => {
          // The prepared subset with fontkit's TTFSubset.encode (the class it derives from) in place of its own.
          const subset = createSubset();
          const fontkitsClass = Object.getPrototypeOf(Object.getPrototypeOf(subset) as object) as Subset;
          subset.encode = fontkitsClass.encode.bind(subset);
          return subset;
        };
        return font as unknown as ReturnType<typeof real.reusableFont>;
      },
    };
  });
  fontkits = await renderEngineCorpus();
  vi.doUnmock('./reusable-font');
  vi.doUnmock('./truetype-subset-file');
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
  vi.resetModules();
});

describe('subset files written straight', () => {
  it('are written for every document, and not when turned off', () => {
    expect(straight.length).toBeGreaterThanOrEqual(16);
    expect(fontkits.map(({ name }) => name)).toEqual(straight.map(({ name }) => name));
    expect(writtenStraight).toBeGreaterThanOrEqual(straight.length);
    expect(writtenWhileOff).toBe(0);
  });

  it('give every sample and fixture byte for byte as fontkit’s encoder does', () => {
    for (const [index, { name, pdf }] of straight.entries()) {
      expect(Buffer.from(pdf).equals(Buffer.from(fontkits[index]!.pdf)), name).toBe(true);
    }
  });
});
