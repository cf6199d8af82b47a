// Every document the engine makes from the bundled template bundle's samples and from the test fixtures is the
// very same PDF, byte for byte, whether the bundled faces' glyph outlines are read on demand (font-file.ts) or
// the whole file is read up front as fontkit reads it. Each way is a fresh set of the engine's modules.

import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { type RenderedPdf, renderEngineCorpus } from './fixtures/engine-pdf-corpus';

let onDemand: RenderedPdf[] = [];
let whole: RenderedPdf[] = [];
let outlineBytesRead = 0;
let wholeFontRead = false;

beforeAll(async () => {
  // pdfkit dates each document: the same instant for both ways.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-23T02:00:00Z'));

  vi.resetModules();
  onDemand = await renderEngineCorpus();
  const { parsedFont } = await import('./bundled-fonts');
  const glyf = (font: unknown) => (font as { _getTableStream(tag: string): { bytesReadFromFile: number } })._getTableStream('glyf');
  outlineBytesRead = glyf(parsedFont('noto-sans-sc-regular')).bytesReadFromFile + glyf(parsedFont('noto-sans-sc-bold')).bytesReadFromFile;

  vi.resetModules();
  vi.doMock('./font-file', async () => {
    const { create } = await import('fontkit');
    return { parseFontFile: (path: string) => create(readFileSync(path)) };
  });
  whole = await renderEngineCorpus();
  const wholeFonts = await import('./bundled-fonts');
  wholeFontRead = !('bytesReadFromFile' in glyf(wholeFonts.parsedFont('noto-sans-sc-regular')));
  vi.doUnmock('./font-file');
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
  vi.resetModules();
});

describe('glyph outlines read on demand', () => {
  it('write every sample and fixture byte for byte as the whole font file does', () => {
    expect(wholeFontRead).toBe(true);
    expect(onDemand.map(({ name }) => name)).toEqual(whole.map(({ name }) => name));
    expect(onDemand.length).toBeGreaterThanOrEqual(16);
    for (const [index, { name, pdf }] of onDemand.entries()) {
      expect(Buffer.from(pdf).equals(Buffer.from(whole[index]!.pdf)), name).toBe(true);
    }
  });

  it('read a small part of the outlines for all of them', () => {
    // Both faces together hold 20 MB of outlines.
    expect(outlineBytesRead).toBeGreaterThan(0);
    expect(outlineBytesRead).toBeLessThan(6_000_000);
  });
});
